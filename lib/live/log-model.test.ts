import { describe, expect, it } from "vitest";
import { appendChunks, displayLines, emptyLog, prependChunks } from "./log-model";
import type { LogChunkDto } from "./step-types";

const chunk = (seq: number, text: string, stream: "stdout" | "stderr" = "stdout"): LogChunkDto => ({ seq, stream, ts: seq, text });
const texts = (m: ReturnType<typeof emptyLog>) => displayLines(m).map((l) => `${l.stream === "stderr" ? "!" : ""}${l.text}`);

describe("log model", () => {
  it("interleaves stdout and stderr in seq order and joins lines split across chunks", () => {
    const m = appendChunks(emptyLog(1), [chunk(1, "comp"), chunk(2, "iling\nstep 2\n"), chunk(3, "warning: x\n", "stderr"), chunk(4, "done")]);
    expect(texts(m)).toEqual(["compiling", "step 2", "!warning: x", "done"]);
    expect(m.open?.text).toBe("done");
    expect(m.lastSeq).toBe(4);
  });

  it("ends an open line when the other stream writes", () => {
    const m = appendChunks(emptyLog(1), [chunk(1, "progress "), chunk(2, "oops\n", "stderr"), chunk(3, "more\n")]);
    expect(texts(m)).toEqual(["progress ", "!oops", "more"]);
  });

  it("ignores chunks it already has, so a repeated page adds nothing", () => {
    const a = appendChunks(emptyLog(1), [chunk(1, "a\n"), chunk(2, "b\n")]);
    expect(appendChunks(a, [chunk(2, "b\n")])).toBe(a);
    expect(texts(appendChunks(a, [chunk(2, "b\n"), chunk(3, "c\n")]))).toEqual(["a", "b", "c"]);
  });

  it("keeps what a carriage return redraws last", () => {
    expect(texts(appendChunks(emptyLog(1), [chunk(1, "10%\r50%\r100%\r\n")]))).toEqual(["100%"]);
  });

  it("records the colour a line inherits from the lines before it", () => {
    const m = appendChunks(emptyLog(1), [chunk(1, "\x1b[31mred starts\nstill red\n\x1b[0mplain\n")]);
    const lines = displayLines(m);
    expect(lines[0]!.sgr).toBeNull();
    expect(lines[1]!.sgr?.fg).toBe("#f87171");
    expect(lines[2]!.sgr?.fg).toBe("#f87171");
    expect(m.sgr.fg).toBeNull();
  });

  it("loads earlier output in front and rebuilds lines across the boundary", () => {
    const tail = appendChunks(emptyLog(1), [chunk(3, "end of line\n"), chunk(4, "last\n")]);
    const full = prependChunks(tail, [chunk(1, "first\n"), chunk(2, "start of ")], false);
    expect(texts(full)).toEqual(["first", "start of end of line", "last"]);
    expect(full.firstSeq).toBe(1);
    expect(full.hasEarlier).toBe(false);
  });
});
