"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { secondaryButton } from "@/components/ui/buttons";
import { useLiveRun } from "./live-run-context";
import { RerunDialog, rerunBlockedBy } from "./rerun-dialog";

interface RerunValue {
  /** Why "rerun from a step" is not possible now (role or run state), or null. */
  blocked: string | null;
  /** Opens the preview for `stepId` (null: the first step that did not succeed, else the first step). */
  open(stepId: string | null): void;
}

const RerunContext = createContext<RerunValue | null>(null);

/** Holds the "rerun from a step" preview of the run page; any control below opens it. */
export function RerunProvider({ roleBlock, children }: { roleBlock: string | null; children: ReactNode }) {
  const { run } = useLiveRun();
  // undefined: closed; null: opened without a step.
  const [target, setTarget] = useState<string | null | undefined>(undefined);
  const blocked = rerunBlockedBy(run.status, roleBlock);
  const open = useCallback((stepId: string | null) => setTarget(stepId), []);
  const close = useCallback(() => setTarget(undefined), []);
  const value = useMemo<RerunValue>(() => ({ blocked, open }), [blocked, open]);
  return (
    <RerunContext.Provider value={value}>
      {children}
      {target !== undefined ? <RerunDialog initialStep={target} roleBlock={roleBlock} onClose={close} /> : null}
    </RerunContext.Provider>
  );
}

export function useRerun(): RerunValue {
  const v = useContext(RerunContext);
  if (!v) throw new Error("useRerun must be used inside <RerunProvider>");
  return v;
}

/** Opens the rerun preview (for `stepId`, or with a step to pick); disabled with the reason when not allowed. */
export function RerunButton({ stepId = null, label }: { stepId?: string | null; label: string }) {
  const { blocked, open } = useRerun();
  return (
    <button type="button" onClick={() => open(stepId)} disabled={blocked !== null} title={blocked ?? undefined} className={secondaryButton}>
      {label}
    </button>
  );
}
