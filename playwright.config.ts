import { defineConfig } from "@playwright/test";

// E2E_PORT lets two runs on one machine (two checkouts) keep out of each other's way.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DB = `tests/.tmp/e2e-${E2E_PORT}.sqlite`;
export const E2E_ADMIN_PASSWORD = "e2e-admin-password";

/**
 * End-to-end tests drive Debian's Chromium against the built app (`npm run build` first) on a
 * database of their own, seeded by the same `sipas demo seed` a newcomer runs.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON ?? "tests/.tmp/playwright.json" }]],
  outputDir: `test-results/${E2E_PORT}`,
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    locale: "vi-VN",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `rm -f ${E2E_DB} ${E2E_DB}-wal ${E2E_DB}-shm && node bin/sipas.mjs demo seed && node bin/server.mjs`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: E2E_DB,
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      SIPAS_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      SIPAS_ACCESS_LOG: "0",
      // Lets a test act as a distinct client (X-Forwarded-For) to check per-client rate limits.
      TRUST_PROXY: "loopback",
    },
  },
});
