import { Card } from "@/components/ui/card";
import { NewWorkflowButton } from "@/components/workflows/new-workflow-button";
import { WorkflowsTable } from "@/components/projects/workflows-table";
import { projectForPage, projectReader } from "@/components/projects/project-loader";
import { listWorkflows } from "@/lib/queries/projects";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

export default async function ProjectWorkflowsPage({ params }: { params: Params }) {
  const { canEdit } = await projectReader();
  const project = await projectForPage((await params).slug);
  const workflows = await listWorkflows(project.id);
  return (
    <Card
      title={`Workflows (${workflows.length})`}
      actions={canEdit && project.status !== "archived" ? <NewWorkflowButton project={project.slug} /> : undefined}
    >
      <WorkflowsTable projectSlug={project.slug} workflows={workflows} />
    </Card>
  );
}
