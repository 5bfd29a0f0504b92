import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

/** better-auth's own endpoints (sign-in, sign-out, session). Sign-up is disabled. */
async function handle(req: Request): Promise<Response> {
  return (await getAuth()).handler(req);
}

export const GET = handle;
export const POST = handle;
// Keeps the import explicit for readers looking for the Next.js integration.
export type Handlers = ReturnType<typeof toNextJsHandler>;
