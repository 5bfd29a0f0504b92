import { describe, expect, it } from "vitest";
import { ResourcePools } from "./resources";
import { backoffDelayMs, shouldRetry } from "./retry";
import { DEFAULT_RETRY } from "./definition";
import { FakeClock } from "./clock";

const holder = (id: string) => ({ runId: "r", taskRunId: id, attempt: 1, instanceId: "i", idPrefix: id });

describe("ResourcePools", () => {
  it("acquires all-or-nothing and releases exactly once", () => {
    const pools = new ResourcePools({ cpu: 2, gpu: 1 });
    const a = pools.tryAcquire([{ pool: "cpu", amount: 1 }, { pool: "gpu", amount: 1 }], holder("a"), 10);
    expect(a.ok).toBe(true);
    const b = pools.tryAcquire([{ pool: "cpu", amount: 1 }, { pool: "gpu", amount: 1 }], holder("b"), 11);
    expect(b).toEqual({ ok: false, pool: "gpu", needed: 1, free: 0, capacity: 1 });
    expect(pools.info("cpu")).toMatchObject({ used: 1, free: 1 });
    if (!a.ok) return;
    expect(pools.release(a.allocations, 20).map((x) => x.releasedAt)).toEqual([20, 20]);
    expect(pools.release(a.allocations, 30)).toEqual([]);
    expect(pools.list().every((p) => p.used === 0)).toBe(true);
  });

  it("changes capacities at runtime; unknown pools have no capacity", () => {
    const pools = new ResourcePools({ cpu: 1 });
    pools.setCapacity("lic", 3);
    expect(pools.free("lic")).toBe(3);
    expect(pools.free("nope")).toBe(0);
    expect(() => pools.setCapacity("lic", -1)).toThrow();
  });
});

describe("retry policy", () => {
  const policy = { ...DEFAULT_RETRY, maxAttempts: 5, delaySec: 1, maxDelaySec: 6 };
  it("computes fixed, exponential, capped and jittered delays", () => {
    expect([2, 3, 4, 5].map((n) => backoffDelayMs(policy, n))).toEqual([1000, 2000, 4000, 6000]);
    expect(backoffDelayMs({ ...policy, backoff: "fixed" }, 4)).toBe(1000);
    expect(backoffDelayMs({ ...policy, jitter: 1 }, 3, () => 0.25)).toBe(1500);
  });
  it("stops after maxAttempts and honours retryOnTimeout", () => {
    expect(shouldRetry(policy, 4, "failed")).toBe(true);
    expect(shouldRetry(policy, 5, "failed")).toBe(false);
    expect(shouldRetry({ ...policy, retryOnTimeout: false }, 1, "timed_out")).toBe(false);
    expect(shouldRetry(policy, 1, "lost")).toBe(true);
  });
});

describe("FakeClock", () => {
  it("fires timers in time order with now() at their due time, and cancels", () => {
    const clock = new FakeClock(100);
    const fired: Array<[string, number]> = [];
    clock.setTimer(() => fired.push(["b", clock.now()]), 20);
    const c = clock.setTimer(() => fired.push(["c", clock.now()]), 5);
    clock.setTimer(() => fired.push(["a", clock.now()]), 10);
    clock.clearTimer(c);
    clock.advance(15);
    expect(fired).toEqual([["a", 110]]);
    expect(clock.now()).toBe(115);
    expect(clock.runNext()).toBe(true);
    expect(fired.at(-1)).toEqual(["b", 120]);
    expect(clock.pending()).toBe(0);
  });
});
