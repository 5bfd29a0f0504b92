import { Card } from "@/components/ui/card";
import { AuditList } from "@/components/audit/audit-list";
import { projectForPage, projectReader } from "@/components/projects/project-loader";
import { listAudit } from "@/lib/audit/audit";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

/** The project's audit trail: lifecycle, edits, dependencies, runs. */
export default async function ProjectActivityPage({ params }: { params: Params }) {
  await projectReader();
  const project = await projectForPage((await params).slug);
  const entries = await listAudit({ projectId: project.id, take: 200 });
  return (
    <Card title="Activity">
      <AuditList entries={entries} empty="Nothing recorded for this project yet." />
      {entries.length === 200 ? <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">The 200 most recent entries.</p> : null}
    </Card>
  );
}
