import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { helperCacheDir, nativeHelperBinary, prepareNativeHelper, resetNativeHelperMemo, RETRY_FAILED_MS } from "./native-helper";

const hasCompiler = (() => {
  try {
    execFileSync(process.env.CC || "cc", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const saved = { cache: process.env.MYRMEX_CACHE_DIR, cc: process.env.CC };
afterEach(() => {
  for (const [key, value] of [["MYRMEX_CACHE_DIR", saved.cache], ["CC", saved.cc]] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetNativeHelperMemo();
  vi.useRealTimers();
});

describe("the native spawn helper's binary", () => {
  it("is looked up under $MYRMEX_CACHE_DIR, else $XDG_CACHE_HOME/myrmex, else ~/.cache/myrmex", () => {
    expect(helperCacheDir({ MYRMEX_CACHE_DIR: "/c" })).toBe("/c");
    expect(helperCacheDir({ XDG_CACHE_HOME: "/x" })).toBe(path.join("/x", "myrmex"));
    expect(helperCacheDir({})).toBe(path.join(os.homedir(), ".cache", "myrmex"));
  });

  it.skipIf(!hasCompiler)("is compiled once into the cache and reused", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-helper-cache-"));
    try {
      process.env.MYRMEX_CACHE_DIR = dir;
      resetNativeHelperMemo();
      const first = nativeHelperBinary();
      if (!("path" in first)) throw new Error(first.unavailable);
      expect(path.dirname(first.path)).toBe(dir);
      expect(statSync(first.path).mode & 0o111).not.toBe(0);
      const built = statSync(first.path).mtimeMs;
      resetNativeHelperMemo();
      expect(nativeHelperBinary()).toEqual(first);
      expect(statSync(first.path).mtimeMs).toBe(built);
      expect(readdirSync(dir)).toEqual([path.basename(first.path)]); // no temporary file left
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says why there is none without a compiler", () => {
    process.env.CC = "/nonexistent/cc";
    resetNativeHelperMemo();
    expect(nativeHelperBinary()).toEqual({ unavailable: "no C compiler (/nonexistent/cc)" });
  });

  it.skipIf(!hasCompiler)("is built without blocking by prepareNativeHelper, into the same cache and memo", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-helper-cache-"));
    try {
      process.env.MYRMEX_CACHE_DIR = dir;
      resetNativeHelperMemo();
      const pending = prepareNativeHelper();
      expect(prepareNativeHelper()).toBe(pending); // one build at a time
      const built = await pending;
      if (!("path" in built)) throw new Error(built.unavailable);
      expect(path.dirname(built.path)).toBe(dir);
      expect(execFileSync(built.path, { input: "" }).readUInt8(4)).toBe(0); // a working helper: "ready", then exits at EOF
      expect(nativeHelperBinary()).toEqual(built);
      resetNativeHelperMemo();
      expect(nativeHelperBinary()).toEqual(built); // the sync lookup finds the same file
      expect(readdirSync(dir)).toEqual([path.basename(built.path)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("remembers a failure for a while only, then tries again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    process.env.CC = "/nonexistent/cc";
    resetNativeHelperMemo();
    expect(await prepareNativeHelper()).toEqual({ unavailable: "no C compiler (/nonexistent/cc)" });
    process.env.CC = "/nonexistent/other-cc";
    expect(nativeHelperBinary()).toEqual({ unavailable: "no C compiler (/nonexistent/cc)" });
    vi.advanceTimersByTime(RETRY_FAILED_MS);
    expect(await prepareNativeHelper()).toEqual({ unavailable: "no C compiler (/nonexistent/other-cc)" });
  });
});
