import { describe, expect, it } from "vitest";
import { Lease } from "./lease";

describe("Lease", () => {
  it("holds a run proven after the heartbeats became unbroken, while the last beat is under half the expiry old", () => {
    const lease = new Lease(30_000);
    expect(lease.holds(1_000, 1_000)).toBe(false); // never beat
    lease.beat(1_000, false);
    expect(lease.holds(undefined, 1_000)).toBe(false); // never proven
    expect(lease.holds(1_500, 2_000)).toBe(true);
    expect(lease.holds(500, 2_000)).toBe(false); // proven before this instance (re)registered
    expect(lease.holds(1_500, 1_000 + 14_999)).toBe(true);
    expect(lease.holds(1_500, 1_000 + 15_000)).toBe(false); // last beat too old
    lease.beat(6_000, true);
    expect(lease.holds(1_500, 20_000)).toBe(true);
  });

  it("a lapse in the heartbeats, or the store forgetting the instance, voids earlier proofs", () => {
    const lapsed = new Lease(30_000);
    lapsed.beat(1_000, false);
    lapsed.beat(31_000, true); // 30 s without a beat: others may have taken over
    expect(lapsed.holds(2_000, 31_001)).toBe(false);
    expect(lapsed.holds(31_000, 31_001)).toBe(true);

    const forgotten = new Lease(30_000);
    forgotten.beat(1_000, false);
    forgotten.beat(6_000, false); // the instance row was gone
    expect(forgotten.holds(2_000, 6_001)).toBe(false);
    expect(forgotten.holds(6_000, 6_001)).toBe(true);
  });
});
