import { withApi } from "@/lib/auth/api";
import { json, respond } from "@/lib/api/http";
import { listVersions } from "@/lib/workflows/read-workflows";

export const dynamic = "force-dynamic";

/** The workflow's versions, newest first. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return withApi(req, "viewer", async () => {
    const res = await listVersions((await params).id);
    return res.ok ? json({ versions: res.data }) : respond(res);
  });
}
