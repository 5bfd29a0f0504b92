/**
 * An async task repeated every `intervalMs` — the next run is armed once the
 * previous one settled, so runs never overlap — until stopped. Failures are
 * logged, never thrown. Timers are unref'd: they do not keep a process alive.
 */
import type { Clock, TimerHandle } from "./clock";
import type { Logger } from "./events";

export class Periodic {
  private timer: TimerHandle | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    /** Named in the log when a run fails, e.g. "heartbeat". */
    private readonly label: string,
    private readonly task: () => Promise<void>,
  ) {}

  /** Arms the first run (in `intervalMs`). */
  start(): void {
    this.stopped = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  private arm(): void {
    if (this.timer || this.stopped) return;
    this.timer = this.clock.setTimer(
      () => {
        this.timer = null;
        void this.task()
          .catch((err: unknown) => this.logger.error(`${this.label} failed`, { error: String(err) }))
          .finally(() => this.arm());
      },
      this.intervalMs,
      { unref: true },
    );
  }
}
