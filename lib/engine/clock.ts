import { BinaryHeap } from "./heap";

/**
 * The Clock port: the engine reads time and arms timers only through it, so
 * tests and simulation can run on virtual time ({@link FakeClock}) while
 * production uses {@link RealClock}.
 */

/** Opaque handle of an armed timer. */
export type TimerHandle = { readonly __timer: unique symbol } | object;

/** Time source and timer factory. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /**
   * Calls `fn` once after `ms` milliseconds. `unref` timers do not keep a
   * Node process alive (heartbeats); it is ignored by virtual clocks.
   */
  setTimer(fn: () => void, ms: number, options?: { unref?: boolean }): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** Wall-clock time and Node timers. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  setTimer(fn: () => void, ms: number, options?: { unref?: boolean }): TimerHandle {
    const t = setTimeout(fn, Math.max(0, ms));
    if (options?.unref) t.unref();
    return t;
  }

  clearTimer(handle: TimerHandle): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}

interface FakeTimer {
  at: number;
  order: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * Virtual time for deterministic tests and simulation. Time moves only when
 * the owner calls {@link FakeClock.advance} / {@link FakeClock.advanceTo} /
 * {@link FakeClock.runNext}; due timers fire in (time, creation) order with
 * `now()` equal to their due time.
 */
export class FakeClock implements Clock {
  private current: number;
  private readonly timers = new BinaryHeap<FakeTimer>((a, b) => a.at - b.at || a.order - b.order);
  private counter = 0;
  private live = 0;

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const timer: FakeTimer = { at: this.current + Math.max(0, ms), order: this.counter++, fn, cancelled: false };
    this.timers.push(timer);
    this.live++;
    return timer;
  }

  clearTimer(handle: TimerHandle): void {
    const timer = handle as FakeTimer;
    if (!timer.cancelled) {
      timer.cancelled = true;
      this.live--;
    }
  }

  /** Number of armed timers. */
  pending(): number {
    return this.live;
  }

  /** Due time of the next timer, or null. */
  nextAt(): number | null {
    this.dropCancelled();
    return this.timers.peek()?.at ?? null;
  }

  /** Moves time forward by `ms`, firing every timer due on the way. */
  advance(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /** Moves time forward by `ms` without firing timers, as in a stalled process (they fire late, on the next advance). */
  stall(ms: number): void {
    this.current += Math.max(0, ms);
  }

  /** Moves time to `t` (never backwards), firing every timer due on the way. */
  advanceTo(t: number): void {
    for (;;) {
      this.dropCancelled();
      const next = this.timers.peek();
      if (!next || next.at > t) break;
      this.timers.pop();
      next.cancelled = true;
      this.live--;
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    this.current = Math.max(this.current, t);
  }

  /** Jumps to the next timer and fires it (and any others due at the same time). Returns false if none. */
  runNext(): boolean {
    const at = this.nextAt();
    if (at === null) return false;
    this.advanceTo(at);
    return true;
  }

  private dropCancelled(): void {
    while (this.timers.peek()?.cancelled) this.timers.pop();
  }
}
