"use client";

import { useId, useState } from "react";

/** `KEY=value` per line ⇄ a string map (env vars, HTTP headers). Lines without `sep` are kept as drafts until fixed. */
export function MapField({ label, value, sep, onChange, errors, disabled }: { label: string; value: Record<string, string> | undefined; sep: "=" | ":"; onChange: (v: Record<string, string> | undefined) => void; errors: string[]; disabled?: boolean }) {
  const id = useId();
  const toText = (v: Record<string, string> | undefined) => Object.entries(v ?? {}).map(([k, x]) => `${k}${sep === ":" ? ": " : "="}${x}`).join("\n");
  const [text, setText] = useState(() => toText(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (toText(value) !== toText(parse(text, sep))) setText(toText(value));
  }
  return (
    <div className="mb-2">
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-600 dark:text-slate-300">{label}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        disabled={disabled}
        placeholder={sep === "=" ? "NAME=value" : "Header: value"}
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
        onChange={(e) => {
          setText(e.target.value);
          const next = parse(e.target.value, sep);
          onChange(Object.keys(next).length ? next : undefined);
        }}
      />
      {errors.map((e) => <p key={e} role="alert" className="text-xs text-red-600">{e}</p>)}
    </div>
  );
}

function parse(text: string, sep: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf(sep);
    if (at <= 0) continue;
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}
