/**
 * Name resolution shared by the local and the remote CLI (pure: no database),
 * so both pick the same workflow and word errors the same way.
 */
import { fail, ok, type ServiceResult } from "@/lib/service-result";
import type { WorkflowDto } from "@/lib/validations/api";

/**
 * Picks the workflow a person meant among `candidates`: by id, slug or name
 * (case-insensitive), within `project` when given. Pure, so the local and
 * remote CLI resolve names identically.
 */
export function resolveWorkflowRef(candidates: WorkflowDto[], ref: string, project?: string): ServiceResult<WorkflowDto> {
  const wanted = ref.trim().toLowerCase();
  const inScope = project ? candidates.filter((w) => w.project.slug === project) : candidates;
  const byId = candidates.find((w) => w.id === ref.trim());
  if (byId) return ok(byId);
  const hits = inScope.filter((w) => w.slug === wanted || w.name.toLowerCase() === wanted);
  if (hits.length === 1) return ok(hits[0]!);
  if (hits.length > 1) {
    return fail(
      409,
      `"${ref}" names ${hits.length} workflows (in projects ${hits.map((h) => h.project.slug).join(", ")}): pass --project SLUG to pick one.`,
    );
  }
  const near = inScope.filter((w) => w.slug.includes(wanted) || w.name.toLowerCase().includes(wanted)).slice(0, 5);
  const hint = near.length ? ` Did you mean ${near.map((w) => `${w.project.slug}/${w.slug}`).join(", ")}?` : " List them with `orchestrate list-workflows`.";
  return fail(404, `No workflow "${ref}"${project ? ` in project "${project}"` : ""}.${hint}`);
}

/** "step build, retry.maxAttempts (line 12): must be ≤ 100" — one line per validation problem. */
export function describeProblem(p: { stepId?: string; field: string; message: string; line?: number }): string {
  if (p.field === "(syntax)") return `syntax: ${p.message}`;
  const where = [p.stepId ? `step ${p.stepId}` : "workflow", p.field].filter(Boolean).join(", ");
  return `${where}${p.line ? ` (line ${p.line})` : ""}: ${p.message}`;
}
