"use client";

import { useState } from "react";

/** Named pools a step takes, chosen from the pools that exist. */
export function PoolFields({ value, pools, onChange, errors, disabled }: { value: Record<string, number> | undefined; pools: string[]; onChange: (v: Record<string, number> | undefined) => void; errors: string[]; disabled?: boolean }) {
  const [adding, setAdding] = useState("");
  const entries = Object.entries(value ?? {});
  const free = pools.filter((p) => !(p in (value ?? {})));
  const set = (name: string, amount: number | undefined) => {
    const next = { ...value };
    if (amount === undefined) delete next[name];
    else next[name] = amount;
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <div className="text-sm">
      <div className="mb-0.5 text-xs font-medium text-slate-600 dark:text-slate-300">Pools</div>
      {entries.map(([name, amount]) => (
        <div key={name} className="mb-1 flex items-center gap-2">
          <span className="w-24 truncate font-mono text-xs">{name}</span>
          <input type="number" aria-label={`Amount of ${name}`} value={amount} min={0} step="any" disabled={disabled} className="w-20 rounded border border-slate-300 px-1 text-sm dark:border-slate-700 dark:bg-slate-900" onChange={(e) => set(name, e.target.value === "" ? 0 : Number(e.target.value))} />
          {!disabled ? <button type="button" className="text-xs text-red-600 hover:underline" onClick={() => set(name, undefined)}>remove</button> : null}
        </div>
      ))}
      {!disabled && free.length ? (
        <div className="flex gap-2">
          <select aria-label="Pool to add" value={adding} onChange={(e) => setAdding(e.target.value)} className="rounded border border-slate-300 px-1 text-sm dark:border-slate-700 dark:bg-slate-900">
            <option value="">Add a pool…</option>
            {free.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
          <button type="button" disabled={!adding} className="text-xs text-indigo-600 hover:underline disabled:opacity-40" onClick={() => { set(adding, 1); setAdding(""); }}>add</button>
        </div>
      ) : null}
      {pools.length === 0 ? <p className="text-xs text-slate-500">No named pools exist yet (see Resources).</p> : null}
      {errors.map((e) => <p key={e} role="alert" className="text-xs text-red-600">{e}</p>)}
    </div>
  );
}
