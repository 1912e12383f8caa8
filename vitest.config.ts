import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: { bindings: { TONGBAN_MODE: "development" } },
    }),
  ],
  test: {
    // CI adds a JSON report so .ci/run can print one "N passed, N failed" line.
    reporters: process.env.TONGBAN_REPORT_DIR
      ? ["default", ["json", { outputFile: `${process.env.TONGBAN_REPORT_DIR}/workers.json` }]]
      : ["default"],
    include: ["worker/**/*.test.ts", "announcer/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/browser/**"],
  },
});
