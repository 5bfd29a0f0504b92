/**
 * The published JSON Schema of the workflow format, generated from the zod
 * schema (`z.toJSONSchema`, input side: defaults are shown, nothing is
 * required that has a default). Written to `public/schema/workflow.schema.json`
 * by {@link writeWorkflowJsonSchema}; a unit test keeps the file current.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { workflowSchema } from "./definition";

/** Repository-relative path of the published schema. */
export const WORKFLOW_SCHEMA_PATH = "public/schema/workflow.schema.json";

/** The JSON Schema document (draft 2020-12). */
export function workflowJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(workflowSchema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: "https://myrmex.dev/schema/workflow.schema.json",
    title: "Myrmex workflow",
    description: "A Myrmex workflow definition (YAML or JSON). See docs/workflow-format.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

/** The schema as committed: pretty JSON with a trailing newline. */
export function workflowJsonSchemaText(): string {
  return JSON.stringify(workflowJsonSchema(), null, 2) + "\n";
}

/** Writes the schema under `rootDir` (the repository root). Returns the file path. */
export async function writeWorkflowJsonSchema(rootDir: string): Promise<string> {
  const file = path.join(rootDir, WORKFLOW_SCHEMA_PATH);
  await writeFile(file, workflowJsonSchemaText());
  return file;
}
