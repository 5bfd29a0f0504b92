#!/usr/bin/env node
// The whole test suite: typecheck, lint, unit + integration tests (SQLite),
// data-layer tests on SQLite and PostgreSQL, then the browser tests against a
// production build. Every stage runs even when an earlier one fails, and the
// last line counts every runner together: "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, "reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR };
const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(name, cmd, args) {
  console.log(`\n━━ ${name}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  return { code: res.status ?? 1, secs };
}

/** A check without its own test count (typecheck, lint) counts as one test. */
function check(name, cmd, args) {
  if (only.length && !only.includes(name)) return;
  const { code, secs } = run(name, cmd, args);
  if (code === 0) totals.passed++;
  else totals.failed++;
  lines.push(`${name}: ${code === 0 ? "ok" : "FAILED"} (${secs} s)`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function vitest(name, args, report) {
  if (only.length && !only.includes(name)) return;
  const { code, secs } = run(name, "npx", ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const json = readJson(report);
  if (!json) {
    totals.failed++;
    lines.push(`${name}: FAILED before reporting (exit ${code}, ${secs} s)`);
    return;
  }
  const passed = json.numPassedTests ?? 0;
  const failed = (json.numFailedTests ?? 0) + (code !== 0 && !json.numFailedTests ? 1 : 0);
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${name}: ${passed} passed, ${failed} failed, ${skipped} skipped (${secs} s)`);
}

function playwright() {
  const name = "e2e";
  if (only.length && !only.includes(name)) return;
  const report = path.join(reports, "playwright.json");
  const { code, secs } = run(name, "npx", ["playwright", "test"]);
  const json = readJson(report);
  if (!json?.stats) {
    totals.failed++;
    lines.push(`${name}: FAILED before reporting (exit ${code}, ${secs} s)`);
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
  const failed = unexpected + flaky + (code !== 0 && unexpected === 0 ? 1 : 0);
  totals.passed += expected;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${name}: ${expected} passed, ${failed} failed, ${skipped} skipped (${secs} s)`);
}

// Typecheck and tests import the generated Prisma clients: make sure they exist.
{
  const { code } = run("prepare", "node", ["scripts/prepare.mjs", "--clients-only"]);
  if (code !== 0) {
    totals.failed++;
    lines.push("prepare: FAILED (Prisma clients could not be generated)");
  }
}
check("typecheck", "npx", ["tsc", "--noEmit"]);
check("lint", "npx", ["eslint", "--max-warnings", "0", "."]);
vitest("unit", ["--project", "unit"], path.join(reports, "vitest-unit.json"));
vitest("integration", ["--project", "integration"], path.join(reports, "vitest-integration.json"));
if (existsSync(path.join(root, "vitest.db.config.ts"))) {
  vitest("db", ["--config", "vitest.db.config.ts"], path.join(reports, "vitest-db.json"));
}
playwright();

console.log("\n━━ Summary");
for (const l of lines) console.log(`  ${l}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
