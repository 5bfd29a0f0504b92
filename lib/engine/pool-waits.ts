/**
 * Per-pool wait lists of steps whose resources are short. Best step first
 * (same order as the ready queues). Entries are invalidated lazily through
 * the task token; a step asking for more than the pool's whole capacity is
 * set aside so it never blocks smaller steps behind it, and comes back when
 * the capacity grows.
 */
import { BinaryHeap } from "./heap";
import { compareQueueables } from "./ready-queue";
import type { RunState, TaskState } from "./run-state";

/** A step waiting for a pool. */
export interface PoolWaiter {
  run: RunState;
  task: TaskState;
  token: number;
}

function live(w: PoolWaiter): boolean {
  return w.token === w.task.token && w.task.status === "waiting" && w.task.waitReason?.type === "resource";
}

/** Amount of `pool` a task asks for. */
export function amountOf(task: TaskState, pool: string): number {
  for (const r of task.request) if (r.pool === pool) return r.amount;
  return 0;
}

/** Wait lists of every pool. */
export class PoolWaitLists {
  private readonly heaps = new Map<string, BinaryHeap<PoolWaiter>>();
  private readonly oversize = new Map<string, PoolWaiter[]>();

  /** Adds a task (already marked `waiting`); bumps its token, invalidating older entries. */
  add(pool: string, run: RunState, task: TaskState, capacity: number): void {
    task.token++;
    const waiter = { run, task, token: task.token };
    if (amountOf(task, pool) > capacity) this.aside(pool, waiter);
    else this.heap(pool).push(waiter);
  }

  /**
   * Removes and returns the best waiters of `pool` that fit, in order, until
   * the next one does not fit in what is left of `free`.
   */
  takeFitting(pool: string, free: number, capacity: number): PoolWaiter[] {
    const over = this.oversize.get(pool);
    if (over && over.length > 0) {
      const keep: PoolWaiter[] = [];
      for (const w of over) {
        if (!live(w)) continue;
        if (amountOf(w.task, pool) > capacity) keep.push(w);
        else this.heap(pool).push(w);
      }
      this.oversize.set(pool, keep);
    }
    const heap = this.heaps.get(pool);
    const out: PoolWaiter[] = [];
    if (!heap) return out;
    let avail = free;
    while (avail > 0) {
      const w = heap.peek();
      if (!w) break;
      if (!live(w)) {
        heap.pop();
        continue;
      }
      const need = amountOf(w.task, pool);
      if (need > capacity) {
        heap.pop();
        this.aside(pool, w);
        continue;
      }
      if (need > avail) break;
      heap.pop();
      avail -= need;
      out.push(w);
    }
    return out;
  }

  private heap(pool: string): BinaryHeap<PoolWaiter> {
    let heap = this.heaps.get(pool);
    if (!heap) {
      heap = new BinaryHeap<PoolWaiter>((a, b) => compareQueueables(a.task, b.task));
      this.heaps.set(pool, heap);
    }
    return heap;
  }

  private aside(pool: string, w: PoolWaiter): void {
    const list = this.oversize.get(pool);
    if (list) list.push(w);
    else this.oversize.set(pool, [w]);
  }
}
