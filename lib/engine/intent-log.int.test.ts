import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileIntentLog, type StartIntent } from "./intent-log";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempLog = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "myrmex-intents-test-"));
  dirs.push(dir);
  return new FileIntentLog(dir);
};
const intent = (stepId: string, attempt = 1): StartIntent => ({ runId: "r1", taskRunId: `r1:${stepId}`, stepId, attempt, at: 1_000 });

describe("FileIntentLog", () => {
  it("appends intents that another instance (a new FileIntentLog) reads back; a torn last line is ignored", () => {
    const log = tempLog();
    log.append("inst/1", [intent("a"), intent("b")]);
    log.append("inst/1", [intent("c", 2)]);
    appendFileSync(path.join(log.dir, "inst_1.log"), '{"runId":"r1","task');
    const reader = new FileIntentLog(log.dir);
    expect(reader.read("inst/1")).toEqual([intent("a"), intent("b"), intent("c", 2)]);
    expect(reader.read("someone-else")).toEqual([]);
  });

  it("is emptied once settled after it grew, and removed on a graceful stop", () => {
    const log = tempLog();
    const file = path.join(log.dir, "i.log");
    log.append("i", [intent("a")]);
    log.settled("i");
    expect(log.read("i")).toHaveLength(1); // small: kept, nothing to gain
    const many = Array.from({ length: 1000 }, (_, n) => intent(`s${n}`));
    log.append("i", many);
    log.settled("i");
    expect(statSync(file).size).toBe(0);
    log.append("i", [intent("z")]);
    expect(log.read("i")).toEqual([intent("z")]);
    log.remove("i");
    expect(existsSync(file)).toBe(false);
  });

  it("prunes journals untouched for longer than the given age", () => {
    const log = tempLog();
    log.append("old", [intent("a")]);
    log.append("new", [intent("b")]);
    const past = new Date(Date.now() - 8 * 24 * 3600_000);
    utimesSync(path.join(log.dir, "old.log"), past, past);
    log.prune(7 * 24 * 3600_000);
    expect(log.read("old")).toEqual([]);
    expect(log.read("new")).toEqual([intent("b")]);
  });
});
