/**
 * An audit entry's details as short "key value" parts for a person to read
 * (e.g. `depends on Core`, `rerun collect, summarize`). Ids are left out
 * (the entry links its target), long lists are shortened, nested objects are
 * skipped. Pure: used by the activity lists on the server.
 */

const LABELS: Record<string, string> = {
  dependsOn: "depends on",
  stepId: "from step",
  rerun: "runs again",
  keep: "keeps",
  deletedFiles: "files deleted",
  readOnly: "read-only",
  baseVersion: "base version",
};

const MAX_LIST = 5;
const MAX_TEXT = 80;

function show(value: unknown): string | null {
  if (typeof value === "string") return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const items = value.filter((v): v is string | number => typeof v === "string" || typeof v === "number").map(String);
    if (items.length === 0) return "none";
    return items.length > MAX_LIST ? `${items.slice(0, MAX_LIST).join(", ")} +${items.length - MAX_LIST} more` : items.join(", ");
  }
  return null;
}

export function describeAuditDetails(details: unknown): string[] {
  if (details === null || typeof details !== "object" || Array.isArray(details)) return [];
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (/Id$/.test(key) && key !== "stepId") continue;
    const text = show(value);
    if (text !== null) parts.push(`${LABELS[key] ?? key} ${text}`);
  }
  return parts;
}
