// The fault and fuzz suites at soak length (`npm run soak`): 10,000 commands under evictions,
// 5,000 with lost replies, two minutes of cut sockets, ten times the fuzz runs. To replay a
// failing seed from any run: TONGBAN_SEED=123 TONGBAN_SOAK=0 npx vitest run --config scripts/soak.vitest.config.ts tests/fault.test.ts
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { SUITE_CLOCK } from "../tests/suite-clock.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export default defineConfig({
  root,
  plugins: [
    cloudflareTest({
      wrangler: { configPath: join(root, "wrangler.toml") },
      // TONGBAN_SEED replays a run; TONGBAN_SOAK=0 replays it at the in-suite length.
      miniflare: {
        bindings: {
          TONGBAN_MODE: "development",
          // A fixed morning (tests/suite-clock.ts): a soak started at 23:55 would cross midnight.
          TONGBAN_CLOCK: SUITE_CLOCK,
          TONGBAN_SOAK: process.env.TONGBAN_SOAK ?? "1",
          ...(process.env.TONGBAN_SEED ? { TONGBAN_SEED: process.env.TONGBAN_SEED } : {}),
        },
      },
    }),
  ],
  test: {
    include: ["tests/fault*.test.ts", "tests/fuzz*.test.ts"],
    testTimeout: 900_000,
  },
});
