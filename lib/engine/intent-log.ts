/**
 * The start journal of pipelined dispatch.
 *
 * An attempt started while the batch recording it is being committed (see
 * write-queue.ts `beforeCommit`) has no row yet. If the engine dies in that
 * instant, the store alone would not know the attempt ever ran: recovery
 * would neither count it against the step's retry policy nor look for its
 * processes. So each such start is first appended here — one line, one
 * write() per batch, no fsync: it survives the engine's process like the
 * SQLite commit it stands in for (WAL, synchronous=NORMAL) — and recovery on
 * the same host reads the dead instance's journal (`restoreRun`): an intent
 * whose attempt has no row becomes a `lost` attempt, its processes are
 * killed, and the step is retried or failed by its policy.
 *
 * Once a batch has committed, every intent written before it is covered by
 * rows: the journal is emptied (when it has grown) after a commit with no
 * start in flight.
 */
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** An attempt about to start before its record is committed. */
export interface StartIntent {
  runId: string;
  taskRunId: string;
  stepId: string;
  attempt: number;
  /** When it was dispatched (epoch ms). */
  at: number;
}

/** Where an instance journals its pipelined starts (host-local). */
export interface IntentLog {
  /** Appends intents, durably for a process crash, before their attempts start. */
  append(instanceId: string, intents: readonly StartIntent[]): void;
  /** Everything this instance appended so far is committed: the journal may be emptied. */
  settled(instanceId: string): void;
  /** The intents an instance journaled on this host and did not clear. */
  read(instanceId: string): StartIntent[];
  /** Deletes an instance's journal (graceful stop: nothing is in flight). */
  remove(instanceId: string): void;
  /** Deletes journals untouched for `maxAgeMs` (dead instances whose runs were recovered long ago). */
  prune?(maxAgeMs: number): void;
}

/** Bytes after which a settled journal is emptied. */
const TRUNCATE_AFTER_BYTES = 64 * 1024;

/** One file per instance in a host-wide directory (default `<tmpdir>/myrmex-intents`). */
export class FileIntentLog implements IntentLog {
  private readonly open = new Map<string, { fd: number; bytes: number }>();

  constructor(readonly dir: string = path.join(os.tmpdir(), "myrmex-intents")) {}

  private file(instanceId: string): string {
    return path.join(this.dir, `${instanceId.replace(/[^A-Za-z0-9_.-]/g, "_")}.log`);
  }

  append(instanceId: string, intents: readonly StartIntent[]): void {
    if (intents.length === 0) return;
    let f = this.open.get(instanceId);
    if (!f) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      f = { fd: openSync(this.file(instanceId), "a", 0o600), bytes: 0 };
      this.open.set(instanceId, f);
    }
    let text = "";
    for (const i of intents) text += `${JSON.stringify(i)}\n`;
    f.bytes += writeSync(f.fd, text);
  }

  settled(instanceId: string): void {
    const f = this.open.get(instanceId);
    if (!f || f.bytes < TRUNCATE_AFTER_BYTES) return;
    ftruncateSync(f.fd, 0); // O_APPEND: the next write starts at 0
    f.bytes = 0;
  }

  read(instanceId: string): StartIntent[] {
    const file = this.file(instanceId);
    if (!existsSync(file)) return [];
    const out: StartIntent[] = [];
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (line === "") continue;
      try {
        out.push(JSON.parse(line) as StartIntent);
      } catch {
        // a torn last line: its start had not begun
      }
    }
    return out;
  }

  remove(instanceId: string): void {
    const f = this.open.get(instanceId);
    if (f) closeSync(f.fd);
    this.open.delete(instanceId);
    rmSync(this.file(instanceId), { force: true });
  }

  /** Never throws: a journal it cannot read or delete is left in place. */
  prune(maxAgeMs: number): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return; // no journals yet (or not readable)
    }
    const before = Date.now() - maxAgeMs;
    for (const name of names) {
      const file = path.join(this.dir, name);
      try {
        if (name.endsWith(".log") && statSync(file).mtimeMs < before) rmSync(file, { force: true });
      } catch {
        // gone meanwhile
      }
    }
  }
}

/** In memory (tests, simulation); share one between engines to simulate a host. */
export class MemoryIntentLog implements IntentLog {
  private readonly logs = new Map<string, StartIntent[]>();

  append(instanceId: string, intents: readonly StartIntent[]): void {
    const log = this.logs.get(instanceId) ?? [];
    log.push(...intents.map((i) => ({ ...i })));
    this.logs.set(instanceId, log);
  }

  settled(instanceId: string): void {
    this.logs.delete(instanceId);
  }

  read(instanceId: string): StartIntent[] {
    return (this.logs.get(instanceId) ?? []).map((i) => ({ ...i }));
  }

  remove(instanceId: string): void {
    this.logs.delete(instanceId);
  }
}
