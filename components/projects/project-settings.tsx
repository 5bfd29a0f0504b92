"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useState, useTransition } from "react";
import { changeProjectStatusAction, deleteProjectAction, updateProjectAction } from "@/lib/actions/projects/manage-project";
import { Field, FormError } from "@/components/ui/field";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";

interface Props {
  project: { id: string; name: string; description: string; status: string; version: number };
  /** Projects that depend on this one: archiving it warns and lists them. */
  dependents: { name: string; slug: string; status: string }[];
}

const TRANSITIONS: Record<string, { transition: string; label: string }[]> = {
  active: [
    { transition: "pause", label: "Pause project" },
    { transition: "archive", label: "Archive project" },
  ],
  paused: [
    { transition: "activate", label: "Resume project" },
    { transition: "archive", label: "Archive project" },
  ],
  archived: [{ transition: "restore", label: "Restore project" }],
};

export function ProjectSettings({ project, dependents }: Props) {
  const router = useRouter();
  const [saved, save, saving] = useActionState(updateProjectAction, { version: project.version });
  const [deleted, del, deleting] = useActionState(deleteProjectAction, {});
  const [error, setError] = useState<string | null>(null);
  const [busy, start] = useTransition();
  const version = saved.version ?? project.version;
  const readOnly = project.status === "archived";

  const transition = (t: string) => {
    if (t === "archive") {
      const warn = dependents.length ? `\n\nThese projects depend on it: ${dependents.map((d) => d.name).join(", ")}.` : "";
      if (!window.confirm(`Archive "${project.name}"? It becomes read-only and refuses runs.${warn}`)) return;
    }
    start(async () => {
      const res = await changeProjectStatusAction({ projectId: project.id, transition: t });
      setError(res.ok ? null : res.error);
      router.refresh();
    });
  };

  return (
    <div className="space-y-6">
      <form action={save} className="max-w-xl space-y-3" noValidate>
        <input type="hidden" name="projectId" value={project.id} />
        <input type="hidden" name="version" value={version} />
        <Field label="Project name" name="name" defaultValue={saved.values?.name ?? project.name} disabled={readOnly} error={saved.fields?.name} />
        <div className="space-y-1">
          <label htmlFor="f-project-description" className="block text-sm font-medium">
            Description
          </label>
          <textarea
            id="f-project-description"
            name="description"
            rows={3}
            disabled={readOnly}
            defaultValue={saved.values?.description ?? project.description}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
          />
        </div>
        <FormError message={saved.error} />
        {saved.conflict ? (
          <button type="button" className={secondaryButton} onClick={() => window.location.reload()}>
            Reload the latest version
          </button>
        ) : null}
        {saved.ok ? <p role="status" className="text-sm text-green-700 dark:text-green-400">{saved.message}</p> : null}
        <button type="submit" disabled={saving || readOnly} className={primaryButton}>
          Save
        </button>
      </form>

      <div>
        <h3 className="mb-2 text-sm font-semibold">Lifecycle</h3>
        {dependents.length > 0 && project.status !== "archived" ? (
          <div role="note" aria-label="Archive warning" className="mb-3 max-w-xl rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
            <p className="font-medium">
              {dependents.length === 1 ? "1 project depends" : `${dependents.length} projects depend`} on {project.name}. Archiving it leaves {dependents.length === 1 ? "it" : "them"} depending on a read-only project that refuses runs:
            </p>
            <ul className="mt-1 list-inside list-disc">
              {dependents.map((d) => (
                <li key={d.slug}>
                  <Link href={`/projects/${d.slug}`} className="underline">
                    {d.name}
                  </Link>{" "}
                  <span className="text-xs">({d.status})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {(TRANSITIONS[project.status] ?? []).map((t) => (
            <button key={t.transition} type="button" disabled={busy} onClick={() => transition(t.transition)} className={secondaryButton}>
              {t.label}
            </button>
          ))}
        </div>
        <FormError message={error ?? undefined} />
      </div>

      {project.status === "archived" ? (
        <form action={del} className="max-w-xl space-y-3 rounded-md border border-red-200 p-4 dark:border-red-900" noValidate>
          <h3 className="text-sm font-semibold text-red-700 dark:text-red-400">Delete project</h3>
          <p className="text-sm">Deletes its workflows, runs and logs for good. Type the project name to confirm.</p>
          <input type="hidden" name="projectId" value={project.id} />
          <Field label="Project name to confirm" name="confirmName" autoComplete="off" error={deleted.fields?.confirmName} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="deleteFiles" /> Also delete the working directory
          </label>
          <FormError message={deleted.error} />
          <button type="submit" disabled={deleting} className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-500 disabled:opacity-50">
            Delete project
          </button>
        </form>
      ) : null}
    </div>
  );
}
