import { withApi } from "@/lib/auth/api";
import { json } from "@/lib/api/http";
import { listPools } from "@/lib/pools/manage-pools";

export const dynamic = "force-dynamic";

/** Every pool with its capacity and what running steps hold of it now. */
export async function GET(req: Request) {
  return withApi(req, "viewer", async () => json({ pools: await listPools() }));
}
