import { withApi } from "@/lib/auth/api";
import { buildOpenApi } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/**
 * The OpenAPI 3.1 document. Authenticated like the rest of /api/v1 (any
 * role): it describes no secrets, but the API surface is only for users of
 * this instance. docs/api.md explains how to fetch it with a token.
 */
export async function GET(req: Request) {
  return withApi(req, "viewer", async () => Response.json(buildOpenApi(new URL(req.url).origin), { headers: { "Cache-Control": "no-store" } }));
}
