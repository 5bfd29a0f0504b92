/** The audit trail: who did what to what, when. */
import type { Prisma } from "@/lib/generated/sqlite/client";
import { getPrisma } from "@/lib/db/prisma";
import type { Principal } from "@/lib/auth/principal";

export type AuditTarget = "project" | "workflow" | "run" | "pool" | "user" | "token" | "settings";

export interface AuditInput {
  principal: Principal | null;
  action: string;
  targetType: AuditTarget;
  targetId?: string | null;
  projectId?: string | null;
  workflowId?: string | null;
  runId?: string | null;
  details?: Prisma.InputJsonValue;
}

/** Records an entry. Never throws: a failing audit write is logged, the action it describes has already happened. */
export async function recordAudit(input: AuditInput): Promise<void> {
  try {
    await getPrisma().auditEntry.create({
      data: {
        actorId: input.principal?.userId ?? null,
        actorLabel: input.principal?.label ?? "system",
        action: input.action,
        targetType: input.targetType,
        targetId: input.targetId ?? null,
        projectId: input.projectId ?? null,
        workflowId: input.workflowId ?? null,
        runId: input.runId ?? null,
        details: input.details,
      },
    });
  } catch (err) {
    console.error("audit entry could not be written", { action: input.action, err });
  }
}

export interface AuditRow {
  id: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  runId: string | null;
  details: unknown;
  createdAt: Date;
}

export async function listAudit(filter: { runId?: string; projectId?: string; workflowId?: string; take?: number } = {}): Promise<AuditRow[]> {
  return getPrisma().auditEntry.findMany({
    where: { runId: filter.runId, projectId: filter.projectId, workflowId: filter.workflowId },
    orderBy: { createdAt: "desc" },
    take: filter.take ?? 100,
    select: { id: true, actorLabel: true, action: true, targetType: true, targetId: true, runId: true, details: true, createdAt: true },
  });
}
