import { mkdir, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadWorkflow } from "@/lib/engine/parse";
import type { PrismaClient } from "@/lib/generated/sqlite/client";
import { projectsRoot } from "@/lib/runtime/paths";

const EXAMPLES_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "examples");
const SEED_KEY = "seed.examples.v1";

/** Built-in pools mirror this host; named ones used by the examples are created once. */
export async function ensurePools(prisma: PrismaClient): Promise<void> {
  const builtin = [
    { name: "cpu", capacity: os.availableParallelism(), description: "CPU slots (one per core)" },
    { name: "memory", capacity: Math.floor(os.totalmem() / 1024 ** 2), description: "Memory in MB" },
  ];
  for (const pool of builtin) {
    await prisma.resourcePool.upsert({
      where: { name: pool.name },
      create: { ...pool, builtin: true },
      update: { capacity: pool.capacity, builtin: true },
    });
  }
}

async function readExamples(port: string): Promise<{ file: string; source: string }[]> {
  const files = (await readdir(EXAMPLES_DIR)).filter((f) => f.endsWith(".yaml")).sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      // The health-check example calls this very server.
      source: (await readFile(path.join(EXAMPLES_DIR, file), "utf8")).replaceAll("127.0.0.1:3000", `127.0.0.1:${port}`),
    })),
  );
}

/**
 * Seeds the Examples project with the seven example workflows, once. Idempotent:
 * a marker records that seeding happened, so a user's edits, renames or
 * deletions are never overwritten or undone by a restart.
 */
export async function seedExamples(prisma: PrismaClient, opts: { port: string }): Promise<"seeded" | "already-seeded"> {
  const marker = await prisma.appSetting.findUnique({ where: { key: SEED_KEY } });
  if (marker) return "already-seeded";

  const workingDir = path.join(projectsRoot(), "examples");
  await mkdir(workingDir, { recursive: true });
  await prisma.resourcePool.upsert({
    where: { name: "deploy-slot" },
    create: { name: "deploy-slot", capacity: 1, description: "One deployment at a time" },
    update: {},
  });

  const examples = await readExamples(opts.port);
  const parsed = examples.map(({ file, source }) => {
    const res = loadWorkflow(source, { format: "yaml" });
    if (!res.ok) {
      const problems = res.problems.map((p) => `${p.stepId ? `${p.stepId}.` : ""}${p.field}: ${p.message}`).join("; ");
      throw new Error(`example ${file} is invalid: ${problems}`);
    }
    return { source, definition: res.definition };
  });

  await prisma.$transaction(async (tx) => {
    const project = await tx.project.upsert({
      where: { slug: "examples" },
      create: {
        name: "Examples",
        slug: "examples",
        description: "Seven runnable workflows that show what Myrmex does: chains, scaffolding, dependencies, resources, retries, metrics and health checks.",
        workingDir,
      },
      update: {},
    });
    for (const { source, definition } of parsed) {
      const exists = await tx.workflow.findUnique({ where: { projectId_slug: { projectId: project.id, slug: definition.name } } });
      if (exists) continue;
      await tx.workflow.create({
        data: {
          projectId: project.id,
          name: definition.name,
          slug: definition.name,
          description: definition.description ?? "",
          versions: { create: { number: 1, definition: definition as object, source } },
        },
      });
    }
    await tx.appSetting.create({ data: { key: SEED_KEY, value: { at: new Date().toISOString() } } });
  });
  return "seeded";
}
