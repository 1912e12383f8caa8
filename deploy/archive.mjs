// `npm run archive`: one file that installs and starts Tongban on a Debian box (linux-x64) with no
// network at all: the production bundle, the static files, workerd's binary, the configs
// (plain and TLS), the systemd unit, the settings template, docs/deployment.md and install.sh.
// Writes .tmp/tongban-<version>-linux-x64.tar.gz and prints its path.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { compatibilityDateOf, writeConfig } from "./config.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd, args, cwd = root) => {
  const r = spawnSync(cmd, args, { cwd, stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
};

// The workerd the bundle is tested with, for linux-x64 whatever machine builds the archive.
const require = createRequire(join(root, "package.json"));
const workerdVersion = require("workerd/package.json").version;
let binary = null;
try {
  binary = require.resolve("@cloudflare/workerd-linux-64/bin/workerd");
} catch {
  throw new Error(`no @cloudflare/workerd-linux-64 in node_modules: on another OS, \`npm pack @cloudflare/workerd-linux-64@${workerdVersion}\` and unpack it into node_modules first`);
}

const git = spawnSync("git", ["describe", "--always", "--dirty"], { cwd: root, encoding: "utf8" }).stdout.trim();
const version = `${JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version}-${git || "local"}`;
const stage = join(root, ".tmp", "archive", "tongban");
rmSync(dirname(stage), { recursive: true, force: true });
mkdirSync(join(stage, "app"), { recursive: true });

run(process.execPath, [join(root, "scripts", "assets.mjs")]);
run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", join(stage, "app")]);
rmSync(join(stage, "app", "README.md"), { force: true });
const compatibilityDate = compatibilityDateOf(join(root, "wrangler.toml"));
// A hall box reports to a city server on the government network, at a private address;
// TONGBAN_CA=<root.pem> npm run archive trusts a government PKI's root as well.
const outbound = (process.env.TONGBAN_OUTBOUND || "public,private").split(",");
const ca = process.env.TONGBAN_CA ? [readFileSync(process.env.TONGBAN_CA, "utf8")] : [];
writeConfig(join(stage, "app"), { compatibilityDate, outbound, ca });
writeConfig(join(stage, "app"), { compatibilityDate, tls: "files", name: "config-tls.capnp", outbound, ca });
cpSync(join(root, "public"), join(stage, "public"), { recursive: true });
mkdirSync(join(stage, "bin"));
copyFileSync(binary, join(stage, "bin", "workerd"));
chmodSync(join(stage, "bin", "workerd"), 0o755);
mkdirSync(join(stage, "deploy"));
for (const f of ["tongban.service", "tongban.env.example", "backup.sh"]) {
  copyFileSync(join(root, "deploy", f), join(stage, "deploy", f));
  if (f.endsWith(".sh")) chmodSync(join(stage, "deploy", f), 0o755);
}
copyFileSync(join(root, "deploy", "install.sh"), join(stage, "install.sh"));
chmodSync(join(stage, "install.sh"), 0o755);
mkdirSync(join(stage, "docs"));
if (existsSync(join(root, "docs", "deployment.md"))) copyFileSync(join(root, "docs", "deployment.md"), join(stage, "docs", "deployment.md"));
writeFileSync(join(stage, "VERSION"), `${version}\n`);
writeFileSync(join(stage, "WORKERD_VERSION"), `${workerdVersion}\n`);

const out = join(root, ".tmp", `tongban-${version}-linux-x64.tar.gz`);
run("tar", ["czf", out, "-C", dirname(stage), "tongban"]);
rmSync(dirname(stage), { recursive: true, force: true });
console.log(out);
