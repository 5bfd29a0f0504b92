/**
 * The process-wide wiring of the live run stream: one hub per process (kept
 * on globalThis: Next.js may bundle this module more than once), fed by this
 * process's engine and a poll of the RunEvent table; reads from Prisma.
 */
import "server-only";
import { getPrisma } from "@/lib/db/prisma";
import { currentEngine } from "@/lib/runtime/engine-host";
import { RunEventHub } from "./run-event-hub";
import type { RunStreamDeps } from "./run-stream";
import type { LiveEvent } from "./types";

/** Fallback poll for runs executed by other processes. */
const POLL_MS = 1000;

const KEY = Symbol.for("myrmex.live.hub");
type GlobalWithHub = typeof globalThis & { [KEY]?: RunEventHub };

export function runEventHub(): RunEventHub {
  const g = globalThis as GlobalWithHub;
  return (g[KEY] ??= new RunEventHub({
    subscribe: async (listener) => {
      const engine = await currentEngine();
      return engine ? engine.subscribe((e) => listener(e as Parameters<typeof listener>[0])) : null;
    },
    maxSeqs: async (runIds) => {
      const rows = await getPrisma().runEvent.groupBy({ by: ["runId"], where: { runId: { in: runIds } }, _max: { seq: true } });
      return new Map(rows.map((r) => [r.runId, r._max.seq ?? 0]));
    },
    pollIntervalMs: POLL_MS,
    onError: (err) => console.warn("[live] run event hub", String(err)),
  }));
}

export async function readRunEvents(runId: string, after: number, limit: number): Promise<LiveEvent[]> {
  const rows = await getPrisma().runEvent.findMany({
    where: { runId, seq: { gt: after } },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true, type: true, payload: true, createdAt: true },
  });
  return rows.map((r) => ({ seq: r.seq, ts: r.createdAt.getTime(), type: r.type, data: (r.payload ?? {}) as Record<string, unknown> }));
}

export const runStreamDeps = (): RunStreamDeps => ({
  hub: runEventHub(),
  readEvents: readRunEvents,
  runStatus: async (runId) => (await getPrisma().run.findUnique({ where: { id: runId }, select: { status: true } }))?.status ?? null,
});
