/**
 * What this instance can be sure of about its ownership of runs, from its
 * own heartbeats.
 *
 * Another instance takes over a run only when the owner's heartbeat is older
 * than the expiry. So if this instance proved it owned a run at time P (a
 * fenced commit that succeeded), and its heartbeats have not lapsed since
 * before P, and the last one is recent, nobody can have taken the run over
 * yet. The scheduler uses this to start an attempt's executor while the
 * commit that records it is still being written (pipelined dispatch, see
 * scheduler.ts); without that certainty it waits for the commit.
 */
export class Lease {
  /** Time written by the last heartbeat that succeeded. */
  private lastBeatAt: number | null = null;
  /** Since when the heartbeats have followed each other without a lapse. */
  private unbrokenSince: number | null = null;

  constructor(private readonly expiryMs: number) {}

  /**
   * Records a heartbeat written with time `at`. `continued` is false when the
   * store no longer knew this instance (it was presumed dead).
   */
  beat(at: number, continued: boolean): void {
    const lapsed = this.lastBeatAt === null || at - this.lastBeatAt >= this.expiryMs;
    if (!continued || lapsed) this.unbrokenSince = at;
    this.lastBeatAt = at;
  }

  /**
   * Whether a run this instance owned at `provenAt` is surely still its own
   * at `now`: proven since the heartbeats became unbroken, and the last one
   * is less than half the expiry old (a margin for clock skew and stalls).
   */
  holds(provenAt: number | undefined, now: number): boolean {
    if (provenAt === undefined || this.lastBeatAt === null || this.unbrokenSince === null) return false;
    return provenAt >= this.unbrokenSince && now - this.lastBeatAt < this.expiryMs / 2;
  }
}
