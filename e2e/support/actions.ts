import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

/** Server action ids of the production build, by "module#exportName". */
export function actionIds(): Map<string, string> {
  const file = path.resolve(import.meta.dirname, "..", "..", process.env.MYRMEX_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

/** Calls a server action the way a hand-written client would, bypassing the UI entirely. */
export function callAction(request: APIRequestContext, id: string, args: unknown[]) {
  return request.post("/", {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}
