/**
 * `{{ params.name }}` and `{{ steps.<id>.outputs.<key> }}` placeholders in
 * http fields and env values. Plain substitution: user text is never
 * evaluated as code. (Shell commands are not templated — use the
 * `MYRMEX_PARAM_*` / `MYRMEX_OUT_*` environment variables, which cannot
 * inject shell syntax.)
 */

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PARAM_REF = /^params\.([A-Za-z_][A-Za-z0-9_-]*)$/;
const OUTPUT_REF = /^steps\.([A-Za-z0-9_][A-Za-z0-9_.-]*)\.outputs\.([A-Za-z0-9_.-]+)$/;

/** A parsed placeholder. */
export type TemplateRef =
  | { kind: "param"; name: string; raw: string }
  | { kind: "output"; stepId: string; key: string; raw: string }
  | { kind: "invalid"; raw: string };

/** Lists the placeholders of a string. */
export function templateRefs(text: string): TemplateRef[] {
  const refs: TemplateRef[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) refs.push(parseRef(m[1] ?? ""));
  return refs;
}

function parseRef(expr: string): TemplateRef {
  const p = PARAM_REF.exec(expr);
  if (p) return { kind: "param", name: p[1]!, raw: expr };
  // Step ids may contain dots, so match the greedy id then `.outputs.`.
  const o = OUTPUT_REF.exec(expr);
  if (o) return { kind: "output", stepId: o[1]!, key: o[2]!, raw: expr };
  return { kind: "invalid", raw: expr };
}

/** Values available to placeholders. */
export interface TemplateScope {
  params: Record<string, string>;
  outputs: Record<string, Record<string, unknown> | undefined>;
}

/** Replaces placeholders; unknown references become empty strings. */
export function renderTemplate(text: string, scope: TemplateScope): string {
  if (!text.includes("{{")) return text;
  return text.replace(PLACEHOLDER, (_, expr: string) => {
    const ref = parseRef(expr.trim());
    switch (ref.kind) {
      case "param":
        return scope.params[ref.name] ?? "";
      case "output": {
        const v = scope.outputs[ref.stepId]?.[ref.key];
        if (v === undefined || v === null) return "";
        return typeof v === "string" ? v : JSON.stringify(v);
      }
      case "invalid":
        return "";
    }
  });
}

/** Renders every string inside a JSON-like value. */
export function renderDeep(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === "string") return renderTemplate(value, scope);
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, scope));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = renderDeep(v, scope);
    return out;
  }
  return value;
}
