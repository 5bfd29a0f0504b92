"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, useTransition } from "react";
import { addDependencyAction, removeDependencyAction } from "@/lib/actions/projects/manage-dependencies";
import type { FormState } from "@/lib/actions/form-state";
import { FormError } from "@/components/ui/field";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import { StatusBadge } from "@/components/ui/status-badge";

export interface DependencyItem {
  id: string;
  name: string;
  slug: string;
  status: string;
}

interface Props {
  projectId: string;
  projectName: string;
  dependsOn: DependencyItem[];
  dependents: DependencyItem[];
  /** Projects that can be added (empty for viewers). */
  candidates: DependencyItem[];
  /** Editor on a project that is not archived. */
  canEdit: boolean;
}

function ProjectLink({ p }: { p: DependencyItem }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <Link href={`/projects/${p.slug}/dependencies`} className="truncate font-medium text-indigo-700 hover:underline dark:text-indigo-300">
        {p.name}
      </Link>
      <StatusBadge status={p.status} />
    </span>
  );
}

/** Lists of what the project depends on and what depends on it; editors add and remove dependencies. */
export function DependencyManager({ projectId, projectName, dependsOn, dependents, candidates, canEdit }: Props) {
  const router = useRouter();
  const [state, add, adding] = useActionState<FormState, FormData>(addDependencyAction, {});
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removing, startRemove] = useTransition();
  const fieldError = state.fields?.dependsOnId;

  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);

  const remove = (dependsOnId: string) =>
    startRemove(async () => {
      const res = await removeDependencyAction({ projectId, dependsOnId });
      setRemoveError(res.ok ? null : res.error);
      router.refresh();
    });

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="depends-on-heading">
        <h3 id="depends-on-heading" className="mb-2 text-sm font-semibold">
          {projectName} depends on ({dependsOn.length})
        </h3>
        {dependsOn.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No dependencies.</p>
        ) : (
          <ul aria-label="Depends on" className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {dependsOn.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 py-2">
                <ProjectLink p={p} />
                {canEdit ? (
                  <button type="button" className={secondaryButton} disabled={removing} onClick={() => remove(p.id)} aria-label={`Remove dependency on ${p.name}`}>
                    Remove
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <FormError message={removeError ?? undefined} />
        {canEdit ? (
          <form action={add} className="mt-4 space-y-2" noValidate>
            <input type="hidden" name="projectId" value={projectId} />
            <label htmlFor="f-depends-on" className="block text-sm font-medium">
              Add a dependency
            </label>
            <div className="flex flex-wrap gap-2">
              <select
                id="f-depends-on"
                name="dependsOnId"
                key={state.ok ? `added-${dependsOn.length}` : `retry-${state.values?.dependsOnId ?? ""}-${state.error ?? ""}`}
                defaultValue={state.ok ? "" : (state.values?.dependsOnId ?? "")}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? "f-depends-on-error" : undefined}
                className={`min-w-0 flex-1 rounded-md border bg-white px-3 py-2 text-sm shadow-sm dark:bg-slate-950 ${fieldError ? "border-red-500" : "border-slate-300 dark:border-slate-700"}`}
              >
                <option value="">Choose a project…</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                    {c.status === "paused" ? " (paused)" : ""}
                  </option>
                ))}
              </select>
              <button type="submit" className={primaryButton} disabled={adding}>
                Add dependency
              </button>
            </div>
            {fieldError ? (
              <p id="f-depends-on-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
                Dependency {fieldError}
              </p>
            ) : (
              <FormError message={state.fields ? undefined : state.error} />
            )}
            {state.ok ? (
              <p role="status" className="text-sm text-green-700 dark:text-green-400">
                {state.message}
              </p>
            ) : null}
          </form>
        ) : null}
      </section>
      <section aria-labelledby="dependents-heading">
        <h3 id="dependents-heading" className="mb-2 text-sm font-semibold">
          Projects that depend on {projectName} ({dependents.length})
        </h3>
        {dependents.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No project depends on this one.</p>
        ) : (
          <ul aria-label="Depended on by" className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
            {dependents.map((p) => (
              <li key={p.id} className="py-2">
                <ProjectLink p={p} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
