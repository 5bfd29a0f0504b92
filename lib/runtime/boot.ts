import { getPrisma } from "@/lib/db/prisma";
import { ensurePools, seedExamples } from "@/lib/seed/examples";
import { ensureOwnerFromEnv } from "@/lib/auth/users";
import { startHostCollector } from "@/lib/metrics/host-collector";
import { checkComponents } from "@/lib/health/components";
import { loopDelay } from "@/lib/health/loop-delay";
import { startHealthSampler } from "@/lib/health/sampler";
import { getEngine, stopEngine } from "./engine-host";
import { dataDir } from "./paths";

/** Runs once per server process, before it serves requests. */
export async function bootServer(): Promise<void> {
  const prisma = getPrisma();
  await ensurePools(prisma);
  const seeded = await seedExamples(prisma, { port: process.env.PORT ?? "3000" });
  if (seeded === "seeded") console.log("✓ Seeded the Examples project");
  if ((await ensureOwnerFromEnv()) === "created") console.log(`✓ Created the owner account ${process.env.MYRMEX_ADMIN_EMAIL}`);
  const engine = await getEngine();
  startHostCollector(prisma, { instanceId: engine.instanceId, diskPath: dataDir() });
  // The Health page's history: the same checks as /api/health/ready, every 30 s.
  startHealthSampler(prisma, { instanceId: engine.instanceId, check: () => checkComponents(prisma, { selfInstanceId: engine.instanceId, eventLoop: loopDelay() }) });
  const shutdown = () => {
    void stopEngine().finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
