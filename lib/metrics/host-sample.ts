/**
 * One reading of this host's CPU, memory and disk. CPU busy % is computed
 * between two readings of the kernel's cumulative counters (os.cpus()).
 */
import { statfsSync } from "node:fs";
import os from "node:os";

export interface CpuTimes {
  idle: number;
  total: number;
}

export interface HostReading {
  cpuPercent: number;
  memUsedMb: number;
  memTotalMb: number;
  diskUsedMb: number | null;
  diskTotalMb: number | null;
}

const MB = 1024 * 1024;

export function readCpuTimes(): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const c of os.cpus()) {
    idle += c.times.idle;
    total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
  }
  return { idle, total };
}

/** Busy share (0..100) between two counter readings; 0 when no time passed. */
export function cpuBusyPercent(prev: CpuTimes, next: CpuTimes): number {
  const total = next.total - prev.total;
  if (total <= 0) return 0;
  return Math.round(Math.min(100, Math.max(0, (1 - (next.idle - prev.idle) / total) * 100)) * 10) / 10;
}

/** Memory and disk now (disk of the file system holding `diskPath`), CPU since `prev`. */
export function readHost(prev: CpuTimes, next: CpuTimes, diskPath: string): HostReading {
  const total = os.totalmem();
  let diskUsedMb: number | null = null;
  let diskTotalMb: number | null = null;
  try {
    const s = statfsSync(diskPath);
    // As df does: size usable by this process = used + available (blocks reserved for root excluded).
    const used = s.blocks - s.bfree;
    diskTotalMb = Math.round(((used + s.bavail) * s.bsize) / MB);
    diskUsedMb = Math.round((used * s.bsize) / MB);
  } catch {
    // No such path yet, or statfs unsupported: disk stays unknown rather than wrong.
  }
  return { cpuPercent: cpuBusyPercent(prev, next), memUsedMb: Math.round((total - os.freemem()) / MB), memTotalMb: Math.round(total / MB), diskUsedMb, diskTotalMb };
}
