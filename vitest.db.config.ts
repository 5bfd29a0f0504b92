/**
 * Data-layer tests on SQLite AND PostgreSQL: `npx vitest run --config vitest.db.config.ts`.
 * The global setup starts a private PostgreSQL 15 on 127.0.0.1 (spare port)
 * and stops it afterwards; see tests/db/global-setup.ts.
 */
import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    name: "db",
    include: ["tests/db/**/*.int.test.ts"],
    environment: "node",
    globalSetup: ["tests/db/global-setup.ts"],
    // Each file gets its own databases; two workers match the 2-core CI machines.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
