import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { admitSignIn } from "@/lib/auth/sign-in-guard";

export const dynamic = "force-dynamic";

/** better-auth's own endpoints (sign-in, sign-out, session). Sign-up is disabled. */
async function handle(req: Request): Promise<Response> {
  if (req.method === "POST" && new URL(req.url).pathname.endsWith("/sign-in/email")) {
    const body = (await req.clone().json().catch(() => ({}))) as { email?: unknown };
    const admitted = await admitSignIn(typeof body.email === "string" ? body.email : "", req.headers);
    if (!admitted.ok) return Response.json({ message: admitted.message, code: "TOO_MANY_REQUESTS" }, { status: 429 });
  }
  return (await getAuth()).handler(req);
}

export const GET = handle;
export const POST = handle;
// Keeps the import explicit for readers looking for the Next.js integration.
export type Handlers = ReturnType<typeof toNextJsHandler>;
