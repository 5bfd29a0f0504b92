import { Card } from "@/components/ui/card";
import { DependencyGraph } from "@/components/projects/dependency-graph";
import { DependencyManager } from "@/components/projects/dependency-manager";
import { projectForPage, projectReader } from "@/components/projects/project-loader";
import { dependencyGraph } from "@/lib/projects/dependencies";
import { dependencyCandidates } from "@/lib/queries/projects";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

/** The dependency graph around the project, and (for editors) adding and removing dependencies. */
export default async function ProjectDependenciesPage({ params }: { params: Params }) {
  const { canEdit } = await projectReader();
  const project = await projectForPage((await params).slug);
  const editable = canEdit && project.status !== "archived";
  const dependsOn = project.dependsOn.map((d) => d.dependsOn);
  const dependents = project.dependents.map((d) => d.project);
  const [graph, candidates] = await Promise.all([
    dependencyGraph(project.id),
    editable ? dependencyCandidates(project.id, dependsOn.map((d) => d.id)) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <Card title="Dependency graph">
        <p className="mb-3 text-xs text-slate-500 dark:text-slate-400">
          Every project this one depends on and every project that depends on it, directly or not. An arrow points from a project to a project it depends on;
          the left border shows each project&apos;s status.
        </p>
        {graph.nodes.length > 1 ? (
          <DependencyGraph graph={graph} />
        ) : (
          <p className="rounded-md border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400" data-testid="dependency-graph-empty">
            {project.name} has no dependencies and nothing depends on it.
          </p>
        )}
      </Card>
      <Card title="Dependencies">
        <DependencyManager projectId={project.id} projectName={project.name} dependsOn={dependsOn} dependents={dependents} candidates={candidates} canEdit={editable} />
      </Card>
    </div>
  );
}
