/**
 * What the services shared by the REST API and the CLI return: data, or an
 * error a person can act on with the HTTP status it deserves (the CLI maps
 * the same status to its exit code, so both surfaces agree).
 */
export type ServiceError = { ok: false; error: string; status: 400 | 403 | 404 | 409 | 422 | 503; details?: unknown };
export type ServiceResult<T> = { ok: true; data: T } | ServiceError;

export const ok = <T>(data: T): ServiceResult<T> => ({ ok: true, data });

export function fail(status: ServiceError["status"], error: string, details?: unknown): ServiceError {
  return details === undefined ? { ok: false, status, error } : { ok: false, status, error, details };
}

/** ISO 8601 (ms precision) or null. */
export function iso(d: Date | number | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  return (typeof d === "number" ? new Date(d) : d).toISOString();
}
