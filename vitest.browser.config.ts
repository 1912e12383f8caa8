import { existsSync } from "node:fs";
import { defineConfig } from "vitest/config";

// The browser suite drives Debian's Chromium against a real `wrangler dev`. CI installs
// Chromium first; elsewhere, without it, the suite is skipped with a message, never faked.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const message = `browser suite: ${chromium} not found (apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(message);
  console.warn(`${message}; skipping`);
}

export default defineConfig({
  test: {
    // CI adds a JSON report so .ci/run can print one "N passed, N failed" line.
    reporters: process.env.TONGBAN_REPORT_DIR
      ? ["default", ["json", { outputFile: `${process.env.TONGBAN_REPORT_DIR}/browser.json` }]]
      : ["default"],
    include: existsSync(chromium) ? ["tests/browser/**/*.test.ts"] : [],
    passWithNoTests: !existsSync(chromium),
    environment: "node",
    globalSetup: ["tests/browser/server.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
