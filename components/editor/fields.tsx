"use client";

import { useId, useState, type ReactNode } from "react";

const INPUT = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";

function Wrap({ label, errors, children, id }: { label: string; errors?: string[]; children: ReactNode; id: string }) {
  return (
    <div className="mb-2">
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children}
      {errors?.map((e) => (
        <p key={e} role="alert" className="mt-0.5 text-xs text-red-600">
          {e}
        </p>
      ))}
    </div>
  );
}

export function TextField(p: { label: string; value: string | undefined; onChange: (v: string | undefined) => void; errors?: string[]; multiline?: boolean; disabled?: boolean; placeholder?: string }) {
  const id = useId();
  const common = {
    id,
    value: p.value ?? "",
    disabled: p.disabled,
    placeholder: p.placeholder,
    "aria-invalid": p.errors?.length ? true : undefined,
    className: `${INPUT} ${p.multiline ? "font-mono text-xs" : ""}`,
  };
  return (
    <Wrap label={p.label} errors={p.errors} id={id}>
      {p.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => p.onChange(e.target.value === "" ? undefined : e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => p.onChange(e.target.value === "" ? undefined : e.target.value)} />
      )}
    </Wrap>
  );
}

/** Commits on blur or Enter (renaming a step id on every keystroke would churn dependencies). */
export function CommitField(p: { label: string; value: string; onCommit: (v: string) => void; errors?: string[]; disabled?: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState(p.value);
  const [seen, setSeen] = useState(p.value);
  if (seen !== p.value) {
    setSeen(p.value);
    setDraft(p.value);
  }
  const commit = () => draft !== p.value && p.onCommit(draft);
  return (
    <Wrap label={p.label} errors={p.errors} id={id}>
      <input
        id={id}
        value={draft}
        disabled={p.disabled}
        className={`${INPUT} font-mono`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </Wrap>
  );
}

export function NumberField(p: { label: string; value: number | undefined; onChange: (v: number | undefined) => void; errors?: string[]; disabled?: boolean; step?: number }) {
  const id = useId();
  return (
    <Wrap label={p.label} errors={p.errors} id={id}>
      <input
        id={id}
        type="number"
        step={p.step ?? "any"}
        value={p.value ?? ""}
        disabled={p.disabled}
        aria-invalid={p.errors?.length ? true : undefined}
        className={INPUT}
        onChange={(e) => p.onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      />
    </Wrap>
  );
}

export function SelectField<T extends string>(p: { label: string; value: T | undefined; options: readonly T[]; onChange: (v: T | undefined) => void; errors?: string[]; disabled?: boolean; blank?: string }) {
  const id = useId();
  return (
    <Wrap label={p.label} errors={p.errors} id={id}>
      <select id={id} value={p.value ?? ""} disabled={p.disabled} className={INPUT} onChange={(e) => p.onChange(e.target.value === "" ? undefined : (e.target.value as T))}>
        {p.blank !== undefined ? <option value="">{p.blank}</option> : null}
        {p.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckField(p: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  return (
    <label className="mb-2 flex items-center gap-2 text-sm">
      <input type="checkbox" checked={p.checked} disabled={p.disabled} onChange={(e) => p.onChange(e.target.checked)} />
      {p.label}
    </label>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="mb-3 rounded border border-slate-200 p-2 dark:border-slate-800">
      <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</legend>
      {children}
    </fieldset>
  );
}
