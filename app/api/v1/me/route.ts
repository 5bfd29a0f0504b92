import { withApi } from "@/lib/auth/api";
import { effectiveRole } from "@/lib/auth/principal";

export const dynamic = "force-dynamic";

/** Who the presented credentials act as. */
export async function GET(req: Request) {
  return withApi(req, "viewer", async (p) =>
    Response.json({ id: p.userId, email: p.email, name: p.name, role: p.role, effectiveRole: effectiveRole(p), via: p.via, readOnly: p.readOnly }),
  );
}
