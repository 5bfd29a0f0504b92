import { describe, expect, it } from "vitest";
import { encodeBaseEnv, encodeSpawnRequest, HelperFrameReader, HelperProtocolError, MAX_HELPER_FRAME } from "./helper-protocol";

/** A helper → engine frame as the helpers write it. */
function frame(type: number, id: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUInt32LE(5 + payload.length, 0);
  head.writeUInt8(type, 4);
  head.writeUInt32LE(id, 5);
  return Buffer.concat([head, payload]);
}

const i32 = (...xs: number[]) => {
  const b = Buffer.alloc(4 * xs.length);
  xs.forEach((x, i) => b.writeInt32LE(x, 4 * i));
  return b;
};

describe("helper wire format", () => {
  it("encodes a spawn: id, argc (file included), envc, then NUL-terminated cwd, argv and the step's env", () => {
    const buf = encodeSpawnRequest(7, { file: "/bin/sh", args: ["-c", "echo é"], cwd: "/tmp", env: { A: "1", SKIP: undefined, B: "x=y" } });
    if (!Buffer.isBuffer(buf)) throw new Error(buf.error);
    expect(buf.readUInt32LE(0)).toBe(buf.length - 4);
    expect(buf.readUInt8(4)).toBe(1);
    expect([buf.readUInt32LE(5), buf.readUInt32LE(9), buf.readUInt32LE(13)]).toEqual([7, 3, 2]);
    expect(buf.subarray(17).toString("utf8").split("\0")).toEqual(["/tmp", "/bin/sh", "-c", "echo é", "A=1", "B=x=y", ""]);
  });

  it("encodes a base env, and refuses NUL bytes by name", () => {
    const base = encodeBaseEnv({ PATH: "/bin", HOME: "/root" });
    if (!Buffer.isBuffer(base)) throw new Error(base.error);
    expect(base.readUInt8(4)).toBe(0);
    expect(base.readUInt32LE(5)).toBe(2);
    expect(encodeSpawnRequest(1, { file: "/bin/sh", args: ["-c", "a\0b"], cwd: "/", env: {} })).toEqual({ error: expect.stringContaining("NUL byte") });
    expect(encodeBaseEnv({ X: "a\0b" })).toEqual({ error: expect.stringContaining("NUL byte") });
  });

  it("reads frames split anywhere across chunks, and decodes every message type", () => {
    const exitPayload = Buffer.concat([i32(-1, 9), Buffer.alloc(8)]);
    exitPayload.writeDoubleLE(0.25, 8);
    const stream = Buffer.concat([
      frame(0, 0, i32(4242)),
      frame(1, 3, Buffer.concat([i32(100), Buffer.from("boot:77")])),
      frame(1, 4, i32(101)),
      frame(3, 3, Buffer.concat([Buffer.from([2]), Buffer.from("oops\n")])),
      frame(4, 3, exitPayload),
      frame(2, 5, Buffer.from("spawn /nope No such file or directory")),
    ]);
    for (const size of [1, 3, 7, stream.length]) {
      const reader = new HelperFrameReader();
      const out = [];
      for (let i = 0; i < stream.length; i += size) out.push(...reader.push(stream.subarray(i, i + size)));
      expect(out).toEqual([
        { t: "ready", pid: 4242 },
        { t: "spawned", id: 3, pid: 100, start: "boot:77" },
        { t: "spawned", id: 4, pid: 101, start: null },
        { t: "out", id: 3, stream: 2, data: Buffer.from("oops\n") },
        { t: "exit", id: 3, code: null, signal: "SIGKILL", cpu: 0.25 },
        { t: "error", id: 5, message: "spawn /nope No such file or directory" },
      ]);
    }
  });

  it("rejects frames shorter than their header, unknown types and oversized lengths, keeping the messages before them", () => {
    const bad: Array<[Buffer, RegExp]> = [
      [Buffer.from([1, 0, 0, 0, 0xff]), /frame of 1 bytes, shorter than its 5-byte header/],
      [frame(9, 1, Buffer.alloc(0)), /unknown message type 9/],
      [frame(0, 0, Buffer.from([1, 2])), /type 0 has 7 bytes, shorter than its 9-byte header/],
      [frame(1, 2, Buffer.alloc(3)), /type 1 has 8 bytes, shorter than its 9-byte header/],
      [frame(3, 2, Buffer.alloc(0)), /type 3 has 5 bytes, shorter than its 6-byte header/],
      [frame(4, 2, i32(0, 0)), /type 4 has 13 bytes, shorter than its 21-byte header/],
      [Buffer.from([0xff, 0xff, 0xff, 0xff]), new RegExp(`frame of ${0xffffffff} bytes \\(at most ${MAX_HELPER_FRAME}\\)`)],
    ];
    for (const [garbage, message] of bad) {
      const reader = new HelperFrameReader();
      let caught: unknown;
      try {
        reader.push(Buffer.concat([frame(0, 0, i32(7)), garbage]));
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(HelperProtocolError);
      expect((caught as HelperProtocolError).message).toMatch(message);
      expect((caught as HelperProtocolError).messages).toEqual([{ t: "ready", pid: 7 }]);
      // Broken for good: later chunks are not read as frames.
      expect(() => reader.push(frame(0, 0, i32(8)))).toThrow(HelperProtocolError);
    }
  });
});
