import "server-only";
import { currentEngine } from "@/lib/runtime/engine-host";

/** This server's engine applies a capacity change at once (other engines within seconds, through pool sync). */
export async function applyToEngine(name: string, capacity: number): Promise<void> {
  const engine = await currentEngine()?.catch(() => null);
  engine?.setPoolCapacity(name, capacity);
}
