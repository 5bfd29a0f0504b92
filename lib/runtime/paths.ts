import path from "node:path";

/** The data directory: SQLite database and project working directories. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MYRMEX_DATA_DIR ?? "data");
}

/** The root inside which project working directories live. */
export function projectsRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MYRMEX_PROJECTS_ROOT ?? path.join(dataDir(), "projects"));
}
