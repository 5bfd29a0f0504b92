import { defineConfig, devices } from "@playwright/test";
import { resolveChromium } from "./e2e/support/chromium";
import { USERS } from "./e2e/support/users";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// One data directory per port, so parallel suites on different ports never share a database.
const E2E_DATA = `data/e2e-${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  testMatch: ["**/*.spec.ts", "auth.setup.ts"],
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: resolveChromium(),
  },
  projects: [
    // Creates the owner through the setup page, then an editor and a viewer; stores their sessions.
    { name: "setup", testMatch: "auth.setup.ts", use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      testMatch: "**/*.spec.ts",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], storageState: USERS.admin.state },
    },
  ],
  webServer: {
    // The production build, started exactly as a user starts it, on its own database.
    // A fresh database per test run: each run starts from a first start.
    command: `node -e "require('fs').rmSync('${E2E_DATA}',{recursive:true,force:true})" && node scripts/start.mjs`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? `file:./${E2E_DATA}/myrmex.db`,
      MYRMEX_HOST: "127.0.0.1",
      MYRMEX_DATA_DIR: `./${E2E_DATA}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
