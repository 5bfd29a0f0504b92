import { withApi } from "@/lib/auth/api";
import { mapDbErrors, respond } from "@/lib/api/http";
import { addDependencyBySlug, removeDependencyBySlug } from "@/lib/projects/manage-dependencies";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ slug: string; dependsOn: string }> };

/** Makes the project depend on `dependsOn` (201); 409 for a duplicate or a cycle (named as a path), 422 for itself or an archived project. */
export async function PUT(req: Request, { params }: Ctx) {
  return withApi(req, "editor", (principal) =>
    mapDbErrors(async () => {
      const { slug, dependsOn } = await params;
      return respond(await addDependencyBySlug(slug, dependsOn, principal), 201);
    }),
  );
}

/** Removes the dependency; 404 when there is none. */
export async function DELETE(req: Request, { params }: Ctx) {
  return withApi(req, "editor", (principal) =>
    mapDbErrors(async () => {
      const { slug, dependsOn } = await params;
      return respond(await removeDependencyBySlug(slug, dependsOn, principal));
    }),
  );
}
