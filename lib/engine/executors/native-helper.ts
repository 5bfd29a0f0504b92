/**
 * The native spawn helper's binary: compiled from {@link NATIVE_HELPER_SOURCE}
 * with the machine's C compiler (`$CC`, else `cc`) the first time it is
 * needed, and cached under a name derived from the source, the platform and
 * the compiler — so an upgrade of any of them builds a new one, and every
 * engine on the machine (server, CLI, workers) shares it. Compiling takes a
 * fraction of a second, once per machine: when an engine starts (the shell
 * executor's warm-up, without blocking), else at the first shell step.
 *
 * Without a compiler, or if the build fails, the caller falls back to the
 * Python helper and the reason is kept for diagnostics (and the build is
 * tried again after {@link RETRY_FAILED_MS}).
 */
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { NATIVE_HELPER_SOURCE } from "./native-helper-source";

/** Where compiled helpers are cached: `$MYRMEX_CACHE_DIR`, else `$XDG_CACHE_HOME/myrmex`, else `~/.cache/myrmex`. */
export function helperCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.MYRMEX_CACHE_DIR) return env.MYRMEX_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "myrmex");
}

/** The compiled helper, or why there is none. */
export type NativeHelper = { path: string } | { unavailable: string };

/** How long a failure (no compiler, a failed build) is remembered before it is tried again. */
export const RETRY_FAILED_MS = 60_000;

let memo: { result: NativeHelper; at: number } | undefined;
let inFlight: Promise<NativeHelper> | null = null;
let tmpSeq = 0;

function remembered(): NativeHelper | undefined {
  if (!memo) return undefined;
  if ("unavailable" in memo.result && Date.now() - memo.at >= RETRY_FAILED_MS) return undefined;
  return memo.result;
}

function remember(result: NativeHelper): NativeHelper {
  memo = { result, at: Date.now() };
  return result;
}

/**
 * The path of the compiled helper, compiling it if needed (synchronously:
 * a one-time cost per machine), or why there is none. Memoized for this
 * process (a failure for {@link RETRY_FAILED_MS}). The server uses
 * {@link prepareNativeHelper}, which does not block.
 */
export function nativeHelperBinary(): NativeHelper {
  return remembered() ?? remember(runSync(locate()));
}

/** {@link nativeHelperBinary} without blocking the event loop (same cache, same memo). */
export function prepareNativeHelper(): Promise<NativeHelper> {
  const known = remembered();
  if (known) return Promise.resolve(known);
  inFlight ??= runAsync(locate()).then(
    (result) => {
      inFlight = null;
      return remember(result);
    },
    (err: unknown) => {
      inFlight = null;
      return remember({ unavailable: `cannot build the native spawn helper: ${String(err)}` });
    },
  );
  return inFlight;
}

/** Forgets the memoized result (tests). */
export function resetNativeHelperMemo(): void {
  memo = undefined;
}

/** A command {@link locate} needs run; it gets back stdout, or the error thrown in. */
interface Command {
  file: string;
  args: string[];
  input?: string;
  timeout: number;
}

/** The lookup and build, as a sequence of commands run by {@link runSync} or {@link runAsync}. */
function* locate(): Generator<Command, NativeHelper, string> {
  if (process.platform === "win32") return { unavailable: "no native helper on Windows" };
  const cc = process.env.CC || "cc";
  let version: string;
  try {
    version = (yield { file: cc, args: ["--version"], timeout: 10_000 }).split("\n")[0] ?? "";
  } catch {
    return { unavailable: `no C compiler (${cc})` };
  }
  const key = createHash("sha256").update(NATIVE_HELPER_SOURCE).update(`\0${process.platform}-${process.arch}\0${version}`).digest("hex").slice(0, 16);
  const dir = helperCacheDir();
  const binary = path.join(dir, `spawn-helper-${key}`);
  if (isExecutable(binary)) return { path: binary };
  // Unique even between a blocking and a non-blocking build of this process.
  const tmp = `${binary}.${process.pid}-${++tmpSeq}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    yield { file: cc, args: ["-O2", "-o", tmp, "-x", "c", "-"], input: NATIVE_HELPER_SOURCE, timeout: 60_000 };
    chmodSync(tmp, 0o755);
    // Atomic: engines compiling at the same time each publish a complete file.
    renameSync(tmp, binary);
    return { path: binary };
  } catch (err) {
    rmSync(tmp, { force: true });
    const stderr = (err as { stderr?: Buffer | string }).stderr?.toString().trim();
    return { unavailable: `cannot build the native spawn helper: ${stderr || (err as Error).message}`.slice(0, 2000) };
  }
}

function runSync(steps: Generator<Command, NativeHelper, string>): NativeHelper {
  let step = steps.next();
  while (!step.done) {
    const { file, args, input, timeout } = step.value;
    let out: string;
    try {
      out = execFileSync(file, args, { input, encoding: "utf8", stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"], timeout });
    } catch (err) {
      step = steps.throw(err);
      continue;
    }
    step = steps.next(out);
  }
  return step.value;
}

const execFileAsync = promisify(execFile);

async function runAsync(steps: Generator<Command, NativeHelper, string>): Promise<NativeHelper> {
  let step = steps.next();
  while (!step.done) {
    const { file, args, input, timeout } = step.value;
    let out: string;
    try {
      const running = execFileAsync(file, args, { encoding: "utf8", timeout });
      running.child.stdin?.on("error", () => {}); // reported through the exit status
      running.child.stdin?.end(input ?? "");
      out = (await running).stdout;
    } catch (err) {
      step = steps.throw(err);
      continue;
    }
    step = steps.next(out);
  }
  return step.value;
}

function isExecutable(file: string): boolean {
  try {
    return existsSync(file) && (statSync(file).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
