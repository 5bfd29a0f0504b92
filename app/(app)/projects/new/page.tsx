import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/page-header";
import { NewProjectForm } from "@/components/projects/new-project-form";
import { projectsRoot } from "@/lib/runtime/paths";

export const metadata: Metadata = { title: "New project" };
export const dynamic = "force-dynamic";

export default async function NewProjectPage() {
  await requirePage("editor");
  return (
    <>
      <PageHeader title="New project" breadcrumb={<Link href="/projects" className="hover:underline">Projects</Link>} />
      <NewProjectForm root={projectsRoot()} />
    </>
  );
}
