/**
 * Helpers for the REST route handlers: JSON bodies and query strings parsed
 * with zod (422 naming each field), service results mapped to responses.
 * Handlers run inside `withApi`, which turns anything unexpected into a 500
 * without internals.
 */
import type { z } from "zod";
import { jsonError } from "@/lib/auth/api";
import { toDbError } from "@/lib/db/errors";
import type { ServiceResult } from "@/lib/service-result";

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** 422 with "field: problem; …" and the issues as `details.issues`. */
export function validationError(error: z.ZodError, prefix?: string): Response {
  const issues = error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join(".") || "body", message: i.message }));
  return jsonError(422, issues.map((i) => `${i.path}: ${i.message}`).join("; "), { issues });
}

/** Parses the JSON body (an empty body is `{}`) with `schema`. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S, extra: Record<string, unknown> = {}): Promise<Parsed<z.output<S>>> {
  let body: unknown = {};
  const text = await req.text();
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, response: jsonError(400, "The request body is not valid JSON.") };
    }
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, response: jsonError(422, "body: must be a JSON object", { issues: [{ path: "body", message: "must be a JSON object" }] }) };
  }
  const parsed = schema.safeParse({ ...body, ...extra });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: validationError(parsed.error) };
}

/** Parses the query string with `schema` (single values; unknown parameters are refused by strict schemas). */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): Parsed<z.output<S>> {
  const params = Object.fromEntries(new URL(req.url).searchParams.entries());
  const parsed = schema.safeParse(params);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: validationError(parsed.error, "query") };
}

/** A service result as JSON: data with `status`, or the error with its own status. */
export function respond<T>(result: ServiceResult<T>, status = 200): Response {
  if (!result.ok) return jsonError(result.status, result.error, result.details);
  return Response.json(result.data, { status, headers: { "Cache-Control": "no-store" } });
}

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Runs a handler body, mapping database errors to their status (409 unique,
 * 404 not found, 503 unavailable …) with a message that names the model but
 * never SQL or values. Anything else propagates to `withApi` (500).
 */
export async function mapDbErrors(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    const dbErr = toDbError(err);
    if (dbErr && dbErr.kind !== "unknown") return jsonError(dbErr.status, dbErr.message);
    throw err;
  }
}
