"use client";

import { HTTP_METHODS, STEP_KINDS, type StepInput } from "@/lib/engine/definition";
import type { ValidationProblem } from "@/lib/engine/validate";
import { dropUndefined, kindPatch, type StepPatch } from "@/lib/workflows/editor/doc";
import { fieldProblems } from "@/lib/workflows/editor/problems";
import { CheckField, CommitField, NumberField, Section, SelectField, TextField } from "./fields";
import { RetryFields } from "./retry-fields";
import { PoolFields } from "./pool-fields";
import { MapField } from "./map-field";

interface Props {
  step: StepInput;
  problems: ValidationProblem[] | undefined;
  pools: string[];
  readOnly: boolean;
  onChange: (id: string, patch: StepPatch) => void;
  onRemoveDependency: (source: string, target: string) => void;
}

/** Every field of one step; errors come from the engine's validator (the shared zod schema + graph rules). */
export function StepPanel({ step, problems, pools, readOnly, onChange, onRemoveDependency }: Props) {
  const errorsOf = (f: string) => fieldProblems(problems, f);
  const set = (patch: StepPatch) => onChange(step.id, patch);
  const res = step.resources;
  const setRes = (patch: Partial<NonNullable<StepInput["resources"]>>) => {
    const next = dropUndefined({ ...res, ...patch });
    set({ resources: Object.keys(next).length ? next : undefined });
  };
  return (
    <div aria-label="Step properties" role="form">
      <CommitField label="Id" value={step.id} onCommit={(id) => set({ id })} errors={errorsOf("id")} disabled={readOnly} />
      <TextField label="Name" value={step.name} onChange={(name) => set({ name })} errors={errorsOf("name")} disabled={readOnly} />
      <TextField label="Description" value={step.description} onChange={(description) => set({ description })} errors={errorsOf("description")} disabled={readOnly} />
      <SelectField label="Kind" value={step.kind} options={STEP_KINDS} onChange={(kind) => kind && kind !== step.kind && set(kindPatch(kind))} errors={errorsOf("kind")} disabled={readOnly} />
      {step.kind === "shell" ? (
        <TextField label="Command" multiline value={step.run} onChange={(run) => set({ run })} errors={errorsOf("run")} disabled={readOnly} />
      ) : null}
      {step.kind === "http" ? (
        <Section title="HTTP">
          <SelectField label="Method" value={step.http?.method ?? "GET"} options={HTTP_METHODS} onChange={(method) => set({ http: { url: "", ...step.http, method: method ?? "GET" } })} disabled={readOnly} />
          <TextField label="URL" value={step.http?.url} onChange={(url) => set({ http: { ...step.http, url: url ?? "" } })} errors={errorsOf("http")} disabled={readOnly} />
          <TextField
            label="Body"
            multiline
            value={typeof step.http?.body === "string" ? step.http.body : step.http?.body === undefined ? undefined : JSON.stringify(step.http.body)}
            onChange={(body) => set({ http: dropUndefined({ url: "", ...step.http, body }) })}
            disabled={readOnly}
          />
          <MapField label="Headers" sep=":" value={step.http?.headers} onChange={(headers) => set({ http: dropUndefined({ url: "", ...step.http, headers }) })} errors={errorsOf("http.headers")} disabled={readOnly} />
          <CommitField
            label="Accepted status codes (default any 2xx)"
            value={step.http?.expectStatus?.join(", ") ?? ""}
            onCommit={(v) => {
              const codes = v.split(/[\s,]+/).filter(Boolean).map(Number);
              set({ http: dropUndefined({ url: "", ...step.http, expectStatus: codes.length ? codes : undefined }) });
            }}
            errors={errorsOf("http.expectStatus")}
            disabled={readOnly}
          />
        </Section>
      ) : null}
      {step.kind === "delay" ? (
        <NumberField label="Delay (ms)" step={1} value={step.delayMs} onChange={(delayMs) => set({ delayMs })} errors={[...errorsOf("delayMs"), ...errorsOf("delaySec")]} disabled={readOnly} />
      ) : null}
      <Section title="Depends on">
        {(step.dependsOn ?? []).length === 0 ? <p className="text-xs text-slate-500">Nothing: connect a step&apos;s right handle to this one.</p> : null}
        <ul className="space-y-1">
          {(step.dependsOn ?? []).map((d) => (
            <li key={d} className="flex items-center justify-between font-mono text-xs">
              {d}
              {!readOnly ? (
                <button type="button" className="text-red-600 hover:underline" onClick={() => onRemoveDependency(d, step.id)} aria-label={`Remove dependency on ${d}`}>
                  remove
                </button>
              ) : null}
            </li>
          ))}
        </ul>
        {errorsOf("dependsOn").map((e) => (
          <p key={e} role="alert" className="mt-1 text-xs text-red-600">{e}</p>
        ))}
      </Section>
      <Section title="Scheduling">
        <div className="grid grid-cols-2 gap-x-2">
          <NumberField label="Priority" step={1} value={step.priority} onChange={(priority) => set({ priority })} errors={errorsOf("priority")} disabled={readOnly} />
          <NumberField label="Timeout (s)" value={step.timeoutSec} onChange={(timeoutSec) => set({ timeoutSec })} errors={errorsOf("timeoutSec")} disabled={readOnly} />
        </div>
        <NumberField label="Estimate (s)" value={step.estimateSec} onChange={(estimateSec) => set({ estimateSec })} errors={errorsOf("estimateSec")} disabled={readOnly} />
        <CheckField label="Continue on failure" checked={step.continueOnFailure ?? false} onChange={(v) => set({ continueOnFailure: v || undefined })} disabled={readOnly} />
      </Section>
      <Section title="Environment">
        <MapField label="Variables" sep="=" value={step.env} onChange={(env) => set({ env })} errors={errorsOf("env")} disabled={readOnly} />
      </Section>
      <Section title="Resources">
        <div className="grid grid-cols-2 gap-x-2">
          <NumberField label="CPU slots" value={res?.cpu} onChange={(cpu) => setRes({ cpu })} errors={errorsOf("resources.cpu")} disabled={readOnly} />
          <NumberField label="Memory (MB)" value={res?.memoryMb} onChange={(memoryMb) => setRes({ memoryMb })} errors={errorsOf("resources.memoryMb")} disabled={readOnly} />
        </div>
        <PoolFields value={res?.pools} pools={pools} onChange={(p) => setRes({ pools: p })} errors={errorsOf("resources.pools")} disabled={readOnly} />
      </Section>
      <Section title="Retry">
        <RetryFields value={step.retry} onChange={(retry) => set({ retry })} errorsOf={errorsOf} disabled={readOnly} />
      </Section>
    </div>
  );
}
