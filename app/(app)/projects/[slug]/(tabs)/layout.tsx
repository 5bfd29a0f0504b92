import Link from "next/link";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { ProjectTabs } from "@/components/projects/project-tabs";
import { projectForPage, projectReader } from "@/components/projects/project-loader";
import { getProjectBySlug } from "@/lib/queries/projects";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const project = await getProjectBySlug((await params).slug);
  return { title: project?.name ?? "Project not found" };
}

/** Header and tab bar shared by the project's overview and its tabs. */
export default async function ProjectLayout({ params, children }: { params: Params; children: ReactNode }) {
  await projectReader();
  const project = await projectForPage((await params).slug);
  return (
    <>
      <PageHeader
        title={project.name}
        breadcrumb={<Link href="/projects" className="hover:underline">Projects</Link>}
        description={project.description || undefined}
        actions={<StatusBadge status={project.status} />}
      />
      {project.status !== "active" ? (
        <p role="note" className="-mt-3 mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {project.status === "archived"
            ? "This project is archived: it is read-only and refuses runs. Restore it from Settings to change it."
            : "This project is paused: no new runs start until it is resumed from Settings."}
        </p>
      ) : null}
      <ProjectTabs slug={project.slug} />
      {children}
    </>
  );
}
