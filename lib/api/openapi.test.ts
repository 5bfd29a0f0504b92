/**
 * The OpenAPI document is well-formed, every documented operation has a
 * route handler exporting that method, and every route handler under
 * app/api (except better-auth's) is documented.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "./openapi";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** "GET /api/v1/runs/{id}" for every exported handler; `[control]` segments expand to the documented values. */
function handlerOperations(): Set<string> {
  const ops = new Set<string>();
  for (const file of walk(path.join(ROOT, "app", "api")).filter((f) => /route\.tsx?$/.test(f))) {
    const segments = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep);
    if (segments[1] === "auth") continue;
    const src = readFileSync(file, "utf8");
    const methods = [...src.matchAll(/export\s+(?:async\s+function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
    const variants = segments.includes("[control]") ? ["pause", "resume", "cancel", "retry"].map((c) => segments.map((s) => (s === "[control]" ? c : s))) : [segments];
    for (const v of variants) {
      const url = "/" + v.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
      for (const m of methods) ops.add(`${m} ${url}`);
    }
  }
  return ops;
}

type Json = Record<string, unknown>;

describe("OpenAPI document", () => {
  const doc = buildOpenApi("http://127.0.0.1:3000") as Json & { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

  it("documents exactly the route handlers that exist", () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const handlers = handlerOperations();
    expect([...documented].filter((op) => !handlers.has(op)), "documented but no handler").toEqual([]);
    expect([...handlers].filter((op) => !documented.has(op)), "handler not documented").toEqual([]);
  });

  it("is structurally valid OpenAPI 3.1", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const ids = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths)) {
      expect(p.startsWith("/")).toBe(true);
      const braces = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        expect(["get", "post", "put", "delete", "patch"]).toContain(method);
        const opId = op.operationId as string;
        expect(ids.has(opId), `duplicate operationId ${opId}`).toBe(false);
        ids.add(opId);
        const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean }[];
        expect(params.filter((x) => x.in === "path").map((x) => x.name).sort()).toEqual([...braces].sort());
        for (const x of params.filter((x) => x.in === "path")) expect(x.required).toBe(true);
        const responses = op.responses as Record<string, { description?: string }>;
        expect(Object.keys(responses).length).toBeGreaterThan(0);
        for (const [status, r] of Object.entries(responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(r.description, `${method} ${p} ${status}`).toBeTruthy();
        }
      }
    }
    // Every $ref points at an existing component.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split("/").pop()!], ref).toBeDefined();
    }
  });

  it("describes authentication, roles and the error shape", () => {
    expect(doc.paths["/api/health"]!.get!.security).toEqual([]);
    expect(doc.paths["/api/v1/pools/{name}"]!.put!["x-required-role"]).toBe("editor");
    const importResponses = doc.paths["/api/v1/workflows"]!.post!.responses as Record<string, unknown>;
    expect(Object.keys(importResponses)).toEqual(expect.arrayContaining(["200", "201", "400", "401", "403", "422", "500"]));
    expect(doc.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
    expect(doc.components.schemas.Run).toBeDefined();
  });
});
