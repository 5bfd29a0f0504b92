/**
 * Wire format between the engine and a spawn helper (native or Python, see
 * spawner.ts). Binary and length-prefixed both ways, little-endian, so that
 * neither side parses text or base64 on the per-step path:
 *
 *   engine → helper   u32 length · u8 type · …
 *     0 base env  u32 envc · "KEY=value"[envc]\0…   (the environment spawns start from)
 *     1 spawn     u32 id · u32 argc · u32 envc · cwd\0 · argv[argc]\0… · "KEY=value"[envc]\0…
 *                 (entries added to, or replacing those of, the base env)
 *   helper → engine   u32 length · u8 type · u32 id · payload
 *     0 ready     i32 helper pid
 *     1 spawned   i32 pid · start identity (UTF-8, may be empty)
 *     2 error     message (UTF-8)
 *     3 out       u8 stream (1 stdout, 2 stderr) · bytes
 *     4 exit      i32 code (−1 if killed) · i32 signal number (0 if exited) · f64 CPU seconds
 *
 * The base env is sent once (and again only when it changes), so a spawn
 * carries just the few variables of its step.
 * `length` counts the bytes after itself.
 */
import { constants } from "node:os";

/** What the engine asks a helper to start (`env`: entries on top of the base env). */
export interface HelperSpawnRequest {
  file: string;
  args: string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** A message from the helper. */
export type HelperMessage =
  | { t: "ready"; pid: number }
  | { t: "spawned"; id: number; pid: number; start: string | null }
  | { t: "error"; id: number; message: string }
  | { t: "out"; id: number; stream: 1 | 2; data: Buffer }
  | { t: "exit"; id: number; code: number | null; signal: NodeJS.Signals | null; cpu: number };

const SIGNAL_NAMES = new Map<number, NodeJS.Signals>(
  Object.entries(constants.signals).map(([name, no]) => [no, name as NodeJS.Signals]),
);

const NUL_ERROR = "an argument or environment entry contains a NUL byte";

/** `KEY=value` entries of an env object; entries that are undefined are dropped, as `child_process.spawn` does. */
function entries(env: Readonly<Record<string, string | undefined>>, into: string[]): number {
  let n = 0;
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    into.push(`${key}=${value}`);
    n++;
  }
  return n;
}

function frame(type: number, header: number[], strings: string[]): Buffer {
  const body = strings.length > 0 ? `${strings.join("\0")}\0` : "";
  const size = Buffer.byteLength(body);
  const head = 1 + 4 * header.length;
  const buf = Buffer.allocUnsafe(4 + head + size);
  buf.writeUInt32LE(head + size, 0);
  buf.writeUInt8(type, 4);
  header.forEach((v, i) => buf.writeUInt32LE(v, 5 + 4 * i));
  buf.write(body, 4 + head, "utf8");
  return buf;
}

/** Encodes a base env, or says why it cannot be sent (a NUL byte cannot cross the wire, nor reach exec). */
export function encodeBaseEnv(env: Readonly<Record<string, string | undefined>>): Buffer | { error: string } {
  const strings: string[] = [];
  const envc = entries(env, strings);
  if (strings.some((s) => s.includes("\0"))) return { error: `cannot use the environment: ${NUL_ERROR}` };
  return frame(0, [envc], strings);
}

/** Encodes a spawn request, or says why it cannot be sent. */
export function encodeSpawnRequest(id: number, req: HelperSpawnRequest): Buffer | { error: string } {
  const strings = [req.cwd, req.file, ...req.args];
  const envc = entries(req.env, strings);
  for (const s of strings) if (s.includes("\0")) return { error: `cannot spawn ${req.file}: ${NUL_ERROR}` };
  return frame(1, [id, 1 + req.args.length, envc], strings);
}

/** Longest frame a helper may send (its "out" frames carry at most 64 KiB). */
export const MAX_HELPER_FRAME = 1 << 20;

/** The helper's output is not a valid frame stream; `messages`: those decoded before the bad frame. */
export class HelperProtocolError extends Error {
  constructor(
    message: string,
    readonly messages: HelperMessage[],
  ) {
    super(message);
    this.name = "HelperProtocolError";
  }
}

/** Splits the helper's output stream into messages. */
export class HelperFrameReader {
  private pending: Buffer | null = null;
  private broken: HelperProtocolError | null = null;

  /**
   * Feeds a chunk; returns the complete messages it finished. Throws a
   * {@link HelperProtocolError} at the first malformed frame, and again on
   * every later call.
   */
  push(chunk: Buffer): HelperMessage[] {
    if (this.broken) throw new HelperProtocolError(this.broken.message, []);
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: HelperMessage[] = [];
    let off = 0;
    try {
      while (buf.length - off >= 4) {
        const len = buf.readUInt32LE(off);
        if (len > MAX_HELPER_FRAME) throw new Error(`spawn helper: frame of ${len} bytes (at most ${MAX_HELPER_FRAME})`);
        if (buf.length - off - 4 < len) break;
        out.push(decode(buf.subarray(off + 4, off + 4 + len)));
        off += 4 + len;
      }
    } catch (err) {
      this.pending = null;
      this.broken = new HelperProtocolError((err as Error).message, out);
      throw this.broken;
    }
    this.pending = off === buf.length ? null : Buffer.from(buf.subarray(off));
    return out;
  }
}

/** Bytes of each message type before its variable part: type, id, then fixed fields. */
const MIN_LENGTH: Partial<Record<number, number>> = { 0: 9, 1: 9, 2: 5, 3: 6, 4: 21 };

/** Decodes one frame (without its length prefix); throws if it is malformed. */
function decode(f: Buffer): HelperMessage {
  if (f.length < 5) throw new Error(`spawn helper: frame of ${f.length} bytes, shorter than its 5-byte header`);
  const type = f.readUInt8(0);
  const min = MIN_LENGTH[type];
  if (min === undefined) throw new Error(`spawn helper: unknown message type ${type}`);
  if (f.length < min) throw new Error(`spawn helper: message of type ${type} has ${f.length} bytes, shorter than its ${min}-byte header`);
  const id = f.readUInt32LE(1);
  switch (type) {
    case 0:
      return { t: "ready", pid: f.readInt32LE(5) };
    case 1: {
      const start = f.toString("utf8", 9);
      return { t: "spawned", id, pid: f.readInt32LE(5), start: start === "" ? null : start };
    }
    case 2:
      return { t: "error", id, message: f.toString("utf8", 5) };
    case 3:
      // A copy: the chunk the frame came from is not retained.
      return { t: "out", id, stream: f[5] === 2 ? 2 : 1, data: Buffer.from(f.subarray(6)) };
    case 4: {
      const code = f.readInt32LE(5);
      const sig = f.readInt32LE(9);
      return {
        t: "exit",
        id,
        code: code < 0 ? null : code,
        signal: code < 0 ? (SIGNAL_NAMES.get(sig) ?? "SIGKILL") : null,
        cpu: f.readDoubleLE(13),
      };
    }
    default:
      throw new Error(`spawn helper: unknown message type ${type}`);
  }
}
