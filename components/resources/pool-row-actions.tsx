"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/buttons";
import { setPoolAction } from "@/lib/actions/pools/set-pool";
import { deletePoolAction } from "@/lib/actions/pools/delete-pool";

/** Edit capacity and delete, for one named pool. Errors (in use, asked for by workflows) are shown as given. */
export function PoolRowActions({ name, capacity }: { name: string; capacity: number }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [value, setValue] = useState(String(capacity));
  const [error, setError] = useState<string | null>(null);
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const res = await fn();
      setError(res.ok ? null : (res.error ?? "Failed."));
      if (res.ok) router.refresh();
    });
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          aria-label={`Capacity of ${name}`}
          type="number"
          min={0}
          step="any"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
        />
        <button type="button" className={secondaryButton} disabled={pending || value === String(capacity)} onClick={() => run(() => setPoolAction({ name, capacity: Number(value) }))}>
          Save
        </button>
        <button
          type="button"
          className={secondaryButton}
          disabled={pending}
          onClick={() => {
            if (window.confirm(`Delete the pool "${name}"?`)) run(() => deletePoolAction({ name }));
          }}
        >
          Delete
        </button>
      </div>
      {error ? (
        <p role="alert" className="max-w-md text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
