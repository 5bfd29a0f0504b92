/** Which steps two definitions add, remove or change, field by field. */
export interface StepChange {
  stepId: string;
  change: "added" | "removed" | "changed";
  fields: string[];
}

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);

function stepsOf(def: unknown): Map<string, Loose> {
  const steps = isObj(def) && Array.isArray(def.steps) ? def.steps : [];
  return new Map(steps.filter(isObj).map((s) => [String(s.id), s]));
}

/** Dotted paths of leaves that differ (arrays compare as a whole). */
export function changedFields(a: unknown, b: unknown, prefix = ""): string[] {
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedFields(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix || "(value)"];
}

export function diffSteps(before: unknown, after: unknown): StepChange[] {
  const a = stepsOf(before);
  const b = stepsOf(after);
  const out: StepChange[] = [];
  for (const [id, s] of b) {
    const old = a.get(id);
    if (!old) out.push({ stepId: id, change: "added", fields: [] });
    else {
      const fields = changedFields(old, s);
      if (fields.length) out.push({ stepId: id, change: "changed", fields });
    }
  }
  for (const id of a.keys()) if (!b.has(id)) out.push({ stepId: id, change: "removed", fields: [] });
  return out;
}

/** Workflow-level fields (everything but steps) that differ. */
export function diffSettings(before: unknown, after: unknown): string[] {
  const strip = (d: unknown) => (isObj(d) ? { ...d, steps: undefined } : {});
  return changedFields(strip(before), strip(after)).filter((f) => f !== "steps");
}
