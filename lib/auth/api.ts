/**
 * Route handler guard: authenticates a REST request (Bearer token or session
 * cookie), checks the role, and turns failures into JSON 401/403 answers.
 */
import "server-only";
import { principalFromHeaders, authorize } from "./current";
import type { Principal } from "./principal";
import type { Role } from "./roles";

export function jsonError(status: number, error: string, details?: unknown): Response {
  return Response.json(details === undefined ? { error } : { error, details }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Runs `handler` only for a caller with at least `min`; anything unexpected becomes a 500 without internals. */
export async function withApi(req: Request, min: Role, handler: (principal: Principal) => Promise<Response>): Promise<Response> {
  try {
    const auth = await authorize(min, await principalFromHeaders(req.headers));
    if (!auth.ok) {
      return jsonError(auth.status, auth.error);
    }
    return await handler(auth.principal);
  } catch (err) {
    console.error(`${req.method} ${new URL(req.url).pathname} failed`, err);
    return jsonError(500, "The server could not complete this request. Nothing was changed; try again.");
  }
}
