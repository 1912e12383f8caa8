import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { SUITE_CLOCK } from "./tests/suite-clock.js";

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TONGBAN_MODE: "development",
          TONGBAN_CLOCK: SUITE_CLOCK,
          // Beside the dev-* tokens: a reporter bound to one hall (tests/federation.test.ts, issue 24 §4).
          TONGBAN_TOKENS: JSON.stringify({ "reporter-fed-hall-0001": { role: "reporter", halls: ["fed-hall"], name: "hall box fed-hall" } }),
          // TONGBAN_SEED=<seed> replays a randomised run (fuzz, fault): the seed is in the failing test's name.
          ...(process.env.TONGBAN_SEED ? { TONGBAN_SEED: process.env.TONGBAN_SEED } : {}),
        },
      },
    }),
  ],
  test: {
    // CI adds a JSON report so .ci/run can print one "N passed, N failed" line.
    reporters: process.env.TONGBAN_REPORT_DIR
      ? ["default", ["json", { outputFile: `${process.env.TONGBAN_REPORT_DIR}/workers.json` }]]
      : ["default"],
    include: ["worker/**/*.test.ts", "announcer/**/*.test.ts", "tests/**/*.test.ts"],
    // Tests drive a real workerd: on a loaded 2-core machine a few hundred requests take seconds.
    testTimeout: 30_000,
    exclude: ["tests/browser/**"],
  },
});
