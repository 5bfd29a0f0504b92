/**
 * The OpenAPI 3.1 document of the REST API, generated from the documented
 * routes (./routes.ts) and the zod schemas they name.
 */
import { z } from "zod";
import * as dto from "@/lib/validations/api";
import { API_ROUTES } from "./routes";

type Json = Record<string, unknown>;

/** JSON Schema of a zod schema; named schemas (`.meta({ id })`) become component references. */
function schemaOf(schema: z.ZodType, components: Record<string, Json>, io: "input" | "output"): Json {
  const generated = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    reused: "inline",
  }) as Json & { $defs?: Record<string, Json> };
  const { $defs, $schema: _drop, ...rest } = generated;
  void _drop;
  // Named schemas are emitted as local $defs: point every reference at the shared components instead.
  const relink = (v: Json): Json => JSON.parse(JSON.stringify(v).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const [id, def] of Object.entries($defs ?? {})) components[id] ??= relink(def);
  return relink(rest);
}

const ERROR_TEXT: Record<number, string> = {
  400: "the body is not valid JSON",
  401: "no or invalid credentials",
  403: "the role (or a read-only token) does not allow this",
  404: "unknown id",
  409: "conflict with the current state",
  422: "validation failed: `error` names each field, `details.issues` lists them",
  500: "unexpected error (no internals are revealed)",
};

/** Builds the OpenAPI 3.1 document. */
export function buildOpenApi(serverUrl?: string): Json {
  const components: Record<string, Json> = {};
  const errorRef = schemaOf(dto.errorSchema, components, "output");
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of API_ROUTES) {
    const parameters: Json[] = [];
    for (const [name, description] of Object.entries(r.pathParams ?? {})) parameters.push({ name, in: "path", required: true, description, schema: { type: "string" } });
    if (r.query) {
      for (const [name, field] of Object.entries(r.query.shape as Record<string, z.ZodType>)) {
        const s = schemaOf(field, components, "input");
        parameters.push({ name, in: "query", required: !field.safeParse(undefined).success, ...(s.description ? { description: s.description } : {}), schema: s });
      }
    }
    const responses: Json = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      const content: Json = {};
      if (spec.schema) content["application/json"] = { schema: schemaOf(spec.schema, components, "output") };
      for (const m of spec.media ?? []) content[m] = { schema: { type: "string" } };
      responses[status] = { description: spec.description, ...(Object.keys(content).length ? { content } : {}) };
    }
    const errors = new Set<number>([500]);
    if (r.role !== "public") errors.add(401);
    if (r.role === "editor") errors.add(403);
    if (r.pathParams) errors.add(404);
    if (r.query || r.body) errors.add(422);
    if (r.body) errors.add(400);
    for (const status of errors) {
      if (!(status in responses)) responses[status] = { description: ERROR_TEXT[status]!, content: { "application/json": { schema: errorRef } } };
    }
    for (const [status, value] of Object.entries(responses)) {
      const v = value as Json;
      if (Number(status) >= 400 && !v.content) v.content = { "application/json": { schema: errorRef } };
    }
    (paths[r.path] ??= {})[r.method] = {
      operationId: `${r.method}${r.path.replace(/^\/api(\/v1)?/, "").replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      ...(r.role === "public" ? { security: [] } : { "x-required-role": r.role }),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(r.body, components, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Myrmex REST API",
      version: "1",
      description:
        "Projects, workflows, runs, logs, pools, reports, status and health. Authenticate with `Authorization: Bearer myx_…` (a personal token created in Settings) or a session cookie. Roles: viewer reads, editor also writes. Errors are `{ error, details? }` and never contain internals. See docs/api.md.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    security: [{ bearer: [] }, { session: [] }],
    tags: ["Health", "Account", "System", "Projects", "Workflows", "Runs", "Reports", "Pools"].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token (myx_…), created in Settings → API tokens." },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "The browser session." },
      },
    },
  };
}
