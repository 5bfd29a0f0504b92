/**
 * Samples this host every `intervalMs` (default 10 s) into HostSample and
 * keeps `retentionMs` (default 24 h) of history: older rows are deleted every
 * 30 samples, so the table stays bounded (~8,640 rows per instance). Started
 * once per server process from lib/runtime/boot.ts; a failed write is logged
 * and the next tick tries again.
 */
import { existsSync } from "node:fs";
import type { Db } from "@/lib/db/prisma";
import { readCpuTimes, readHost } from "./host-sample";

const KEY = Symbol.for("myrmex.hostCollector");
type GlobalWithCollector = typeof globalThis & { [KEY]?: () => void };

export interface HostCollectorOptions {
  intervalMs?: number;
  retentionMs?: number;
  instanceId?: string | null;
  /** Whose file system to report (the data directory). */
  diskPath?: string;
}

export const HOST_SAMPLE_INTERVAL_MS = 10_000;
export const HOST_RETENTION_MS = 24 * 3_600_000;

/** Starts the collector (idempotent per process); returns a stop function. */
export function startHostCollector(prisma: Db, opts: HostCollectorOptions = {}): () => void {
  const g = globalThis as GlobalWithCollector;
  if (g[KEY]) return g[KEY];
  const intervalMs = opts.intervalMs ?? HOST_SAMPLE_INTERVAL_MS;
  const retentionMs = opts.retentionMs ?? HOST_RETENTION_MS;
  const diskPath = opts.diskPath && existsSync(opts.diskPath) ? opts.diskPath : process.cwd();
  let prev = readCpuTimes();
  let ticks = 0;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const next = readCpuTimes();
      const reading = readHost(prev, next, diskPath);
      prev = next;
      const now = Date.now();
      await prisma.hostSample.create({ data: { instanceId: opts.instanceId ?? null, ts: new Date(now), ...reading } });
      if (ticks++ % 30 === 0) await prisma.hostSample.deleteMany({ where: { ts: { lt: new Date(now - retentionMs) } } });
    } catch (err) {
      console.warn(`[host] sample not recorded: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    delete g[KEY];
  };
  g[KEY] = stop;
  return stop;
}
