"use client";

import { useActionState, useState } from "react";
import { createProjectAction } from "@/lib/actions/projects/create-project";
import { Field, FormError } from "@/components/ui/field";
import { primaryButton } from "@/components/ui/buttons";
import { PROJECT_TEMPLATES, slugify } from "@/lib/validations/projects";

const TEMPLATE_TEXT: Record<(typeof PROJECT_TEMPLATES)[number], string> = {
  empty: "Empty — no workflows",
  "web-app": "Web application — build-and-test, deploy",
  "data-pipeline": "Data pipeline — ingest → transform → report",
  analysis: "Analysis — environment check → analysis → report",
};

export function NewProjectForm({ root }: { root: string }) {
  const [state, action, pending] = useActionState(createProjectAction, {});
  const [name, setName] = useState(state.values?.name ?? "");
  const [slug, setSlug] = useState(state.values?.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(false);
  const effectiveSlug = slugEdited ? slug : slugify(name);

  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormError message={state.error} />
      <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} required error={state.fields?.name} />
      <Field
        label="Slug"
        name="slug"
        value={effectiveSlug}
        onChange={(e) => {
          setSlugEdited(true);
          setSlug(e.target.value);
        }}
        hint="Used in addresses; derived from the name until you edit it."
        error={state.fields?.slug}
      />
      <div className="space-y-1">
        <label htmlFor="f-description" className="block text-sm font-medium">
          Description
        </label>
        <textarea id="f-description" name="description" rows={3} defaultValue={state.values?.description} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950" />
        {state.fields?.description ? <p className="text-xs text-red-600">Description {state.fields.description}</p> : null}
      </div>
      <Field
        label="Working directory"
        name="workingDir"
        defaultValue={state.values?.workingDir}
        placeholder={effectiveSlug || "my-project"}
        hint={`Relative to ${root}; created if missing. Empty = the slug.`}
        error={state.fields?.workingDir}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Template</legend>
        {PROJECT_TEMPLATES.map((t) => (
          <label key={t} className="flex items-center gap-2 text-sm">
            <input type="radio" name="template" value={t} defaultChecked={(state.values?.template ?? "empty") === t} />
            {TEMPLATE_TEXT[t]}
          </label>
        ))}
        {state.fields?.template ? <p className="text-xs text-red-600">Template {state.fields.template}</p> : null}
      </fieldset>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "Creating…" : "Create project"}
      </button>
    </form>
  );
}
