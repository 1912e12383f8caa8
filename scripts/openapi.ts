/**
 * The API document, off the network: the Worker's app answers `GET /api/openapi.json` in Node
 * (worker/routes.ts loads without `cloudflare:workers`), and that document is
 *
 * - `npm run openapi:types` → written to .tmp/openapi.json and turned into the typed client's
 *   paths, tests/generated/openapi.d.ts (openapi-typescript), committed so tests compile as is;
 * - `npm run lint:openapi` → linted by `redocly lint` with the recommended rules (redocly.yaml,
 *   telemetry and the update check off: CI has no network), and tests/generated/openapi.d.ts
 *   checked to be the one this document gives. Part of `npm test`.
 *
 * tests/openapi.test.ts checks that the document the running Worker serves is this one.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { createApi } from "../worker/routes.js";
import { DOCUMENT_PATH } from "../worker/edge/document.routes.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const DUMP = join(root, ".tmp/openapi.json");
const TYPES = join(root, "tests/generated/openapi.d.ts");

async function theDocument(): Promise<OpenAPI3> {
  const res = await createApi().request(DOCUMENT_PATH);
  if (res.status !== 200) throw new Error(`${DOCUMENT_PATH} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as OpenAPI3;
}

async function typesOf(doc: OpenAPI3): Promise<string> {
  const banner = "// Generated from /api/openapi.json by `npm run openapi:types` (scripts/openapi.ts); do not edit.\n";
  // Request bodies: a field with a default may be left out (defaultNonNullable would make it required).
  return banner + astToString(await openapiTS(doc, { defaultNonNullable: false }));
}

function lint(): boolean {
  const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
  const run = spawnSync(process.execPath, [cli, "lint", DUMP, "--config", join(root, "redocly.yaml"), "--format", "stylish", "--max-problems", "50"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  return run.status === 0;
}

const mode = process.argv[2];
const doc = await theDocument();
mkdirSync(dirname(DUMP), { recursive: true });
writeFileSync(DUMP, `${JSON.stringify(doc, null, 2)}\n`);

if (mode === "types") {
  mkdirSync(dirname(TYPES), { recursive: true });
  writeFileSync(TYPES, await typesOf(doc));
  console.log(`wrote ${TYPES}`);
} else if (mode === "lint") {
  let ok = lint();
  const current = existsSync(TYPES) ? readFileSync(TYPES, "utf8") : "";
  if (current !== (await typesOf(doc))) {
    console.error(`\n${TYPES} is not the one /api/openapi.json gives: run \`npm run openapi:types\` and commit it.`);
    ok = false;
  }
  if (!ok) process.exit(1);
} else {
  console.error("usage: tsx scripts/openapi.ts types|lint");
  process.exit(2);
}
