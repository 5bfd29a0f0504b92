import { getPrisma } from "@/lib/db/prisma";
import { ensurePools, seedExamples } from "@/lib/seed/examples";
import { ensureOwnerFromEnv } from "@/lib/auth/users";
import { startHostCollector } from "@/lib/metrics/host-collector";
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
  const shutdown = () => {
    void stopEngine().finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
