import { Card } from "@/components/ui/card";
import { ProjectSettings } from "@/components/projects/project-settings";
import { projectForPage, projectReader } from "@/components/projects/project-loader";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

/** Name and description, lifecycle (pause, archive, restore) and delete, for editors. */
export default async function ProjectSettingsPage({ params }: { params: Params }) {
  const { canEdit, role } = await projectReader();
  const project = await projectForPage((await params).slug);
  if (!canEdit) {
    return (
      <Card title="Settings">
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="settings-read-only">
          Your role ({role}) can read this project but not change it: editing, pausing, archiving and deleting need the editor role.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Settings">
      <ProjectSettings project={project} dependents={project.dependents.map((d) => ({ name: d.project.name, slug: d.project.slug, status: d.project.status }))} />
    </Card>
  );
}
