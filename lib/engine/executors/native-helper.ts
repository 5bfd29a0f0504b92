/**
 * The native spawn helper's binary: compiled from {@link NATIVE_HELPER_SOURCE}
 * with the machine's C compiler (`$CC`, else `cc`) the first time it is
 * needed, and cached under a name derived from the source, the platform and
 * the compiler — so an upgrade of any of them builds a new one, and every
 * engine on the machine (server, CLI, workers) shares it. Compiling takes a
 * fraction of a second, once; `npm install` does it ahead of time.
 *
 * Without a compiler, or if the build fails, the caller falls back to the
 * Python helper and the reason is kept for diagnostics.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NATIVE_HELPER_SOURCE } from "./native-helper-source";

/** Where compiled helpers are cached: `$MYRMEX_CACHE_DIR`, else `$XDG_CACHE_HOME/myrmex`, else `~/.cache/myrmex`. */
export function helperCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.MYRMEX_CACHE_DIR) return env.MYRMEX_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "myrmex");
}

let memo: { path: string } | { unavailable: string } | undefined;

/**
 * The path of the compiled helper, compiling it if needed (synchronously: a
 * one-time cost per machine), or why there is none. The result is memoized
 * for this process.
 */
export function nativeHelperBinary(): { path: string } | { unavailable: string } {
  memo ??= locate();
  return memo;
}

/** Forgets the memoized result (tests). */
export function resetNativeHelperMemo(): void {
  memo = undefined;
}

function locate(): { path: string } | { unavailable: string } {
  if (process.platform === "win32") return { unavailable: "no native helper on Windows" };
  const cc = process.env.CC || "cc";
  let version: string;
  try {
    version = execFileSync(cc, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 }).split("\n")[0] ?? "";
  } catch {
    return { unavailable: `no C compiler (${cc})` };
  }
  const key = createHash("sha256").update(NATIVE_HELPER_SOURCE).update(`\0${process.platform}-${process.arch}\0${version}`).digest("hex").slice(0, 16);
  const dir = helperCacheDir();
  const binary = path.join(dir, `spawn-helper-${key}`);
  if (isExecutable(binary)) return { path: binary };
  const tmp = `${binary}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    execFileSync(cc, ["-O2", "-o", tmp, "-x", "c", "-"], {
      input: NATIVE_HELPER_SOURCE,
      stdio: ["pipe", "ignore", "pipe"],
      timeout: 60_000,
    });
    chmodSync(tmp, 0o755);
    // Atomic: engines compiling at the same time each publish a complete file.
    renameSync(tmp, binary);
    return { path: binary };
  } catch (err) {
    rmSync(tmp, { force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    return { unavailable: `cannot build the native spawn helper: ${stderr || (err as Error).message}`.slice(0, 2000) };
  }
}

function isExecutable(file: string): boolean {
  try {
    return existsSync(file) && (statSync(file).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
