/**
 * Maps Prisma / driver-adapter errors to {@link DbError}: a kind the caller can
 * switch over, the HTTP status it deserves, and a message a person can act
 * on that names the model and field — never SQL, stack traces or values.
 *
 *   P2002 unique violation   → kind "unique"       409  "A project with this slug already exists."
 *   P2025 record not found   → kind "not_found"    404  "Project not found."
 *   P2003 foreign key        → kind "foreign_key"  409  "… refers to a project (projectId) that does not exist."
 *   optimistic concurrency   → kind "conflict"     409  (see {@link conflictError})
 *   busy / unreachable DB    → kind "unavailable"  503
 *
 * Works with both providers: SQLite reports unique fields but not which
 * foreign key failed; PostgreSQL reports constraint names (`Model_field_fkey`).
 */

export type DbErrorKind = "unique" | "not_found" | "foreign_key" | "conflict" | "invalid" | "unavailable" | "unknown";

const STATUS: Record<DbErrorKind, number> = {
  unique: 409,
  not_found: 404,
  foreign_key: 409,
  conflict: 409,
  invalid: 422,
  unavailable: 503,
  unknown: 500,
};

/** A database failure described for people and programs. */
export class DbError extends Error {
  override readonly name = "DbError";
  readonly kind: DbErrorKind;
  /** Prisma error code (P2002 …) when there was one. */
  readonly code: string | undefined;
  /** Prisma model name (Project, Workflow …) when known. */
  readonly model: string | undefined;
  /** The fields involved (unique fields, the foreign-key column), when known. */
  readonly fields: string[];
  /** Suggested HTTP status. */
  readonly status: number;

  constructor(
    kind: DbErrorKind,
    message: string,
    details: { code?: string; model?: string; fields?: string[]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.code = details.code;
    this.model = details.model;
    this.fields = details.fields ?? [];
    this.status = STATUS[kind];
  }
}

interface PrismaLikeError {
  code: string;
  message: string;
  meta?: Record<string, unknown>;
}

function isPrismaLike(err: unknown): err is PrismaLikeError {
  return (
    typeof err === "object" &&
    err !== null &&
    typeof (err as { code?: unknown }).code === "string" &&
    /^P\d{4}$/.test((err as { code: string }).code)
  );
}

/** "WorkflowVersion" → "workflow version". */
export function humanizeModel(model: string): string {
  return model.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function article(noun: string): string {
  // "an app setting", "a user" (u sounding "you" unless two consonants follow: "an update").
  return /^(?:[aeio]|u[^aeiou\s][^aeiou\s])/i.test(noun) ? "an" : "a";
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The driver adapter's error cause (kind, constraint …) inside meta, if any. */
function adapterCause(meta: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const dae = meta?.driverAdapterError as { cause?: Record<string, unknown> } | undefined;
  return dae?.cause;
}

function uniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const target = meta?.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return parseConstraintFields(target, "key");
  const constraint = adapterCause(meta)?.constraint as { fields?: unknown; index?: unknown } | undefined;
  if (Array.isArray(constraint?.fields)) return constraint.fields.map((f) => String(f).replace(/^"|"$/g, ""));
  if (typeof constraint?.index === "string") return parseConstraintFields(constraint.index, "key");
  return [];
}

/** "Workflow_projectId_slug_key" → ["projectId", "slug"]; "Workflow_projectId_fkey" → ["projectId"]. */
function parseConstraintFields(name: string, suffix: "key" | "fkey"): string[] {
  const m = new RegExp(`^[A-Za-z0-9]+_(.+)_${suffix}$`).exec(name.replace(/^"|"$/g, ""));
  return m?.[1] ? m[1].split("_").filter(Boolean) : [];
}

function foreignKeyFields(meta: Record<string, unknown> | undefined): string[] {
  const field = meta?.field_name;
  if (typeof field === "string") {
    // PostgreSQL: "Workflow_projectId_fkey (index)" or a bare column name.
    const name = field.replace(/\s*\(.*\)$/, "");
    const parsed = parseConstraintFields(name, "fkey");
    return parsed.length ? parsed : [name];
  }
  const constraint = adapterCause(meta)?.constraint as
    | { fields?: unknown; index?: unknown; foreignKey?: unknown }
    | undefined;
  if (Array.isArray(constraint?.fields)) return constraint.fields.map(String);
  if (typeof constraint?.index === "string") return parseConstraintFields(constraint.index, "fkey");
  return [];
}

/**
 * A human phrase for unique fields. In a compound key the leading foreign-key
 * columns (xxxId) are the scope: (projectId, slug) → "this slug … in this project".
 */
function uniqueMessage(model: string | undefined, fields: string[]): string {
  const noun = model ? humanizeModel(model) : "record";
  const scopes = fields.slice(0, -1).filter((f) => /Id$/.test(f));
  const own = fields.filter((f) => !scopes.includes(f));
  const what = own.length ? own.join(" and ") : "value";
  const scope = scopes.length ? ` in this ${scopes.map((s) => humanizeModel(s.replace(/Id$/, ""))).join(" and ")}` : "";
  return `${capitalize(article(noun))} ${noun} with this ${what} already exists${scope}.`;
}

function foreignKeyMessage(model: string | undefined, fields: string[]): string {
  const noun = model ? humanizeModel(model) : "record";
  if (fields.length) {
    const target = humanizeModel(fields[0]!.replace(/Id$/, ""));
    return `The ${noun} refers to ${article(target)} ${target} (${fields.join(", ")}) that does not exist.`;
  }
  return `The ${noun} refers to a record that does not exist, or is still referenced by other records.`;
}

/** Maps an error from Prisma to a {@link DbError}; returns null for anything that is not a database error. */
export function toDbError(err: unknown): DbError | null {
  if (err instanceof DbError) return err;
  if (!isPrismaLike(err)) {
    const name = (err as { name?: unknown } | null)?.name;
    if (name === "PrismaClientInitializationError" || name === "PrismaClientRustPanicError") {
      return new DbError("unavailable", "The database is unavailable. Try again in a moment.", { cause: err });
    }
    if (name === "PrismaClientValidationError") {
      return new DbError("invalid", "The request to the database was invalid.", { cause: err });
    }
    return null;
  }
  const meta = err.meta;
  const model = typeof meta?.modelName === "string" ? meta.modelName : undefined;
  const details = { code: err.code, model, cause: err };
  const causeKind = adapterCause(meta)?.kind;

  // Raw queries (P2010) carry the driver's classification only.
  const code =
    err.code === "P2010" && causeKind === "UniqueConstraintViolation"
      ? "P2002"
      : err.code === "P2010" && causeKind === "ForeignKeyConstraintViolation"
        ? "P2003"
        : err.code;

  switch (code) {
    case "P2002": {
      const fields = uniqueFields(meta);
      return new DbError("unique", uniqueMessage(model, fields), { ...details, fields });
    }
    case "P2003": {
      const fields = foreignKeyFields(meta);
      return new DbError("foreign_key", foreignKeyMessage(model, fields), { ...details, fields });
    }
    case "P2014":
      return new DbError(
        "foreign_key",
        `The change would break a required relation of the ${model ? humanizeModel(model) : "record"}.`,
        details,
      );
    case "P2025":
    case "P2001":
    case "P2018": {
      const related = typeof meta?.model === "string" && meta.model !== model ? meta.model : undefined;
      if (related) {
        const r = humanizeModel(related);
        return new DbError(
          "not_found",
          `${capitalize(article(r))} ${r} referenced by this ${model ? humanizeModel(model) : "record"} was not found.`,
          { ...details, model: related },
        );
      }
      return new DbError("not_found", `${model ? capitalize(humanizeModel(model)) : "Record"} not found.`, details);
    }
    case "P2000": {
      const column = typeof meta?.column_name === "string" ? meta.column_name : undefined;
      return new DbError("invalid", `The value for ${column ?? "a field"} is too long.`, {
        ...details,
        fields: column ? [column] : [],
      });
    }
    case "P2011": {
      const c = meta?.constraint;
      const fields = Array.isArray(c) ? c.map(String) : [];
      return new DbError("invalid", `${fields.length ? fields.join(", ") : "A required field"} must not be empty.`, {
        ...details,
        fields,
      });
    }
    case "P1001":
    case "P1002":
    case "P1008":
    case "P1017":
    case "P2024":
    case "P2034":
      return new DbError("unavailable", "The database is busy or unreachable. Try again in a moment.", details);
    default:
      if (causeKind === "SocketTimeout" || causeKind === "TransactionWriteConflict") {
        return new DbError("unavailable", "The database is busy. Try again in a moment.", details);
      }
      return new DbError("unknown", "The database could not complete the request.", details);
  }
}

/** Optimistic-concurrency failure: the row changed since the caller read it. */
export function conflictError(model: string): DbError {
  const noun = humanizeModel(model);
  return new DbError("conflict", `This ${noun} was changed by someone else. Reload it and try again.`, { model });
}

/** True when `err` is a unique violation (optionally on exactly/including `field`). */
export function isUniqueViolation(err: unknown, field?: string): boolean {
  const e = toDbError(err);
  return e?.kind === "unique" && (field === undefined || e.fields.includes(field));
}

export function isNotFound(err: unknown): boolean {
  return toDbError(err)?.kind === "not_found";
}

/** Runs `fn`, rethrowing database errors as {@link DbError} (other errors unchanged). */
export async function withDbErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toDbError(err) ?? err;
  }
}
