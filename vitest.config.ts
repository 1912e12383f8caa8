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
    include: ["worker/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/browser/**"],
  },
});
