/**
 * The last events the stream delivered, so that a snapshot fetched while
 * events kept arriving can be brought up to date: the snapshot says which seq
 * it reflects, and the events after it are applied again (idempotently).
 */
import type { LiveEvent } from "./types";

export class RecentEvents {
  private events: LiveEvent[] = [];

  constructor(private readonly capacity = 2000) {}

  push(batch: readonly LiveEvent[]): void {
    this.events.push(...batch);
    if (this.events.length > this.capacity) this.events = this.events.slice(-this.capacity);
  }

  /** Events with seq > after, in order. */
  after(seq: number): LiveEvent[] {
    return this.events.filter((e) => e.seq > seq);
  }
}
