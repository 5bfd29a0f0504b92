"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { applyEvents } from "@/lib/live/apply-events";
import { fetchJson } from "@/lib/live/fetch-json";
import { HintBus } from "@/lib/live/hint-bus";
import { liveKeys } from "@/lib/live/query-keys";
import { RecentEvents } from "@/lib/live/recent-events";
import { isFinalRun, type LiveEvent, type LiveHint, type LiveRun } from "@/lib/live/types";
import { useRunStream, type StreamMode } from "./use-run-stream";

interface LiveRunValue {
  run: LiveRun;
  mode: StreamMode;
  hints: HintBus;
  /** Reloads the snapshot (after a control, or on demand). */
  refresh(): Promise<void>;
}

const RunContext = createContext<LiveRunValue | null>(null);
const NowContext = createContext<number>(0);

const POLL_MS = 2000;

/**
 * Holds one run in TanStack Query's cache, seeded by the server's snapshot
 * and kept current by the run's event stream (or by polling when the stream
 * cannot be opened). Children read it with {@link useLiveRun}; a ticking
 * clock for durations is separate ({@link useNow}) so only what shows time
 * re-renders every second.
 */
export function LiveRunProvider({ initial, children }: { initial: LiveRun; children: ReactNode }) {
  const qc = useQueryClient();
  const runId = initial.id;
  const key = liveKeys.run(runId);
  const [hints] = useState(() => new HintBus());
  const [recent] = useState(() => new RecentEvents());
  const pollingRef = useRef(false);

  const { data: run } = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => {
      const fresh = await fetchJson<LiveRun>(`/api/v1/runs/${encodeURIComponent(runId)}/live`, signal);
      // Events that arrived while this was in flight may be newer than the snapshot: apply them again.
      const res = applyEvents(fresh, recent.after(fresh.lastEventSeq));
      return res.gap ? fresh : res.run;
    },
    initialData: initial,
    staleTime: Infinity,
    refetchInterval: (q) => (pollingRef.current && q.state.data && !isFinalRun(q.state.data.status) ? POLL_MS : false),
  });

  // A newer server snapshot (page revisited, or re-rendered after a control) replaces an older cached one.
  useEffect(() => {
    const cached = qc.getQueryData<LiveRun>(liveKeys.run(runId));
    if (cached && initial.lastEventSeq > cached.lastEventSeq) qc.setQueryData(liveKeys.run(runId), initial);
  }, [qc, runId, initial]);

  const invalidateRun = useCallback(() => qc.invalidateQueries({ queryKey: liveKeys.run(runId), exact: true }), [qc, runId]);

  const onEvents = (events: LiveEvent[]) => {
    recent.push(events);
    let result: ReturnType<typeof applyEvents> | null = null;
    qc.setQueryData<LiveRun>(liveKeys.run(runId), (old) => {
      if (!old) return old;
      result = applyEvents(old, events);
      return result.run;
    });
    const r = result as ReturnType<typeof applyEvents> | null;
    if (!r || r.gap || r.refetch) void invalidateRun();
    for (const stepId of r?.changedSteps ?? []) void qc.invalidateQueries({ queryKey: liveKeys.step(runId, stepId) });
  };
  const onHint = (hint: LiveHint) => hints.emit(hint);
  const onEnd = () => void invalidateRun();

  const live = !isFinalRun(run.status);
  const mode = useRunStream(runId, live, () => qc.getQueryData<LiveRun>(liveKeys.run(runId))?.lastEventSeq ?? 0, { onEvents, onHint, onEnd });
  useEffect(() => {
    pollingRef.current = mode === "polling";
    if (mode === "polling") void invalidateRun();
  }, [mode, invalidateRun]);

  const now = useTicker(initial.asOf, live ? 1000 : null);
  const value = useMemo<LiveRunValue>(() => ({ run, mode, hints, refresh: invalidateRun }), [run, mode, hints, invalidateRun]);
  return (
    <RunContext.Provider value={value}>
      <NowContext.Provider value={live ? now : (run.finishedAt ?? now)}>{children}</NowContext.Provider>
    </RunContext.Provider>
  );
}

/** Starts at the server's time (identical hydration), then follows the browser's clock. */
function useTicker(initial: number, intervalMs: number | null): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    if (intervalMs === null) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const t = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, [intervalMs]);
  return now;
}

export function useLiveRun(): LiveRunValue {
  const v = useContext(RunContext);
  if (!v) throw new Error("useLiveRun must be used inside <LiveRunProvider>");
  return v;
}

/** The current time, ticking every second while the run is live (its end once finished). */
export function useNow(): number {
  return useContext(NowContext);
}

/** Calls `fn` when the stream says `stepId` has new output or samples. */
export function useStepHints(stepId: string | null, fn: (hint: LiveHint) => void): void {
  const { hints } = useLiveRun();
  const fnRef = useRef(fn);
  useEffect(() => {
    fnRef.current = fn;
  });
  useEffect(() => {
    if (!stepId) return;
    return hints.on((h) => {
      if (h.stepId === stepId) fnRef.current(h);
    });
  }, [hints, stepId]);
}
