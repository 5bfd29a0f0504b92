/**
 * Enumerates every route handler under app/api and every server action from
 * the file system and the production build, and checks that an anonymous call
 * is refused. A route or action added later without a check fails here.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, request as apiRequest, test } from "@playwright/test";
import { ANONYMOUS } from "./support/ui";
import { actionIds, callAction } from "./support/actions";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Open to anonymous callers by design, and why. */
const PUBLIC_ROUTES: Record<string, string> = {
  "GET /api/health": "liveness check for load balancers and the CLI",
};
const PUBLIC_ROUTE_PREFIXES = ["/api/auth/"]; // better-auth's own sign-in/sign-out/session endpoints
const PUBLIC_ACTIONS = new Set([
  "lib/actions/auth/sign-in.ts#signInAction", // signing in is what anonymous callers do
  "lib/actions/auth/setup-owner.ts#setupOwnerAction", // only while no user exists (tested: refused after setup)
]);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function routes() {
  const files = walk(path.join(ROOT, "app", "api")).filter((f) => /route\.tsx?$/.test(f));
  return files.flatMap((file) => {
    const rel = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep);
    const url = "/" + rel.map((seg) => (seg.startsWith("[") ? "x" : seg)).join("/");
    const src = readFileSync(file, "utf8");
    const methods = [...src.matchAll(/export\s+(?:async\s+function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] as string);
    return methods.map((method) => ({ method, url, file: path.relative(ROOT, file) }));
  });
}

function actionModules() {
  return walk(path.join(ROOT, "lib", "actions"))
    .filter((f) => f.endsWith(".ts") && /^["']use server["']/m.test(readFileSync(f, "utf8")))
    .flatMap((f) => {
      const src = readFileSync(f, "utf8");
      return [...src.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => ({ module: path.relative(ROOT, f), name: m[1] as string }));
    });
}

test("every API route refuses anonymous callers", async () => {
  const anonymous = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS });
  const all = routes();
  expect(all.length).toBeGreaterThan(3);
  const checked: string[] = [];
  for (const r of all) {
    const key = `${r.method} ${r.url}`;
    if (PUBLIC_ROUTES[key] || PUBLIC_ROUTE_PREFIXES.some((p) => r.url.startsWith(p))) continue;
    const res = await anonymous.fetch(r.url, { method: r.method, data: r.method === "GET" ? undefined : {} });
    expect(res.status(), `${key} (${r.file})`).toBe(401);
    expect((await res.json()).error, key).toContain("not signed in");
    checked.push(key);
  }
  console.log(`anonymous calls refused: ${checked.join(", ")}`);
  await anonymous.dispose();
});

test("every server action refuses anonymous callers", async () => {
  const anonymous = await apiRequest.newContext({ baseURL: test.info().project.use.baseURL, storageState: ANONYMOUS });
  const ids = actionIds();
  const actions = actionModules();
  expect(actions.length).toBeGreaterThan(5);
  const checked: string[] = [];
  for (const a of actions) {
    const key = `${a.module}#${a.name}`;
    const id = ids.get(key);
    expect(id, `${key} is in the build's action manifest`).toBeTruthy();
    if (PUBLIC_ACTIONS.has(key)) continue;
    const res = await callAction(anonymous, id!, [
      { runId: "x", workflowId: "x", control: "cancel", userId: "x", role: "admin", disabled: true, password: "x".repeat(12), tokenId: "x" },
      {},
    ]);
    const body = await res.text();
    // Either an explicit refusal, or a redirect to sign-in (sign-out actions).
    const refused = body.includes("not signed in") || res.headers()["x-action-redirect"]?.startsWith("/sign-in");
    expect(refused, `${key}: status ${res.status()} body ${body.slice(0, 200)}`).toBeTruthy();
    checked.push(key);
  }
  console.log(`server actions refusing anonymous calls: ${checked.join(", ")}`);
  await anonymous.dispose();
});
