import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { collectParam, csvOf, nonNegativeNumber, positiveInt } from "./parse";
import { EXIT, exitForStatus, fromServiceError } from "./errors";

describe("option parsers", () => {
  it("accept good values and refuse bad ones with a usage error", () => {
    expect(positiveInt("3")).toBe(3);
    expect(() => positiveInt("0")).toThrow(InvalidArgumentError);
    expect(() => positiveInt("1.5")).toThrow(InvalidArgumentError);
    expect(nonNegativeNumber("0")).toBe(0);
    expect(() => nonNegativeNumber("-1")).toThrow(InvalidArgumentError);
    expect(() => nonNegativeNumber("")).toThrow(InvalidArgumentError);
    expect(collectParam("a=b=c", { x: "1" })).toEqual({ x: "1", a: "b=c" });
    expect(() => collectParam("=x")).toThrow(InvalidArgumentError);
    expect(() => collectParam("bad key=x")).toThrow(InvalidArgumentError);
    expect(csvOf(["a", "b"] as const)("a, b")).toEqual(["a", "b"]);
    expect(() => csvOf(["a"] as const)("a,c")).toThrow(InvalidArgumentError);
  });
});

describe("exit codes", () => {
  it("map HTTP-like statuses the same way in both modes", () => {
    expect(exitForStatus(422)).toBe(EXIT.usage);
    expect(exitForStatus(400)).toBe(EXIT.usage);
    expect(exitForStatus(401)).toBe(EXIT.unavailable);
    expect(exitForStatus(403)).toBe(EXIT.unavailable);
    expect(exitForStatus(404)).toBe(EXIT.failure);
    expect(exitForStatus(409)).toBe(EXIT.failure);
  });

  it("turn definition problems into one line each", () => {
    const err = fromServiceError({
      status: 422,
      error: "The definition has 2 problems: step a, kind: bad; workflow, name: required",
      details: { problems: [{ stepId: "a", field: "kind", message: "bad", line: 4 }, { field: "name", message: "required" }] },
    });
    expect(err.exitCode).toBe(EXIT.usage);
    expect(err.message).toBe("The definition has 2 problems:");
    expect(err.lines).toEqual(["step a, kind (line 4): bad", "workflow, name: required"]);
  });
});
