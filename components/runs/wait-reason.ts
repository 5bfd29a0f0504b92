import type { WaitReason } from "@/lib/engine/store";

/** One short sentence for a step that is not running. */
export function describeWaitReason(reason: WaitReason | null | undefined, now = Date.now()): string {
  if (!reason) return "";
  switch (reason.type) {
    case "dependencies":
      return `waiting for ${reason.waitingFor.join(", ")}`;
    case "resource":
      return `needs ${reason.needed} ${reason.pool}, ${reason.free} free of ${reason.capacity}`;
    case "concurrency":
      return `${reason.scope === "run" ? "run" : "global"} concurrency limit (${reason.limit}) reached`;
    case "paused":
      return "paused";
    case "backoff":
      return `retry ${reason.attempt} in ${Math.max(0, Math.ceil((reason.until - now) / 1000))} s`;
  }
}
