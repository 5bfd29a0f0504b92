import { existsSync } from "node:fs";
import { chromium, type LaunchOptions } from "@playwright/test";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/**
 * Playwright's own Chromium when it is installed; otherwise the system's
 * (`CHROMIUM_PATH`, then /usr/bin/chromium). Fails with instructions when
 * neither exists.
 */
export function resolveChromium(): LaunchOptions {
  const bundled = safeExecutablePath();
  if (bundled && existsSync(bundled) && !process.env.CHROMIUM_PATH) return { args: FLAGS };
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found for the browser tests. Install one with `npx playwright install chromium`, " +
        "or `apt-get install chromium` (Debian), or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  return { executablePath: found, args: FLAGS };
}

function safeExecutablePath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
