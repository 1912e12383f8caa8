// What deploy/install.sh and deploy/tongban.service do, checked as far as a machine without
// systemd running can (issue 24 §3): `npm run archive` (or ARCHIVE=<its .tar.gz>), unpacked and
// installed with DESTDIR into a temporary root — the files, the user, the settings, the unit and
// its enablement, an upgrade that keeps the settings — then `systemd-analyze verify` on the unit in
// that root, and the unit's own ExecStart line, expanded from the installed tongban.env as systemd
// does, run as the tongban user with the root's /opt/tongban, /etc/tongban and /var/lib/tongban
// bound in their places (a private mount namespace): it answers, takes the admin token, and
// writes its data as tongban. Needs root. Prints `install: N passed, M failed`.
//
// Needs systemd's files (systemctl, systemd-analyze, /usr/lib/systemd/system: `apt-get install
// systemd`), util-linux (unshare, setpriv) and passwd (useradd), all in Debian's base.
// Not covered (systemd is not PID 1 here): the unit started by systemd itself, its sandboxing
// (ProtectSystem=strict, ReadWritePaths, NoNewPrivileges, the capability), Restart=always after
// a kill, and starting at boot.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const PORT = Number(process.env.PROOF_PORT ?? 18990) + 10;
let passed = 0;
let failed = 0;

function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `: ${detail}`}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: "utf8", ...opts });

/** KEY=value lines as systemd's EnvironmentFile reads them: comments skipped, a quote only at the value's start. */
export function environmentFile(text) {
  const env = {};
  for (const line of text.split("\n")) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || /^\s*[#;]/.test(line)) continue;
    let value = m[2];
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    env[m[1]] = value;
  }
  return env;
}

/** An ExecStart= line as systemd expands it: ${NAME} in place, a lone $NAME split into words. */
export function execStart(line, env) {
  const words = [];
  for (const word of line.trim().split(/\s+/)) {
    const lone = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(word);
    if (lone) words.push(...(env[lone[1]] ?? "").split(/\s+/).filter(Boolean));
    else words.push(word.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, n) => env[n] ?? ""));
  }
  return words;
}

const work = mkdtempSync(join(tmpdir(), "tongban-install-"));
const dest = join(work, "root");
const made = [];
let server = null;
let archive = null;
let builtHere = false;
try {
  if (process.getuid?.() !== 0) throw new Error("run as root: install.sh creates a user and chowns its data");
  archive = process.env.ARCHIVE;
  if (!archive) {
    builtHere = true;
    const built = run("npm", ["run", "-s", "archive"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    archive = built.stdout.trim().split("\n").at(-1);
    check("npm run archive builds the archive", built.status === 0 && existsSync(archive), archive);
  }
  const unpacked = join(work, "unpacked");
  mkdirSync(unpacked);
  check("the archive unpacks", run("tar", ["xzf", archive, "-C", unpacked]).status === 0);
  const version = readFileSync(join(unpacked, "tongban", "VERSION"), "utf8").trim();

  // A root with a system's account files and nothing else.
  mkdirSync(join(dest, "etc"), { recursive: true });
  writeFileSync(join(dest, "etc", "passwd"), "root:x:0:0:root:/root:/bin/bash\n");
  writeFileSync(join(dest, "etc", "group"), "root:x:0:\n");
  writeFileSync(join(dest, "etc", "shadow"), "root:*:19000:0:99999:7:::\n", { mode: 0o600 });
  writeFileSync(join(dest, "etc", "gshadow"), "root:*::\n", { mode: 0o600 });
  // systemd's own units (multi-user.target, sysinit.target …), as a Debian box has them.
  mkdirSync(join(dest, "usr", "lib", "systemd"), { recursive: true });
  cpSync("/usr/lib/systemd/system", join(dest, "usr", "lib", "systemd", "system"), { recursive: true, verbatimSymlinks: true });
  const install = () => run("sh", [join(unpacked, "tongban", "install.sh")], { env: { ...process.env, DESTDIR: dest } });
  const first = install();
  check("install.sh installs into DESTDIR", first.status === 0, first.stderr + first.stdout);
  const token = /the admin token is ([0-9a-f]+)/.exec(first.stdout)?.[1];
  check("it prints an admin token of 48 hex digits once", token?.length === 48, first.stdout);

  const at = (p) => join(dest, p);
  const user = readFileSync(at("etc/passwd"), "utf8").split("\n").find((l) => l.startsWith("tongban:"))?.split(":");
  const group = readFileSync(at("etc/group"), "utf8").split("\n").find((l) => l.startsWith("tongban:"))?.split(":");
  check("a system user tongban, home /var/lib/tongban, no login shell, its own group", !!user && Number(user[2]) < 1000 && user[5] === "/var/lib/tongban" && user[6] === "/usr/sbin/nologin" && group?.[2] === user[3], user?.join(":"));
  const [uid, gid] = [Number(user?.[2]), Number(user?.[3])];
  check("/opt/tongban/current points at this release", readlinkSync(at("opt/tongban/current")) === `releases/${version}`, readlinkSync(at("opt/tongban/current")));
  const current = at("opt/tongban/current");
  check("the release holds workerd (executable), the bundle, both configs and the static files", (statSync(join(current, "bin", "workerd")).mode & 0o111) !== 0 && ["app/index.js", "app/front.js", "app/config.capnp", "app/config-tls.capnp", "public/static", "deploy/backup.sh", "docs/deployment.md"].every((f) => existsSync(join(current, f))));
  check("the release's tls/ links to /etc/tongban/tls", readlinkSync(join(current, "app", "tls")) === "/etc/tongban/tls" && statSync(at("etc/tongban/tls")).isDirectory());
  const data = statSync(at("var/lib/tongban"));
  check("/var/lib/tongban belongs to tongban, mode 700, with objects/ and media/", data.uid === uid && data.gid === gid && (data.mode & 0o777) === 0o700 && ["objects", "media"].every((d) => statSync(at(`var/lib/tongban/${d}`)).uid === uid));
  const envPath = at("etc/tongban/tongban.env");
  const settings = environmentFile(readFileSync(envPath, "utf8"));
  check("tongban.env: mode 600, the admin token, a 64-hex ticket secret, the data directory", (statSync(envPath).mode & 0o777) === 0o600 && JSON.parse(settings.TONGBAN_TOKENS)[token] === "admin" && /^[0-9a-f]{64}$/.test(settings.TONGBAN_TICKET_SECRET) && settings.TONGBAN_DATA === "/var/lib/tongban", JSON.stringify(settings));
  // systemd's own reader of KEY=value files (load_env_file, the one EnvironmentFile= uses), as the
  // environment.d generator runs it: it must read the settings as the proof does.
  const generator = "/usr/lib/systemd/user-environment-generators/30-systemd-environment-d-generator";
  const xdg = join(work, "xdg");
  mkdirSync(join(xdg, "environment.d"), { recursive: true });
  writeFileSync(join(xdg, "environment.d", "tongban.conf"), readFileSync(envPath));
  const read = run(generator, [], { env: { PATH: process.env.PATH, XDG_CONFIG_HOME: xdg } });
  const bySystemd = Object.fromEntries(
    read.stdout
      .split("\n")
      .map((l) => /^(TONGBAN_[A-Z_]+)=(?:"(.*)"|(.*))$/.exec(l))
      .filter(Boolean)
      .map(([, k, quoted, bare]) => [k, quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : bare]),
  );
  // environment.d refuses empty values that EnvironmentFile= takes as empty: compare the others.
  const given = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== ""));
  check("systemd's env-file parser reads tongban.env the same (the tokens' JSON as written)", read.status === 0 && JSON.stringify(bySystemd) === JSON.stringify(given), read.stdout + read.stderr);
  const unit = at("etc/systemd/system/tongban.service");
  check("the unit is installed as shipped", readFileSync(unit, "utf8") === readFileSync(join(root, "deploy", "tongban.service"), "utf8"));
  const wants = at("etc/systemd/system/multi-user.target.wants/tongban.service");
  const linked = lstatSync(wants, { throwIfNoEntry: false });
  check("systemctl enabled it (multi-user.target wants it)", !!linked?.isSymbolicLink() && readlinkSync(wants) === "/etc/systemd/system/tongban.service", linked ? readlinkSync(wants) : "missing");

  // An upgrade (the same archive again): settings and user kept, the release swapped.
  const before = readFileSync(envPath, "utf8");
  const again = install();
  check("installing again keeps tongban.env, the user and the token", again.status === 0 && readFileSync(envPath, "utf8") === before && !/admin token/.test(again.stdout) && readFileSync(at("etc/passwd"), "utf8").match(/^tongban:/gm)?.length === 1, again.stderr);

  // systemd's own check of the unit, inside the root (its ExecStart binary, user, paths).
  const verify = run("systemd-analyze", ["verify", `--root=${dest}`, "/etc/systemd/system/tongban.service"]);
  const complaints = (verify.stderr + verify.stdout).split("\n").filter((l) => l.includes("tongban.service"));
  check("systemd-analyze verify finds nothing wrong with the unit", verify.status === 0 && complaints.length === 0, verify.stderr + verify.stdout);

  // The unit's ExecStart, expanded from the installed settings, run as tongban where it would be.
  const unitText = readFileSync(unit, "utf8");
  const line = /^ExecStart=(.*)$/m.exec(unitText)[1];
  const env = { ...settings, TONGBAN_LISTEN: `-s http=127.0.0.1:${PORT}` };
  const argv = execStart(line, env);
  check("ExecStart expands to workerd serve with the config, the socket and the three directories", argv[0] === "/opt/tongban/current/bin/workerd" && argv.includes(`http=127.0.0.1:${PORT}`) && argv.includes("objects=/var/lib/tongban/objects"), argv.join(" "));
  const places = ["/opt/tongban", "/etc/tongban", "/var/lib/tongban"];
  for (const p of places) if (!existsSync(p)) (mkdirSync(p, { recursive: true }), made.push(p));
  const binds = places.map((p) => `mount --bind ${join(dest, p)} ${p}`).join(" && ");
  const quoted = argv.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  server = spawn("unshare", ["-m", "--propagation", "private", "sh", "-c", `${binds} && exec setpriv --reuid=${uid} --regid=${gid} --clear-groups ${quoted}`], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  server.stderr.on("data", (d) => (log += d));
  server.exited = new Promise((resolve) => server.on("exit", resolve));
  const base = `http://127.0.0.1:${PORT}`;
  let up = false;
  for (let i = 0; i < 200 && server.exitCode === null && !up; i++) {
    up = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (!up) await sleep(100);
  }
  check("workerd, started as the unit starts it and as tongban, answers /api/health", up, log);
  const hall = await fetch(`${base}/api/halls/installed`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      name: "安装检验大厅",
      timezone: "Asia/Shanghai",
      categories: [{ id: "household", prefix: "A", names: { "zh-Hans": "户政", "zh-Hant": "戶政", en: "Household registration" }, serviceMinutes: 6, weight: 1 }],
      windows: [{ id: "1", number: 1, label: "综合窗口", categories: ["household"], state: "open" }],
    }),
  });
  check("the printed admin token creates a hall", hall.status === 201, `${hall.status} ${await hall.text()}`);
  const dev = await fetch(`${base}/api/halls/installed`, { headers: { Authorization: "Bearer dev-display" } });
  check("a dev-* token is refused (production mode)", dev.status === 401, String(dev.status));
  const page = await fetch(`${base}/static/display/signage.js`);
  check("the static files are served from the release", page.status === 200, String(page.status));
  server.kill("SIGTERM");
  await server.exited;
  server = null;
  const owned = run("find", [at("var/lib/tongban/objects"), "-type", "f", "!", "-uid", String(uid)]);
  const files = run("find", [at("var/lib/tongban/objects"), "-type", "f"]).stdout.trim().split("\n").filter(Boolean);
  check("the hall's database is written under /var/lib/tongban, owned by tongban", files.length > 0 && owned.stdout.trim() === "", `${files.length} files; not tongban's: ${owned.stdout}`);
} catch (error) {
  check("the install proof ran to its end", false, error?.stack ?? String(error));
} finally {
  if (server && server.exitCode === null) server.kill("SIGTERM");
  // Only the empty mount points this proof made (never recursively: a bind could still be there).
  for (const p of made.reverse()) {
    try {
      rmdirSync(p);
    } catch {}
  }
  rmSync(work, { recursive: true, force: true });
  if (builtHere && archive && existsSync(archive)) rmSync(archive);
}

console.log(`install: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
