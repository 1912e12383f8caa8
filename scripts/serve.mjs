// `npm run serve`: Tongban on this machine under workerd, the runtime under Cloudflare Workers
// (the binary in node_modules), with the very bundle `npm run build` makes for Cloudflare.
//
//   PORT (8787), HOST (127.0.0.1)   where it listens (plain HTTP)
//   TONGBAN_DATA (./data)           the halls' databases (objects/) and uploaded media (media/)
//   TONGBAN_TLS_KEY, TONGBAN_TLS_CERT, TONGBAN_TLS_PORT (8443)
//                                   PEM files: also serve HTTPS with workerd's own TLS
//   TONGBAN_OUTBOUND (public)       where the Worker's fetch() may go: "public,private" when the
//                                   upstream (TONGBAN_UPSTREAM) is on a private network
//   TONGBAN_CA                      a PEM file of extra CAs to trust (a government PKI's root)
//   TONGBAN_TOKENS, TONGBAN_TICKET_SECRET, TONGBAN_ALLOWED_ORIGINS, …
//                                   the Worker's secrets and settings, as on Cloudflare
//
// It refuses to start without the secrets a deployed Worker refuses to serve without, and
// with TONGBAN_MODE=development (dev tokens, the demo hall, an injectable clock) unless given
// --development, which the proof (scripts/selfhost-proof.mjs) and a developer's box use.
// Builds first when the bundle is missing or older than the code (--build forces it).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compatibilityDateOf, writeConfig } from "../deploy/config.mjs";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const args = new Set(process.argv.slice(2));
const bundle = join(root, "dist");
const env = process.env;

function refuse(problem) {
  console.error(`tongban serve: ${problem}`);
  process.exit(1);
}

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

// The same refusals the Worker makes on every request (worker/access/tokens.ts, ticket-token.ts),
// made once at the start so a misconfigured box says so in its log instead of answering 503s.
if (env.TONGBAN_MODE === "development") {
  if (!args.has("--development")) refuse("TONGBAN_MODE=development allows the well-known dev-* tokens: not on a hall's server (pass --development on a developer's machine)");
} else {
  if (!env.TONGBAN_TOKENS) refuse('set TONGBAN_TOKENS: JSON { "<token, 24+ random characters>": "<role>" | { "role": …, "halls": […] } } (see docs/deployment.md)');
  let tokens;
  try {
    tokens = JSON.parse(env.TONGBAN_TOKENS);
  } catch {
    refuse("TONGBAN_TOKENS is not valid JSON");
  }
  if (Object.keys(tokens ?? {}).some((t) => t.startsWith("dev-"))) refuse("refusing to serve with a development (dev-*) token");
  if (!env.TONGBAN_TICKET_SECRET || env.TONGBAN_TICKET_SECRET.length < 32) refuse("set TONGBAN_TICKET_SECRET to 32+ random characters (openssl rand -hex 32)");
}

const built = existsSync(join(bundle, "index.js")) ? statSync(join(bundle, "index.js")).mtimeMs : 0;
// The Worker imports from worker/ and announcer/ (the words of a call).
const sources = Math.max(newest(join(root, "worker")), newest(join(root, "announcer")), statSync(join(root, "wrangler.toml")).mtimeMs);
if (args.has("--build") || built < sources) {
  const build = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", bundle], { cwd: root, stdio: "inherit", env: { ...env, WRANGLER_SEND_METRICS: "false" } });
  if (build.status !== 0) refuse("the build failed");
}
if (!existsSync(join(root, "public", "static"))) spawnSync(process.execPath, [join(root, "scripts", "assets.mjs")], { stdio: "inherit" });

const tls = env.TONGBAN_TLS_KEY || env.TONGBAN_TLS_CERT ? { key: readFileSync(env.TONGBAN_TLS_KEY ?? "", "utf8"), cert: readFileSync(env.TONGBAN_TLS_CERT ?? "", "utf8") } : null;
const config = writeConfig(bundle, {
  compatibilityDate: compatibilityDateOf(join(root, "wrangler.toml")),
  tls,
  outbound: (env.TONGBAN_OUTBOUND || "public").split(","),
  ca: env.TONGBAN_CA ? [readFileSync(env.TONGBAN_CA, "utf8")] : [],
});

const data = resolve(env.TONGBAN_DATA ?? "data");
for (const dir of ["objects", "media"]) mkdirSync(join(data, dir), { recursive: true });
const host = env.HOST ?? "127.0.0.1";
const hostPort = (port) => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);
const flags = [
  "serve", config,
  "-s", `http=${hostPort(env.PORT ?? "8787")}`,
  ...(tls ? ["-s", `https=${hostPort(env.TONGBAN_TLS_PORT ?? "8443")}`] : []),
  "-d", `objects=${join(data, "objects")}`,
  "-d", `media=${join(data, "media")}`,
  "-d", `static=${join(root, "public")}`,
];
const workerd = spawn(join(root, "node_modules", ".bin", "workerd"), flags, { stdio: "inherit" });
console.error(`tongban serve: http://${hostPort(env.PORT ?? "8787")} (data in ${data})`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => workerd.kill(signal));
workerd.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
