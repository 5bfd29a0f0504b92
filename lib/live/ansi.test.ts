import { describe, expect, it } from "vitest";
import { parseAnsi, PLAIN, sgrAfter, stripAnsi } from "./ansi";

describe("parseAnsi", () => {
  it("leaves plain text alone", () => {
    expect(parseAnsi("hello")).toEqual({ segments: [{ text: "hello", style: PLAIN }], end: PLAIN });
  });

  it("turns colour and bold codes into styles, and reset back to plain", () => {
    const { segments, end } = parseAnsi("ok \x1b[1;32mPASS\x1b[0m done");
    expect(segments.map((s) => s.text)).toEqual(["ok ", "PASS", " done"]);
    expect(segments[1]!.style).toMatchObject({ bold: true, fg: "#4ade80" });
    expect(segments[2]!.style).toEqual(PLAIN);
    expect(end).toEqual(PLAIN);
  });

  it("supports 256-colour and true-colour codes", () => {
    expect(parseAnsi("\x1b[38;5;196mx").segments[0]!.style.fg).toBe("rgb(255,0,0)");
    expect(parseAnsi("\x1b[48;2;1;2;3mx").segments[0]!.style.bg).toBe("rgb(1,2,3)");
    expect(parseAnsi("\x1b[38;2;999;0;0mx").segments[0]!.style.fg).toBeNull();
  });

  it("carries a style into the next line", () => {
    const end = sgrAfter("\x1b[31merror: first line", PLAIN);
    expect(parseAnsi("second line", end).segments[0]!.style.fg).toBe("#f87171");
  });

  it("drops cursor moves, OSC titles and control characters, and never produces markup", () => {
    const text = "\x1b]0;title\x07\x1b[2K\x1b[1Aprogress\x08 <b>bold?</b>\x00";
    expect(parseAnsi(text).segments.map((s) => s.text).join("")).toBe("progress <b>bold?</b>");
    expect(stripAnsi(text)).toBe("progress <b>bold?</b>");
  });
});
