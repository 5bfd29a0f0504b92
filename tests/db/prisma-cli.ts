/**
 * Runs the Prisma CLI of this repository (through prisma.config.ts, which
 * picks schema + migrations by DATABASE_URL's scheme) — used by the db
 * tests' global setup and the migration tests.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `prisma <args>` with DATABASE_URL set; resolves with the exit code and output (never rejects on non-zero). */
export function prismaCli(args: string[], databaseUrl: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, "node_modules", ".bin", "prisma"), args, {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** `prisma migrate deploy`; throws with the CLI output when it fails. */
export async function migrateDeploy(databaseUrl: string): Promise<CliResult> {
  const res = await prismaCli(["migrate", "deploy"], databaseUrl);
  if (res.code !== 0) throw new Error(`prisma migrate deploy failed (exit ${res.code}):\n${res.stdout}\n${res.stderr}`);
  return res;
}
