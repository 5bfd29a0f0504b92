import { mkdtemp, mkdir, rm, symlink, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureWorkingDir } from "./working-dir";

describe("ensureWorkingDir", () => {
  let base: string;
  let root: string;
  beforeEach(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), "myrmex-wd-"));
    root = path.join(base, "projects");
  });
  afterEach(async () => rm(base, { recursive: true, force: true }));

  it("creates a missing directory inside the root", async () => {
    const dir = await ensureWorkingDir(root, "web/app");
    expect((await stat(dir)).isDirectory()).toBe(true);
    expect(dir.startsWith(root)).toBe(true);
  });

  it("refuses .. escapes, absolute paths and the root itself", async () => {
    await expect(ensureWorkingDir(root, "../outside")).rejects.toThrow(/inside the projects root/);
    await expect(ensureWorkingDir(root, "a/../../outside")).rejects.toThrow(/inside the projects root/);
    await expect(ensureWorkingDir(root, "/etc")).rejects.toThrow(/relative/);
    await expect(ensureWorkingDir(root, ".")).rejects.toThrow(/inside the projects root/);
  });

  it("refuses a symbolic link that leads outside", async () => {
    await mkdir(root, { recursive: true });
    await mkdir(path.join(base, "secret"));
    await symlink(path.join(base, "secret"), path.join(root, "link"));
    await expect(ensureWorkingDir(root, "link")).rejects.toThrow(/symbolic link/);
    await expect(ensureWorkingDir(root, "link/deeper")).rejects.toThrow(/symbolic link/);
  });
});
