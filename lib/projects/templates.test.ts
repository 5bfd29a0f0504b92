import { describe, expect, it } from "vitest";
import { loadWorkflow } from "@/lib/engine/parse";
import { TEMPLATES } from "./templates";

describe("project templates", () => {
  it("every template workflow is a valid definition", () => {
    for (const [name, spec] of Object.entries(TEMPLATES)) {
      for (const source of spec.workflows) {
        const res = loadWorkflow(source, { format: "yaml", pools: { cpu: 2, memory: 4096, "deploy-slot": 1 } });
        expect(res.ok ? "ok" : JSON.stringify(res.problems), name).toBe("ok");
      }
    }
  });
});
