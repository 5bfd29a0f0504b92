"use client";

import type { RetryInput } from "@/lib/engine/definition";
import { dropUndefined } from "@/lib/workflows/editor/doc";
import { NumberField, SelectField } from "./fields";

/** Retry policy form, shared by a step and the workflow default. */
export function RetryFields({ value, onChange, errorsOf, disabled }: { value: RetryInput | undefined; onChange: (v: RetryInput | undefined) => void; errorsOf: (field: string) => string[]; disabled?: boolean }) {
  const set = (patch: Partial<RetryInput>) => {
    const next = dropUndefined({ ...value, ...patch });
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <div className="grid grid-cols-2 gap-x-2">
      <NumberField label="Max attempts" step={1} value={value?.maxAttempts} onChange={(v) => set({ maxAttempts: v })} errors={errorsOf("retry.maxAttempts")} disabled={disabled} />
      <SelectField label="Backoff" value={value?.backoff} options={["fixed", "exponential"] as const} blank="(default)" onChange={(v) => set({ backoff: v })} errors={errorsOf("retry.backoff")} disabled={disabled} />
      <NumberField label="Delay (s)" value={value?.delaySec} onChange={(v) => set({ delaySec: v })} errors={errorsOf("retry.delaySec")} disabled={disabled} />
      <NumberField label="Max delay (s)" value={value?.maxDelaySec} onChange={(v) => set({ maxDelaySec: v })} errors={errorsOf("retry.maxDelaySec")} disabled={disabled} />
    </div>
  );
}
