import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { API_ROUTES } from "@/lib/api/routes";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "REST API" };

const METHOD_STYLE: Record<string, string> = {
  get: "bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  post: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  put: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  patch: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  delete: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

/** A readable index of the REST API, from the same route list as /api/v1/openapi.json. */
export default async function ApiDocsPage() {
  await requirePage("viewer");
  const tags = [...new Set(API_ROUTES.map((r) => r.tag))];
  return (
    <>
      <PageHeader
        title="REST API"
        description="Authenticate with Authorization: Bearer myx_… (create a token in Settings). Viewers read; editors also write. Errors are JSON { error, details? }: 401, 403, 404, 409, 422 naming each field."
      />
      <p className="mb-4 text-sm">
        Machine-readable: <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). The{" "}
        <code>orchestrate</code> CLI uses this API in remote mode (<code>--server URL --token myx_…</code>); see docs/api.md and docs/cli.md.
      </p>
      <div className="space-y-4">
        {tags.map((tag) => (
          <Card key={tag} title={tag}>
            <table className="w-full text-sm" aria-label={`${tag} endpoints`}>
              <tbody>
                {API_ROUTES.filter((r) => r.tag === tag).map((r) => (
                  <tr key={`${r.method} ${r.path}`} className="border-t border-slate-100 align-top first:border-0 dark:border-slate-800">
                    <td className="w-16 py-1.5 pr-2">
                      <span className={`rounded px-1.5 py-0.5 font-mono text-xs uppercase ${METHOD_STYLE[r.method] ?? ""}`}>{r.method}</span>
                    </td>
                    <td className="py-1.5 pr-3 font-mono text-xs whitespace-nowrap">{r.path}</td>
                    <td className="py-1.5 pr-3">
                      {r.summary}
                      {r.query ? <div className="text-xs text-slate-500">query: {Object.keys(r.query.shape).join(", ")}</div> : null}
                    </td>
                    <td className="py-1.5 text-xs text-slate-500 whitespace-nowrap">{r.role === "public" ? "anonymous" : r.role}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        ))}
      </div>
    </>
  );
}
