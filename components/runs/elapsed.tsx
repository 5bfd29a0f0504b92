"use client";

import { formatDuration } from "@/components/ui/format";
import { useNow } from "./live-run-context";

/** Time since `since`, ticking while the run is live. Small on purpose: only it re-renders every second. */
export function Elapsed({ since }: { since: number }) {
  const now = useNow();
  return <>{formatDuration(Math.max(0, now - since))}</>;
}

/** Duration of a step or attempt: fixed once finished, ticking while it runs. */
export function StepDuration({ startedAt, finishedAt, running }: { startedAt: number | null; finishedAt: number | null; running: boolean }) {
  if (startedAt === null) return <>—</>;
  if (running) return <Elapsed since={startedAt} />;
  return <>{finishedAt !== null && finishedAt >= startedAt ? formatDuration(finishedAt - startedAt) : "—"}</>;
}

/** A wait reason that counts down (retry in N s) needs the clock; others are static text. */
export function WaitText({ describe }: { describe: (now: number) => string }) {
  const now = useNow();
  return <>{describe(now)}</>;
}
