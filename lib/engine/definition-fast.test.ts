import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stepSchema, workflowSchema } from "./definition";
import { FAST_STEP_FIELDS, parseStepFast, parseWorkflowFast } from "./definition-fast";

/** zod's output, or null when zod rejects. JSON text keeps the key order in the comparison. */
const viaZod = (schema: typeof stepSchema | typeof workflowSchema, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? JSON.stringify(r.data) : null;
};

/** The fast path never accepts what zod rejects, and when it accepts its output is zod's, key order included. */
function expectConsistent(input: unknown, fast: unknown, schema: typeof stepSchema | typeof workflowSchema) {
  const z = viaZod(schema, input);
  if (fast !== null) expect(JSON.stringify(fast)).toBe(z);
}

// Values around every boundary of the step schema, plus wrong types.
const anyValue = fc.oneof(
  fc.constantFrom(
    0, -0, 1, -1, 1.5, 0.5, 200, 5000, 1_000_000, 1_000_001, -1_000_000, -1_000_001, 604_800, 604_801, 604_800_000, 604_800_001,
    Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, true, false, null, undefined, "", " ", "a", "a b", "x".repeat(129), "x".repeat(201),
    "x".repeat(5001), "shell", "http", "delay", "noop", "bogus", [], ["a"], ["a", "a"], [1], {}, { url: "http://x" }, { cpu: 1 }, { cpu: -1 },
    { maxAttempts: 2 }, { maxAttempts: 0 }, { PATH: "x" }, { "1x": "y" }, { x: 1 },
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
);
const stepKey = fc.constantFrom(...Object.keys(stepSchema.shape), "unknown", "__proto__x");
const stepInput = fc.dictionary(stepKey, anyValue, { maxKeys: 8 }).map((o) => ({ id: "s1", kind: "noop", ...o }));
const validStep = fc.record(
  {
    id: fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/),
    name: fc.string({ maxLength: 200 }),
    kind: fc.constantFrom("shell", "http", "delay", "noop"),
    run: fc.string(),
    dependsOn: fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
    priority: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    timeoutSec: fc.double({ min: 0.001, max: 604_800, noNaN: true }),
    delayMs: fc.integer({ min: 0, max: 604_800_000 }),
    continueOnFailure: fc.boolean(),
    estimateSec: fc.double({ min: 0, max: 1e6, noNaN: true }),
    retry: fc.record({ maxAttempts: fc.integer({ min: 1, max: 100 }), delaySec: fc.integer({ min: 0, max: 10 }) }, { requiredKeys: [] }),
    resources: fc.record({ cpu: fc.integer({ min: 0, max: 4 }), pools: fc.dictionary(fc.constantFrom("a", "b"), fc.integer({ min: 1, max: 3 })) }, { requiredKeys: [] }),
    env: fc.dictionary(fc.constantFrom("A", "B_1", "_c"), fc.string()),
    meta: fc.dictionary(fc.string(), fc.jsonValue()),
  },
  { requiredKeys: ["id", "kind"] },
);

describe("fast definition parsing", () => {
  it("knows every field of the step schema, in its order", () => {
    expect(FAST_STEP_FIELDS).toEqual(Object.keys(stepSchema.shape));
  });

  it("accepts well-formed steps with exactly zod's output (defaults, key order)", () => {
    fc.assert(
      fc.property(validStep, (step) => {
        const fast = parseStepFast(step);
        expect(fast).not.toBeNull();
        expect(JSON.stringify(fast)).toBe(viaZod(stepSchema, step));
      }),
      { numRuns: 300 },
    );
  });

  it("never accepts what zod rejects, and agrees when it accepts (boundaries, wrong types, unknown keys)", () => {
    fc.assert(fc.property(stepInput, (step) => expectConsistent(step, parseStepFast(step), stepSchema)), { numRuns: 3000 });
  });

  it("leaves unusual inputs to zod", () => {
    const inherited = Object.assign(Object.create({ id: "x" }) as object, { kind: "noop" });
    class Step {
      id = "a";
      kind = "noop";
    }
    for (const input of [inherited, new Step(), { id: "a", kind: "noop", retry: undefined }, { id: "a", kind: "noop", [Symbol("s")]: 1 }, ["a"], null, "a"]) {
      expect(parseStepFast(input)).toBeNull();
    }
  });

  it("parses whole workflows like zod, copying dependsOn (the input is never aliased)", () => {
    const input = {
      name: "w",
      params: { branch: { default: "main" }, n: 3 },
      concurrency: 4,
      retry: { maxAttempts: 2 },
      steps: [
        { id: "a", kind: "shell", run: "make" },
        { id: "b", kind: "http", http: { url: "http://x/{{ params.branch }}" }, dependsOn: ["a"] },
      ],
      meta: { x: 1 },
    };
    const fast = parseWorkflowFast(input);
    expect(JSON.stringify(fast)).toBe(viaZod(workflowSchema, input));
    expect(fast!.steps[1]!.dependsOn).not.toBe(input.steps[1]!.dependsOn);
    fc.assert(
      fc.property(fc.array(validStep, { minLength: 1, maxLength: 5 }), fc.constantFrom("stop", "continue", "bogus"), (steps, onFailure) => {
        const wf = { name: "w", onFailure, steps };
        expectConsistent(wf, parseWorkflowFast(wf), workflowSchema);
      }),
      { numRuns: 200 },
    );
    for (const bad of [{ name: "w", steps: [] }, { name: "w" }, { name: "w", steps: [{ id: "a", kind: "noop" }], extra: 1 }, { steps: [{ id: "a", kind: "noop" }] }]) {
      expect(parseWorkflowFast(bad)).toBeNull();
    }
  });
});
