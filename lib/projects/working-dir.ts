import { mkdir, realpath } from "node:fs/promises";
import path from "node:path";

export class WorkingDirError extends Error {
  override readonly name = "WorkingDirError";
}

/**
 * Resolves a project's working directory inside `root`, creating it when
 * missing. Refuses anything that leaves the root, by `..`, an absolute path,
 * or a symbolic link pointing elsewhere.
 */
export async function ensureWorkingDir(root: string, requested: string): Promise<string> {
  if (path.isAbsolute(requested)) throw new WorkingDirError("must be a path relative to the projects root, not an absolute path");
  await mkdir(root, { recursive: true });
  const realRoot = await realpath(root);
  const target = path.resolve(realRoot, requested);
  const rel = path.relative(realRoot, target);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new WorkingDirError(`must stay inside the projects root (${realRoot})`);
  }
  await mkdir(target, { recursive: true });
  // A symlink on the way may point outside the root: check where it really is.
  const real = await realpath(target);
  const realRel = path.relative(realRoot, real);
  if (realRel === "" || realRel.startsWith("..") || path.isAbsolute(realRel)) {
    throw new WorkingDirError(`leads outside the projects root through a symbolic link`);
  }
  return real;
}
