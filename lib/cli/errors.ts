/**
 * Exit codes and the error type every command throws. Messages are for a
 * person; stack traces are never shown (MYRMEX_DEBUG=1 prints them).
 *
 *   0  success (a run succeeded, a command did what it was asked)
 *   1  failure: a run failed or was cancelled, not found, conflict, server error, health unhealthy
 *   2  usage or validation error: bad arguments, an invalid definition (HTTP 400/422)
 *   3  health degraded
 *   4  cannot reach the server or database, or not authorized (HTTP 401/403)
 * 130  interrupted (Ctrl-C, stopped following a run that continues)
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, degraded: 3, unavailable: 4, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failure,
    /** Extra lines printed under the message (validation problems …). */
    readonly lines: string[] = [],
    /** Machine-readable detail for `--json` output. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The exit code an HTTP-like status deserves. */
export function exitForStatus(status: number): ExitCode {
  if (status === 400 || status === 422) return EXIT.usage;
  if (status === 401 || status === 403) return EXIT.unavailable;
  return EXIT.failure;
}

/** A service error (same shape locally and from the REST API) as a CLI error. */
export function fromServiceError(e: { status: number; error: string; details?: unknown }): CliError {
  const problems = (e.details as { problems?: { stepId?: string; field: string; message: string; line?: number }[] } | undefined)?.problems;
  const lines = problems?.map((p) => (p.field === "(syntax)" ? `syntax: ${p.message}` : `${p.stepId ? `step ${p.stepId}` : "workflow"}, ${p.field}${p.line ? ` (line ${p.line})` : ""}: ${p.message}`)) ?? [];
  const message = problems?.length ? e.error.replace(/:.*$/s, ":") : e.error;
  return new CliError(message, exitForStatus(e.status), lines, e.details);
}
