import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { effectiveRole } from "@/lib/auth/principal";
import { hasRole } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { readWorkflowForEditor } from "@/lib/workflows/read-editor";
import { WorkflowEditorIsland } from "./editor-client";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; workflow: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const wf = await readWorkflowForEditor(p.slug, p.workflow);
  return { title: wf ? `Edit ${wf.name}` : "Workflow not found" };
}

export default async function EditWorkflowPage({ params }: { params: Params }) {
  const me = await requirePage("viewer");
  const p = await params;
  const data = await readWorkflowForEditor(p.slug, p.workflow);
  if (!data) notFound();
  const role = effectiveRole(me);
  const readOnly = !hasRole(role, "editor")
    ? `Read-only: your role (${role}) can view workflows but not edit them.`
    : data.project.status === "archived"
      ? "Read-only: this project is archived."
      : null;
  const runBlocked = !hasRole(role, "editor")
    ? `Your role (${role}) can read workflows but not run them.`
    : data.project.status !== "active"
      ? `This project is ${data.project.status}: runs are refused.`
      : data.baseVersion === 0
        ? "Save a version first."
        : null;

  return (
    <>
      <PageHeader
        title={`Edit · ${data.name}`}
        breadcrumb={
          <>
            <Link href="/projects" className="hover:underline">Projects</Link> /{" "}
            <Link href={`/projects/${data.project.slug}`} className="hover:underline">{data.project.name}</Link> /{" "}
            <Link href={`/projects/${data.project.slug}/workflows/${data.slug}`} className="hover:underline">{data.name}</Link>
          </>
        }
      />
      <WorkflowEditorIsland
        workflowId={data.id}
        baseVersion={data.baseVersion}
        workflow={data.workflow}
        layout={data.layout}
        pools={data.pools}
        versions={data.versions}
        readOnly={readOnly}
        runBlocked={runBlocked}
        fileName={data.slug}
      />
    </>
  );
}
