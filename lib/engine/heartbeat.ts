/**
 * The instance's heartbeat: registers the instance row, refreshes it every
 * `heartbeatIntervalMs` (re-creating it if the store forgot the instance),
 * keeps the {@link Lease} informed, and after each beat runs a hook (the
 * engine adopts orphaned runs there).
 */
import type { EngineContext } from "./context";
import { Periodic } from "./periodic";
import type { EngineStore } from "./store";

/** Who this instance is, as recorded in its row. */
export interface InstanceIdentity {
  id: string;
  host: string;
  pid: number;
}

export class Heartbeat {
  private readonly periodic: Periodic;

  constructor(
    private readonly ctx: EngineContext,
    private readonly store: EngineStore,
    private readonly identity: InstanceIdentity,
    private readonly afterBeat: () => Promise<unknown>,
  ) {
    this.periodic = new Periodic(ctx.clock, ctx.logger, ctx.options.heartbeatIntervalMs, "heartbeat", () => this.beat());
  }

  /** Writes the instance row and starts beating. */
  async register(): Promise<void> {
    const now = this.ctx.clock.now();
    await this.upsert(now);
    this.ctx.lease.beat(now, false);
    this.periodic.start();
  }

  stop(): void {
    this.periodic.stop();
  }

  private async beat(): Promise<void> {
    const now = this.ctx.clock.now();
    const alive = await this.store.heartbeat(this.identity.id, now);
    if (!alive) await this.upsert(now);
    this.ctx.lease.beat(now, alive);
    if (!this.periodic.isStopped) await this.afterBeat();
  }

  private upsert(now: number): Promise<void> {
    const { id, host, pid } = this.identity;
    return this.store.upsertInstance({ id, host, pid, startedAt: now, heartbeatAt: now });
  }
}
