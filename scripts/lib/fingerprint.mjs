// Content fingerprints of source trees, used to skip work that is already done
// (client generation, production builds) on a second `npm start`.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";

const SKIP_DIRS = new Set(["node_modules", "generated", "data", "test-results", "playwright-report", ".git"]);

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith(".next")) walk(path.join(dir, entry.name), out);
    } else if (!/\.(test|int\.test|spec)\.tsx?$/.test(entry.name)) {
      out.push(path.join(dir, entry.name));
    }
  }
}

/** SHA-256 over the relative paths and contents of every file under `roots`. */
export function fingerprint(root, roots) {
  const files = [];
  for (const r of roots) {
    const abs = path.join(root, r);
    if (!existsSync(abs)) continue;
    if (statSync(abs).isDirectory()) walk(abs, files);
    else files.push(abs);
  }
  files.sort();
  const hash = createHash("sha256");
  for (const f of files) {
    hash.update(path.relative(root, f));
    hash.update("\0");
    hash.update(readFileSync(f));
    hash.update("\0");
  }
  return hash.digest("hex");
}
