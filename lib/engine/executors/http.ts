/**
 * `http` steps: one request with `fetch`. Method, URL, headers and body come
 * from the step (with `{{ params.x }}` / `{{ steps.id.outputs.k }}`
 * placeholders); the response status must be in `expectStatus` (default any
 * 2xx). Outputs: `status`, `body` (truncated to `maxBodyBytes`), `json`
 * when the body is JSON and complete. Honours the abort signal and the
 * step's timeout.
 */
import { renderDeep, renderTemplate } from "../template";
import type { Json } from "../store";
import type { Executor, StepOutcome } from "./types";

const DEFAULT_MAX_BODY = 64 * 1024;

/** Options of {@link createHttpExecutor}. */
export interface HttpExecutorOptions {
  /** Replaceable for tests; default global fetch. */
  fetch?: typeof fetch;
}

/** Creates the http executor. */
export function createHttpExecutor(options: HttpExecutorOptions = {}): Executor {
  const doFetch = options.fetch ?? fetch;
  return {
    async execute(ctx): Promise<StepOutcome> {
      const http = ctx.step.http;
      if (!http) return { ok: false, reason: "invalid-config", message: "no `http` block" };
      const scope = { params: ctx.params, outputs: ctx.upstreamOutputs };
      const url = renderTemplate(http.url, scope);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(http.headers ?? {})) headers[k] = renderTemplate(v, scope);
      let body: string | undefined;
      if (typeof http.body === "string") body = renderTemplate(http.body, scope);
      else if (http.body !== undefined) {
        body = JSON.stringify(renderDeep(http.body, scope));
        if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["content-type"] = "application/json";
      }
      const signals = [ctx.signal];
      if (ctx.timeoutMs !== null) signals.push(AbortSignal.timeout(ctx.timeoutMs));
      const signal = AbortSignal.any(signals);
      const started = Date.now();
      let res: Response;
      try {
        res = await doFetch(url, { method: http.method, headers, body, signal, redirect: "follow" });
      } catch (err) {
        return failure(err, ctx.signal.aborted);
      }
      let text: string;
      let truncated: boolean;
      try {
        ({ text, truncated } = await readLimited(res, http.maxBodyBytes ?? DEFAULT_MAX_BODY));
      } catch (err) {
        return failure(err, ctx.signal.aborted);
      }
      ctx.log("stdout", `${http.method} ${url} → ${res.status} (${Date.now() - started} ms)\n`);
      const outputs: Record<string, Json> = { status: res.status, body: text };
      if (truncated) outputs.truncated = true;
      if (!truncated && (res.headers.get("content-type") ?? "").includes("json")) {
        try {
          outputs.json = JSON.parse(text) as Json;
        } catch {
          // not JSON after all
        }
      }
      const expected = http.expectStatus;
      const accepted = expected ? expected.includes(res.status) : res.status >= 200 && res.status < 300;
      if (!accepted) {
        const want = expected ? expected.join(", ") : "2xx";
        return { ok: false, reason: "http-status", message: `HTTP ${res.status}, expected ${want}`, outputs };
      }
      return { ok: true, outputs };
    },
  };
}

function failure(err: unknown, aborted: boolean): StepOutcome {
  const e = err as { name?: string; message?: string; cause?: { message?: string } };
  if (aborted) return { ok: false, reason: "aborted", message: "aborted" };
  if (e?.name === "TimeoutError") return { ok: false, reason: "timeout", message: "request timed out" };
  const detail = e?.cause?.message ? `${e.message}: ${e.cause.message}` : (e?.message ?? String(err));
  return { ok: false, reason: "network", message: detail };
}

async function readLimited(res: Response, max: number): Promise<{ text: string; truncated: boolean }> {
  if (!res.body) return { text: "", truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > max) {
      chunks.push(value.subarray(0, max - size));
      size = max;
      truncated = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { text: Buffer.concat(chunks).toString("utf8"), truncated };
}
