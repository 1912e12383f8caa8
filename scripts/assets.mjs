// Gathers the browser files into public/, the Worker's static assets directory:
// display/browser → /static/display, announcer/browser → /static/announcer,
// announcer/voices → /static/voices, and htmx from node_modules → /static/vendor.
// Run by `npm start`, `npm test` and wrangler's [build] step; public/ is not committed.
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "public");
const copies = [
  ["display/browser", "static/display"],
  ["announcer/browser", "static/announcer"],
  ["announcer/voices", "static/voices"],
  ["node_modules/htmx.org/dist/htmx.min.js", "static/vendor/htmx.min.js"],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "static"), { recursive: true });
for (const [from, to] of copies) {
  const source = join(root, from);
  if (!existsSync(source)) continue;
  mkdirSync(dirname(join(out, to)), { recursive: true });
  cpSync(source, join(out, to), { recursive: true });
}
