import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WORKFLOW_SCHEMA_PATH, workflowJsonSchemaText } from "./json-schema";

describe("published JSON Schema", () => {
  it(`${WORKFLOW_SCHEMA_PATH} is up to date (regenerate with writeWorkflowJsonSchema)`, () => {
    const file = path.resolve(import.meta.dirname, "../..", WORKFLOW_SCHEMA_PATH);
    expect(readFileSync(file, "utf8")).toBe(workflowJsonSchemaText());
  });
});
