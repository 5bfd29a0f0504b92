/**
 * The attempt starts of pipelined dispatch, for the WriteQueue: staged with
 * the batch that records them, they run when that batch is sealed — first
 * journaled (intent-log.ts, one write for the batch) — if starting before the
 * commit is still safe; otherwise they join the batch's post-commit effects.
 */
import type { Logger } from "./events";
import type { IntentLog, StartIntent } from "./intent-log";

/** An attempt start that may run while its batch is committed. */
export interface EarlyStart {
  intent: StartIntent;
  /** Starts it (before the commit, or after it when no longer sure). */
  start: () => void;
  /** Whether starting before the commit is still safe (checked when the batch is sealed). */
  sure: () => boolean;
}

/** A function to run after the batch commits (skipped if its run is lost). */
export interface AfterCommit {
  runId: string | null;
  fn: () => void;
}

export class PipelinedStarts {
  private staged: EarlyStart[] = [];

  constructor(
    private readonly intents: IntentLog,
    private readonly instanceId: string,
    private readonly logger: Logger,
  ) {}

  get size(): number {
    return this.staged.length;
  }

  add(start: EarlyStart): void {
    this.staged.push(start);
  }

  /** Takes the starts staged so far (the batch is being sealed). */
  take(): EarlyStart[] {
    const taken = this.staged;
    this.staged = [];
    return taken;
  }

  /**
   * Of `taken`, journals and returns the starts to run now, as effects; the
   * ones no longer safe (or not journaled) are pushed to `afterCommit`.
   */
  sealed(taken: EarlyStart[], isLost: (runId: string) => boolean, afterCommit: AfterCommit[]): AfterCommit[] {
    const now: EarlyStart[] = [];
    for (const e of taken) {
      if (isLost(e.intent.runId)) continue;
      if (e.sure()) now.push(e);
      else afterCommit.push({ runId: e.intent.runId, fn: e.start });
    }
    if (now.length === 0) return [];
    try {
      this.intents.append(this.instanceId, now.map((e) => e.intent));
    } catch (err) {
      // Not journaled: they must wait for the commit.
      this.logger.warn("cannot journal pipelined starts; starting after the commit", { error: String(err) });
      for (const e of now) afterCommit.push({ runId: e.intent.runId, fn: e.start });
      return [];
    }
    return now.map((e) => ({ runId: e.intent.runId, fn: e.start }));
  }

  /** A batch committed: every journaled start is covered by rows (starts staged since are journaled when sealed). */
  committed(): void {
    try {
      this.intents.settled(this.instanceId);
    } catch (err) {
      this.logger.warn("cannot empty the start journal", { error: String(err) });
    }
  }
}
