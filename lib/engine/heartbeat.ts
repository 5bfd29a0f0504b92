/**
 * The instance's heartbeat: registers the instance row, refreshes it every
 * `heartbeatIntervalMs` (re-creating it if the store forgot the instance),
 * keeps the {@link Lease} informed, and after each beat runs a hook (the
 * engine adopts orphaned runs there).
 */
import type { TimerHandle } from "./clock";
import type { EngineContext } from "./context";
import type { EngineStore } from "./store";

/** Who this instance is, as recorded in its row. */
export interface InstanceIdentity {
  id: string;
  host: string;
  pid: number;
}

export class Heartbeat {
  private timer: TimerHandle | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: EngineContext,
    private readonly store: EngineStore,
    private readonly identity: InstanceIdentity,
    private readonly afterBeat: () => Promise<unknown>,
  ) {}

  /** Writes the instance row and starts beating. */
  async register(): Promise<void> {
    const now = this.ctx.clock.now();
    await this.upsert(now);
    this.ctx.lease.beat(now, false);
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.ctx.clock.clearTimer(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.timer || this.stopped) return;
    const { clock, options, logger } = this.ctx;
    this.timer = clock.setTimer(
      () => {
        this.timer = null;
        void this.beat()
          .catch((err: unknown) => logger.error("heartbeat failed", { error: String(err) }))
          .finally(() => this.arm());
      },
      options.heartbeatIntervalMs,
      { unref: true },
    );
  }

  private async beat(): Promise<void> {
    const now = this.ctx.clock.now();
    const alive = await this.store.heartbeat(this.identity.id, now);
    if (!alive) await this.upsert(now);
    this.ctx.lease.beat(now, alive);
    if (!this.stopped) await this.afterBeat();
  }

  private upsert(now: number): Promise<void> {
    const { id, host, pid } = this.identity;
    return this.store.upsertInstance({ id, host, pid, startedAt: now, heartbeatAt: now });
  }
}
