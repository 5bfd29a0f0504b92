/**
 * Ordering of ready steps: priority (higher first), then longest remaining
 * path (critical path first), then run start order, then definition order.
 * Entries are invalidated lazily by a per-task token, so moving a task out
 * of a queue is O(1) and the queue never needs a scan.
 */
import { BinaryHeap } from "./heap";

/** What the ordering needs to know about a task. */
export interface Queueable {
  /** Definition index. */
  index: number;
  priority: number;
  /** Longest remaining path (seconds of estimates). */
  lrp: number;
  /** Bumped whenever the task is (re)queued anywhere; stale entries are skipped. */
  token: number;
  /** Order of the task's run (earlier runs first on ties). */
  runOrder: number;
}

/** Scheduling order of two tasks: negative if `a` goes first. */
export function compareQueueables(a: Queueable, b: Queueable): number {
  return b.priority - a.priority || b.lrp - a.lrp || a.runOrder - b.runOrder || a.index - b.index;
}

interface Entry<T> {
  task: T;
  token: number;
}

/** A heap of tasks with lazy invalidation. `isLive` says whether a task still belongs here. */
export class ReadyQueue<T extends Queueable> {
  private readonly heap = new BinaryHeap<Entry<T>>((a, b) => compareQueueables(a.task, b.task));

  constructor(private readonly isLive: (task: T) => boolean) {}

  /** Adds a task with a fresh token (invalidating its entries elsewhere). */
  push(task: T): void {
    task.token++;
    this.heap.push({ task, token: task.token });
  }

  /** Adds a task keeping its current token (when it moves between queues it owns). */
  pushKeepToken(task: T): void {
    this.heap.push({ task, token: task.token });
  }

  /** Best live task, without removing it. */
  peek(): T | undefined {
    this.dropStale();
    return this.heap.peek()?.task;
  }

  /** Removes and returns the best live task. */
  pop(): T | undefined {
    this.dropStale();
    return this.heap.pop()?.task;
  }

  /** Entries including stale ones (upper bound of the live count). */
  get rawSize(): number {
    return this.heap.size;
  }

  clear(): void {
    this.heap.clear();
  }

  /** Live tasks in no particular order (inspection; O(n)). */
  live(): T[] {
    return this.heap
      .toArray()
      .filter((e) => e.token === e.task.token && this.isLive(e.task))
      .map((e) => e.task);
  }

  private dropStale(): void {
    for (;;) {
      const top = this.heap.peek();
      if (!top || (top.token === top.task.token && this.isLive(top.task))) return;
      this.heap.pop();
    }
  }
}
