import { describe, expect, it } from "vitest";
import { cpuBusyPercent, readCpuTimes, readHost } from "./host-sample";

describe("cpuBusyPercent", () => {
  it("is the non-idle share of the elapsed CPU time", () => {
    expect(cpuBusyPercent({ idle: 100, total: 200 }, { idle: 175, total: 300 })).toBe(25);
    expect(cpuBusyPercent({ idle: 0, total: 0 }, { idle: 0, total: 0 })).toBe(0);
  });
});

describe("readHost", () => {
  it("reads memory and the disk of an existing path", () => {
    const t = readCpuTimes();
    const r = readHost(t, t, process.cwd());
    expect(r.memTotalMb).toBeGreaterThan(0);
    expect(r.memUsedMb).toBeGreaterThan(0);
    expect(r.diskTotalMb).toBeGreaterThan(0);
  });
  it("leaves disk unknown for a missing path", () => {
    const t = readCpuTimes();
    expect(readHost(t, t, "/no/such/path").diskTotalMb).toBeNull();
  });
});
