/**
 * Wake-ups for the open run streams of this process.
 *
 * The database's RunEvent table is the source of truth; the hub only tells a
 * stream "read again". Two sources feed it, shared by every client:
 * - ONE subscription to this process's engine (instant, for runs it executes);
 * - ONE poll of `max(seq)` over all watched runs at a modest interval (runs
 *   executed by another process, e.g. the CLI).
 * A spurious wake costs one indexed read; a missed one at most a poll interval.
 */
import type { LiveHint } from "./types";

/** What woke a watcher: `events` = the run's event log may have grown (read it); `hints` = steps with new output. */
export type Wake = { kind: "wake"; events: boolean; hints: LiveHint[] } | { kind: "timeout" } | { kind: "closed" };

export interface RunWatch {
  /** Resolves at the next wake (at once if one happened since the last call) or after `timeoutMs`. */
  next(timeoutMs: number): Promise<Wake>;
  /** Stops watching; a pending `next` resolves `closed`. */
  close(): void;
}

/** Engine events as the hub needs them (structural, so tests need no engine). */
export type HubEngineEvent = { type: string; runId?: string; seq?: number; stepId?: string };

export interface HubDeps {
  /** Subscribes to this process's engine, if it has one; returns the unsubscribe function. */
  subscribe?: (listener: (e: HubEngineEvent) => void) => Promise<(() => void) | null>;
  /** Highest event seq of each of these runs. */
  maxSeqs: (runIds: string[]) => Promise<Map<string, number>>;
  pollIntervalMs: number;
  onError?: (err: unknown) => void;
}

interface Watcher {
  dirty: boolean;
  hints: Map<string, LiveHint>;
  wake: ((w: Wake) => void) | null;
}

export class RunEventHub {
  private readonly watchers = new Map<string, Set<Watcher>>();
  /** Highest seq seen per watched run: only to tell a new event from an old one. */
  private readonly seen = new Map<string, number>();
  private subscribed = false;
  private pollTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: HubDeps) {}

  /** Number of open watches (tests, health). */
  get size(): number {
    let n = 0;
    for (const set of this.watchers.values()) n += set.size;
    return n;
  }

  watch(runId: string): RunWatch {
    this.ensureSubscribed();
    const w: Watcher = { dirty: false, hints: new Map(), wake: null };
    let set = this.watchers.get(runId);
    if (!set) this.watchers.set(runId, (set = new Set()));
    set.add(w);
    this.armPoll();
    let closed = false;
    return {
      next: (timeoutMs) => {
        if (closed) return Promise.resolve({ kind: "closed" });
        if (w.dirty || w.hints.size) return Promise.resolve(this.take(w));
        return new Promise<Wake>((resolve) => {
          const timer = setTimeout(() => {
            w.wake = null;
            resolve({ kind: "timeout" });
          }, timeoutMs);
          w.wake = (wake) => {
            clearTimeout(timer);
            w.wake = null;
            resolve(wake);
          };
        });
      },
      close: () => {
        if (closed) return;
        closed = true;
        set.delete(w);
        if (set.size === 0) {
          this.watchers.delete(runId);
          this.seen.delete(runId);
        }
        w.wake?.({ kind: "closed" });
      },
    };
  }

  /** Wakes the watchers of `runId`: new events (seq, if known) and/or a hint. */
  notify(runId: string, opts: { seq?: number; hint?: LiveHint } = {}): void {
    const set = this.watchers.get(runId);
    if (!set) return;
    if (opts.seq !== undefined) this.seen.set(runId, Math.max(this.seen.get(runId) ?? 0, opts.seq));
    for (const w of set) {
      if (opts.hint) w.hints.set(`${opts.hint.kind}:${opts.hint.stepId}`, opts.hint);
      else w.dirty = true;
      if (w.wake) w.wake(this.take(w));
    }
  }

  private take(w: Watcher): Wake {
    const wake: Wake = { kind: "wake", events: w.dirty, hints: [...w.hints.values()] };
    w.dirty = false;
    w.hints.clear();
    return wake;
  }

  private onEngineEvent = (e: HubEngineEvent): void => {
    if (!e.runId) return;
    // Samples are not forwarded: the drawer refreshes them on a timer, and they come every second per step.
    if (e.type === "log" && e.stepId) this.notify(e.runId, { hint: { kind: "log", stepId: e.stepId } });
    else if (typeof e.seq === "number") this.notify(e.runId, { seq: e.seq });
  };

  private ensureSubscribed(): void {
    if (this.subscribed || !this.deps.subscribe) return;
    this.subscribed = true;
    this.deps.subscribe(this.onEngineEvent).then(
      (unsubscribe) => {
        // No engine in this process (yet): polling alone serves; try again with the next watcher.
        if (!unsubscribe) this.subscribed = false;
      },
      (err: unknown) => {
        this.subscribed = false;
        this.deps.onError?.(err);
      },
    );
  }

  private armPoll(): void {
    if (this.pollTimer || this.watchers.size === 0) return;
    this.pollTimer = setTimeout(() => {
      void this.poll().finally(() => {
        this.pollTimer = null;
        this.armPoll();
      });
    }, this.deps.pollIntervalMs);
    this.pollTimer.unref?.();
  }

  private async poll(): Promise<void> {
    const ids = [...this.watchers.keys()];
    if (ids.length === 0) return;
    try {
      const max = await this.deps.maxSeqs(ids);
      for (const [runId, seq] of max) {
        if (seq > (this.seen.get(runId) ?? -1)) this.notify(runId, { seq });
      }
    } catch (err) {
      this.deps.onError?.(err);
    }
  }
}
