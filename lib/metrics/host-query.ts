/** Host samples of the last `rangeMs` for the System chart (bounded by the retention and a row limit). */
import type { Db } from "@/lib/db/prisma";

export interface HostPoint {
  /** ms epoch */
  t: number;
  cpuPercent: number;
  memPercent: number;
  diskPercent: number | null;
  memUsedMb: number;
  memTotalMb: number;
  diskUsedMb: number | null;
  diskTotalMb: number | null;
}

export async function loadHostSamples(prisma: Db, opts: { now?: number; rangeMs?: number; limit?: number } = {}): Promise<HostPoint[]> {
  const to = opts.now ?? Date.now();
  const rows = await prisma.hostSample.findMany({
    where: { ts: { gte: new Date(to - (opts.rangeMs ?? 3_600_000)) } },
    orderBy: { ts: "desc" },
    take: opts.limit ?? 2000,
    select: { ts: true, cpuPercent: true, memUsedMb: true, memTotalMb: true, diskUsedMb: true, diskTotalMb: true },
  });
  return rows.reverse().map((r) => ({
    t: r.ts.getTime(),
    cpuPercent: r.cpuPercent,
    memPercent: r.memTotalMb > 0 ? Math.round((r.memUsedMb / r.memTotalMb) * 1000) / 10 : 0,
    diskPercent: r.diskUsedMb !== null && r.diskTotalMb ? Math.round((r.diskUsedMb / r.diskTotalMb) * 1000) / 10 : null,
    memUsedMb: r.memUsedMb,
    memTotalMb: r.memTotalMb,
    diskUsedMb: r.diskUsedMb,
    diskTotalMb: r.diskTotalMb,
  }));
}
