"use client";

import type { WorkflowInput } from "@/lib/engine/definition";
import type { ValidationProblem } from "@/lib/engine/validate";
import { fieldProblems } from "@/lib/workflows/editor/problems";
import { NumberField, Section, SelectField, TextField } from "./fields";
import { RetryFields } from "./retry-fields";

type Settings = Partial<Omit<WorkflowInput, "steps">>;
type ParamSpec = { default?: string | number | boolean; description?: string; required?: boolean };

function asSpec(v: unknown): ParamSpec {
  return typeof v === "object" && v !== null ? (v as ParamSpec) : { default: v as string };
}

/** Workflow-level settings: name, description, params with defaults, concurrency, timeout, default retry, failure policy. */
export function SettingsPanel({ workflow, problems, readOnly, onChange }: { workflow: WorkflowInput; problems: ValidationProblem[]; readOnly: boolean; onChange: (patch: Settings) => void }) {
  const wfProblems = problems.filter((p) => p.stepId === undefined);
  const errorsOf = (f: string) => fieldProblems(wfProblems, f);
  const params = Object.entries(workflow.params ?? {});
  const setParams = (entries: [string, unknown][]) => onChange({ params: entries.length ? (Object.fromEntries(entries) as WorkflowInput["params"]) : undefined });
  const freshParam = () => {
    let n = 1;
    while (`param${n}` in (workflow.params ?? {})) n++;
    return `param${n}`;
  };
  return (
    <div aria-label="Workflow settings" role="form">
      <TextField label="Workflow name" value={workflow.name} onChange={(name) => onChange({ name: name ?? "" })} errors={errorsOf("name")} disabled={readOnly} />
      <TextField label="Description" multiline value={workflow.description} onChange={(description) => onChange({ description })} errors={errorsOf("description")} disabled={readOnly} />
      <div className="grid grid-cols-2 gap-x-2">
        <NumberField label="Concurrency" step={1} value={workflow.concurrency} onChange={(concurrency) => onChange({ concurrency })} errors={errorsOf("concurrency")} disabled={readOnly} />
        <NumberField label="Run timeout (s)" value={workflow.timeoutSec} onChange={(timeoutSec) => onChange({ timeoutSec })} errors={errorsOf("timeoutSec")} disabled={readOnly} />
      </div>
      <SelectField label="On failure" value={workflow.onFailure} options={["stop", "continue"] as const} blank="(stop)" onChange={(onFailure) => onChange({ onFailure })} errors={errorsOf("onFailure")} disabled={readOnly} />
      <Section title="Params">
        {params.map(([name, raw], i) => {
          const spec = asSpec(raw);
          return (
            <div key={i} className="mb-1 grid grid-cols-[1fr_1fr_auto] items-center gap-1">
              <input aria-label={`Param ${i + 1} name`} value={name} disabled={readOnly} className="rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900" onChange={(e) => setParams(params.map((p, k) => (k === i ? [e.target.value, p[1]] : p)))} />
              <input aria-label={`Param ${i + 1} default`} placeholder="default" value={spec.default === undefined ? "" : String(spec.default)} disabled={readOnly} className="rounded border border-slate-300 px-1 text-xs dark:border-slate-700 dark:bg-slate-900" onChange={(e) => setParams(params.map((p, k) => (k === i ? [p[0], { ...spec, default: e.target.value }] : p)))} />
              {!readOnly ? <button type="button" className="text-xs text-red-600" aria-label={`Remove param ${name}`} onClick={() => setParams(params.filter((_, k) => k !== i))}>✕</button> : <span />}
            </div>
          );
        })}
        {errorsOf("params").map((e) => <p key={e} role="alert" className="text-xs text-red-600">{e}</p>)}
        {!readOnly ? <button type="button" className="text-xs text-indigo-600 hover:underline" onClick={() => setParams([...params, [freshParam(), { default: "" }]])}>+ Add param</button> : null}
      </Section>
      <Section title="Default retry">
        <RetryFields value={workflow.retry} onChange={(retry) => onChange({ retry })} errorsOf={errorsOf} disabled={readOnly} />
      </Section>
    </div>
  );
}
