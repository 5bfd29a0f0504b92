import { createPrisma } from "@/lib/db/prisma";
import { copyDb, createDbTemplate, seedWorkflowVersion } from "../tests/engine/db";
import { layeredDag } from "../bench/workflows";
const tpl = await createDbTemplate("myrmex-probe-");
const db = copyDb(tpl, "seeded");
const prisma = createPrisma({ url: db.url });
await seedWorkflowVersion(prisma, layeredDag(100, 100));
await prisma.$disconnect();
console.log(tpl.dir, db.file);
