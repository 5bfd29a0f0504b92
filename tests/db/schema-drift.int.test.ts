/**
 * The two providers' schemas and migrations never drift:
 *  - prisma/postgresql/schema.prisma is exactly what scripts/gen-pg-schema.mjs generates;
 *  - each provider's committed migrations, replayed into a shadow database,
 *    produce exactly its schema (`prisma migrate diff --exit-code`);
 *  - `migrate deploy` applies them to an empty database, and again as a no-op.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase, dropDatabase } from "../../scripts/pg-test-server.mjs";
import { generate, TARGET, toPostgresSchema } from "../../scripts/gen-pg-schema.mjs";
import { PROVIDERS } from "./helpers";
import { prismaCli, repoRoot } from "./prisma-cli";

const LAYOUT = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations", lock: 'provider = "sqlite"' },
  postgresql: {
    schema: "prisma/postgresql/schema.prisma",
    migrations: "prisma/postgresql/migrations",
    lock: 'provider = "postgresql"',
  },
} as const;

describe("PostgreSQL schema generation", () => {
  it("the committed PostgreSQL schema equals the generated one", () => {
    expect(existsSync(TARGET)).toBe(true);
    const committed = readFileSync(TARGET, "utf8");
    // Compare text, so a failure shows the diff.
    expect(committed).toBe(generate());
  });

  it("gen-pg-schema --check exits 0 now, and 1 with a clear message when the copy drifted", () => {
    const ok = spawnSync(process.execPath, ["scripts/gen-pg-schema.mjs", "--check"], { cwd: repoRoot, encoding: "utf8" });
    expect(ok.status, ok.stderr).toBe(0);

    // A copy of the layout with a hand-edited PostgreSQL schema must fail the check.
    const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-drift-"));
    try {
      mkdirSync(path.join(dir, "scripts"));
      mkdirSync(path.join(dir, "prisma", "postgresql"), { recursive: true });
      copyFileSync(path.join(repoRoot, "scripts/gen-pg-schema.mjs"), path.join(dir, "scripts/gen-pg-schema.mjs"));
      copyFileSync(path.join(repoRoot, "prisma/schema.prisma"), path.join(dir, "prisma/schema.prisma"));
      writeFileSync(path.join(dir, "prisma/postgresql/schema.prisma"), `${readFileSync(TARGET, "utf8")}\nmodel Extra {\n  id String @id\n}\n`);
      const drift = spawnSync(process.execPath, ["scripts/gen-pg-schema.mjs", "--check"], { cwd: dir, encoding: "utf8" });
      expect(drift.status).toBe(1);
      expect(drift.stderr).toContain("prisma/postgresql/schema.prisma is out of date with prisma/schema.prisma");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("swaps only the provider and the client output", () => {
    const src = readFileSync(path.join(repoRoot, "prisma/schema.prisma"), "utf8");
    const pg = toPostgresSchema(src);
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain('output     = "../../lib/generated/postgresql"');
    expect(pg).not.toMatch(/provider\s*=\s*"sqlite"/);
    const modelsOf = (s: string) => s.match(/^(model|enum) \w+/gm)?.sort();
    expect(modelsOf(pg)).toEqual(modelsOf(src));
  });

  it("refuses provider-specific native types in the source schema", () => {
    const src = readFileSync(path.join(repoRoot, "prisma/schema.prisma"), "utf8");
    expect(() => toPostgresSchema(src.replace("name        String\n", "name        String @db.Text\n"))).toThrow(/native types/);
  });
});

describe.each(PROVIDERS)("migrations (%s)", (provider) => {
  const layout = LAYOUT[provider];
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  async function emptyDatabaseUrl(): Promise<string> {
    if (provider === "sqlite") {
      const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-migrate-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return `file:${path.join(dir, "empty.db")}`;
    }
    const name = `migrate_${Date.now().toString(36)}`;
    const url = await createDatabase(inject("pgAdminUrl"), name);
    cleanups.push(() => dropDatabase(inject("pgAdminUrl"), name));
    return url;
  }

  it("has one committed migrations folder with a lock file for its provider", () => {
    const dir = path.join(repoRoot, layout.migrations);
    expect(readFileSync(path.join(dir, "migration_lock.toml"), "utf8")).toContain(layout.lock);
    const migrations = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(existsSync(path.join(dir, m.name, "migration.sql"))).toBe(true);
  });

  it("the migrations produce exactly the schema (migrate diff --exit-code)", async () => {
    const url = await emptyDatabaseUrl();
    const res = await prismaCli(
      ["migrate", "diff", "--from-migrations", layout.migrations, "--to-schema-datamodel", layout.schema, "--exit-code"],
      url,
    );
    expect(`${res.stdout}${res.stderr}`).toContain("No difference detected");
    expect(res.code).toBe(0);
  });

  it("migrate deploy applies them to an empty database, and a second deploy is a no-op", async () => {
    const url = await emptyDatabaseUrl();
    const first = await prismaCli(["migrate", "deploy"], url);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain("All migrations have been successfully applied");
    const second = await prismaCli(["migrate", "deploy"], url);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain("No pending migrations to apply");
  });
});
