import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/current";
import { effectiveRole } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { getProjectBySlug } from "@/lib/queries/projects";

/** One read per request of the project behind /projects/[slug]/…, shared by the layout and its tabs. */
export const projectForPage = cache(async (slug: string) => {
  const project = await getProjectBySlug(slug);
  if (!project) notFound();
  return project;
});

/** The signed-in reader of a project tab and whether they may edit (editor role). */
export async function projectReader() {
  const me = await requirePage("viewer");
  return { me, role: effectiveRole(me), canEdit: hasRole(effectiveRole(me), "editor") };
}
