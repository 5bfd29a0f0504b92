// Resolves the runtime configuration shared by the start, prepare and test scripts.
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

/** Environment with the defaults applied: SQLite under ./data unless DATABASE_URL says otherwise. */
export function runtimeEnv(base = process.env) {
  const dataDir = path.resolve(root, base.MYRMEX_DATA_DIR ?? "data");
  const env = {
    ...base,
    MYRMEX_DATA_DIR: dataDir,
    DATABASE_URL: base.DATABASE_URL ?? `file:${path.join(dataDir, "myrmex.db")}`,
    NEXT_TELEMETRY_DISABLED: base.NEXT_TELEMETRY_DISABLED ?? "1",
  };
  return env;
}

export function providerOf(url) {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(":")[0]}:…"`);
}
