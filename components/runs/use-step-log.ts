"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { fetchJson } from "@/lib/live/fetch-json";
import { appendChunks, emptyLog, prependChunks, type LogModel } from "@/lib/live/log-model";
import { liveKeys } from "@/lib/live/query-keys";
import type { LogPage } from "@/lib/live/step-types";
import { useStepHints } from "./live-run-context";

/** Fallback tail interval while the step runs (hints from the stream usually come first). */
const TAIL_MS = 2000;
/** At most one hint-driven fetch per this long: a chatty step must not turn into a request storm. */
const HINT_THROTTLE_MS = 500;
/** Pages fetched per refresh before yielding (a huge backlog arrives over a few refreshes). */
const MAX_PAGES = 4;

const logUrl = (runId: string, stepId: string) => `/api/v1/runs/${encodeURIComponent(runId)}/steps/${encodeURIComponent(stepId)}/log`;

/**
 * One attempt's log in the query cache, as display lines. The first load is
 * the latest ~512 KB; each refresh appends what came after the last chunk;
 * "load earlier" prepends the page before the first one.
 */
export function useStepLog(runId: string, stepId: string, attempt: number, running: boolean) {
  const qc = useQueryClient();
  const key = liveKeys.log(runId, stepId, attempt);
  const base = logUrl(runId, stepId);
  const [earlierError, setEarlierError] = useState<string | null>(null);

  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }): Promise<LogModel> => {
      const prev = qc.getQueryData<LogModel>(key);
      if (!prev) {
        const page = await fetchJson<LogPage>(`${base}?attempt=${attempt}`, signal);
        return { ...appendChunks(emptyLog(attempt), page.chunks), hasEarlier: page.hasEarlier };
      }
      let m = prev;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = await fetchJson<LogPage>(`${base}?attempt=${attempt}&after=${m.lastSeq}`, signal);
        const next = appendChunks(m, page.chunks);
        if (next === m) break;
        m = next;
      }
      return m;
    },
    staleTime: Infinity,
    refetchInterval: running ? TAIL_MS : false,
  });

  const lastHint = useRef(0);
  useStepHints(stepId, (h) => {
    if (h.kind !== "log" || !running) return;
    const now = Date.now();
    if (now - lastHint.current < HINT_THROTTLE_MS) return;
    lastHint.current = now;
    void qc.invalidateQueries({ queryKey: key, exact: true }, { cancelRefetch: false });
  });

  const loadEarlier = useCallback(async () => {
    const m = qc.getQueryData<LogModel>(key);
    if (!m?.hasEarlier) return;
    setEarlierError(null);
    try {
      const page = await fetchJson<LogPage>(`${base}?attempt=${attempt}&before=${m.firstSeq}`);
      qc.setQueryData<LogModel>(key, (cur) => (cur ? prependChunks(cur, page.chunks, page.hasEarlier) : cur));
    } catch (err) {
      setEarlierError(err instanceof Error ? err.message : String(err));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from these
  }, [qc, base, attempt, runId, stepId]);

  return {
    log: query.data ?? null,
    loading: query.isPending,
    error: query.error ? query.error.message : earlierError,
    loadEarlier,
    downloadUrl: `${base}?attempt=${attempt}&download=1`,
  };
}
