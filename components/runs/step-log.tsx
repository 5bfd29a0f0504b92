"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { stripAnsi } from "@/lib/live/ansi";
import { displayLines } from "@/lib/live/log-model";
import { secondaryButton } from "@/components/ui/buttons";
import { LogViewer } from "./log-viewer";
import { useStepLog } from "./use-step-log";

interface Props {
  runId: string;
  stepId: string;
  attempt: number;
  running: boolean;
}

/** A step attempt's output: live tail with follow, search over what is loaded, earlier pages, and download of everything. */
export function StepLog({ runId, stepId, attempt, running }: Props) {
  const { log, loading, error, loadEarlier, downloadUrl } = useStepLog(runId, stepId, attempt, running);
  const [follow, setFollow] = useState(true);
  const [search, setSearch] = useState("");
  const [matchIndex, setMatchIndex] = useState(0);
  const query = useDeferredValue(search.trim().toLowerCase());
  const lines = useMemo(() => (log ? displayLines(log) : []), [log]);
  const matches = useMemo(() => {
    if (!query) return [];
    const out: number[] = [];
    lines.forEach((l, i) => {
      if (stripAnsi(l.text).toLowerCase().includes(query)) out.push(i);
    });
    return out;
  }, [lines, query]);
  const current = matches.length ? Math.min(matchIndex, matches.length - 1) : -1;
  const focusLine = current >= 0 ? matches[current]! : null;

  const go = (delta: number) => {
    if (!matches.length) return;
    setFollow(false);
    setMatchIndex((current + delta + matches.length) % matches.length);
  };

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <input
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setMatchIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") go(e.shiftKey ? -1 : 1);
          }}
          placeholder="Search the log"
          aria-label="Search the log"
          className="w-48 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
        />
        {query ? (
          <span className="text-xs text-slate-500" aria-live="polite">
            {matches.length ? `${current + 1} of ${matches.length}` : "no match"}
          </span>
        ) : null}
        <button type="button" className={secondaryButton} onClick={() => go(-1)} disabled={!matches.length} aria-label="Previous match">
          ↑
        </button>
        <button type="button" className={secondaryButton} onClick={() => go(1)} disabled={!matches.length} aria-label="Next match">
          ↓
        </button>
        <label className="ml-auto flex items-center gap-1 text-xs">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          Follow
        </label>
        <a href={downloadUrl} download className={secondaryButton}>
          Download full log
        </a>
      </div>
      {log?.hasEarlier ? (
        <button type="button" onClick={() => void loadEarlier()} className="mb-1 text-xs text-indigo-600 hover:underline dark:text-indigo-400">
          Load earlier output
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="mb-1 text-xs text-red-600 dark:text-red-400">
          The log could not be loaded: {error}
        </p>
      ) : null}
      {loading ? <p className="text-xs text-slate-500">Loading output…</p> : <LogViewer lines={lines} follow={follow} onFollowChange={setFollow} query={query} focusLine={focusLine} />}
      <p className="mt-1 text-xs text-slate-500">
        {lines.length} lines{log && log.hasEarlier ? " shown (earlier output not loaded: search covers what is shown)" : ""} · stderr marked red
        {running ? " · live" : ""}
      </p>
    </div>
  );
}
