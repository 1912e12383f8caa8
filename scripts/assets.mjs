// Gathers the browser files into public/, the Worker's static assets directory:
// display/browser → /static/display, announcer/browser → /static/announcer (with announcer/
// words.ts and queue.ts stripped of their types), announcer/voices → /static/voices, and htmx
// and Scalar's API reference from node_modules → /static/vendor.
// Run by `npm start`, `npm test` and wrangler's [build] step; public/ is not committed.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "public");
// Build beside public/ and swap it in at the end: several wrangler dev servers (the browser
// suite, a developer's npm start) rebuild on the same change, and none may see a half-built folder.
const out = join(root, `.public-${process.pid}`);
const copies = [
  ["display/browser", "static/display"],
  ["announcer/browser", "static/announcer"],
  ["announcer/voices", "static/voices"],
  ["node_modules/htmx.org/dist/htmx.min.js", "static/vendor/htmx.min.js"],
  // The API reference at /api/docs (worker/edge/document.routes.ts): Scalar's self-contained browser build.
  ["node_modules/@scalar/api-reference/dist/browser/standalone.js", "static/vendor/scalar/standalone.js"],
];

mkdirSync(join(out, "static"), { recursive: true });
for (const [from, to] of copies) {
  const source = join(root, from);
  if (!existsSync(source)) continue;
  mkdirSync(dirname(join(out, to)), { recursive: true });
  cpSync(source, join(out, to), { recursive: true });
}

// The announcer page imports the very modules the Worker and the tests use for the words of a
// call and for what to say next: announcer/words.ts and queue.ts have type annotations only, so
// dropping them gives the browser modules.
const ts = (await import("typescript")).default;
mkdirSync(join(out, "static/announcer"), { recursive: true });
for (const name of ["words", "queue"]) {
  const module = ts.transpileModule(readFileSync(join(root, `announcer/${name}.ts`), "utf8"), {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ES2020, removeComments: false },
    fileName: `${name}.ts`,
  });
  writeFileSync(join(out, `static/announcer/${name}.js`), `// Generated from announcer/${name}.ts by scripts/assets.mjs; edit that file.\n${module.outputText}`);
}

const old = join(root, `.public-old-${process.pid}`);
try {
  if (existsSync(target)) renameSync(target, old);
  renameSync(out, target);
} catch {
  // Another build swapped its copy in first; it holds the same files.
  rmSync(out, { recursive: true, force: true });
}
rmSync(old, { recursive: true, force: true });
