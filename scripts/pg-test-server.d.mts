// Types for scripts/pg-test-server.mjs (plain JS so scripts can use it without a build step).
export interface PgTestServer {
  /** URL of the database created for the caller. */
  url: string;
  /** Superuser URL of the server's `postgres` database (CREATE/DROP DATABASE). */
  adminUrl: string;
  port: number;
  /** null when MYRMEX_TEST_PG_URL pointed at an external server. */
  dataDir: string | null;
  external: boolean;
  stop(): Promise<void>;
}
export function findPgBin(): string | null;
export function sparePort(): Promise<number>;
export function adminQuery(adminUrl: string, sql: string): Promise<{ rows: Record<string, unknown>[] }>;
export function createDatabase(adminUrl: string, name: string, options?: { template?: string }): Promise<string>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
export function withDatabase(url: string, name: string): string;
export function startPostgres(options?: { database?: string; log?: (msg: string) => void }): Promise<PgTestServer>;
