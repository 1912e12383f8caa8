// `npm run bench:selfhost`: what one workerd process holds on this machine (issue 24 §6), with the
// production bundle as `npm run serve` runs it. Opens SOCKETS screens (default 2000, in steps)
// on one hall's live feed, reads workerd's resident memory from /proc after each step, then times
// one call reaching every screen. Prints JSON; docs/deployment.md keeps the figures.
//   SOCKETS=4000 STEP=1000 npm run bench:selfhost
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const WebSocket = globalThis.WebSocket ?? (await import("ws")).default;
const root = join(fileURLToPath(import.meta.url), "..", "..", "..");
const PORT = Number(process.env.BENCH_PORT ?? 18995);
const BASE = `127.0.0.1:${PORT}`;
const SOCKETS = Number(process.env.SOCKETS ?? 2000);
const STEP = Number(process.env.STEP ?? 500);
const data = mkdtempSync(join(tmpdir(), "tongban-bench-"));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = spawn(process.execPath, [join(root, "scripts", "serve.mjs"), "--development"], {
  env: { ...process.env, PORT: String(PORT), TONGBAN_DATA: data, TONGBAN_MODE: "development", TONGBAN_CLOCK: "2031-03-04T09:00:00+08:00" },
  stdio: ["ignore", "ignore", "inherit"],
});
const exited = new Promise((r) => server.on("exit", r));
for (let i = 0; ; i++) {
  if (await fetch(`http://${BASE}/api/health`).then((r) => r.ok, () => false)) break;
  if (i > 600) throw new Error("workerd did not start");
  await sleep(100);
}
const pid = Number(execFileSync("pgrep", ["-P", String(server.pid)]).toString().trim().split("\n")[0]);
const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;

const post = (role, path, body) =>
  fetch(`http://${BASE}${path}`, { method: "POST", headers: { Authorization: `Bearer dev-${role}`, "Content-Type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());

// Warm: the demo hall awake with a queue, one screen connected.
for (let i = 0; i < 20; i++) await post("kiosk", "/api/halls/demo/tickets", { category: "household" });
const sockets = [];
let received = 0;
let waiting = null;
function open() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${BASE}/api/halls/demo/live?token=dev-display&view=main`);
    ws.addEventListener("open", () => resolve(ws), { once: true });
    ws.addEventListener("error", reject, { once: true });
    ws.addEventListener("message", (e) => {
      if (waiting && String(e.data).includes(waiting)) received++;
    });
  });
}
sockets.push(await open());
await sleep(1000);
const base = rssMiB();
const steps = [];
let failure = null;
while (sockets.length < SOCKETS && !failure) {
  const target = Math.min(SOCKETS, sockets.length + STEP);
  try {
    while (sockets.length < target) {
      const batch = [];
      for (let i = 0; i < 50 && sockets.length + batch.length < target; i++) batch.push(open());
      sockets.push(...(await Promise.all(batch)));
    }
  } catch (e) {
    failure = `opening socket ${sockets.length + 1}: ${e?.message ?? e}`;
  }
  await sleep(1500);
  const rss = rssMiB();
  steps.push({ sockets: sockets.length, rssMiB: Math.round(rss), kibPerSocket: Math.round(((rss - base) * 1024) / (sockets.length - 1)) });
}

// One call, pushed to every screen: how long until the last one has it.
waiting = '"type":"html"';
received = 0;
const t0 = performance.now();
await post("counter", "/api/halls/demo/windows/1/call", {});
while (received < sockets.length && performance.now() - t0 < 30000) await sleep(5);
const fanoutMs = Math.round(performance.now() - t0);

const result = {
  bench: "selfhost",
  runtime: `${execFileSync(join(root, "node_modules", ".bin", "workerd"), ["--version"]).toString().trim()}`,
  machine: { cpus: (await import("node:os")).cpus().length, memoryGiB: Math.round((await import("node:os")).totalmem() / 2 ** 30) },
  baseRssMiB: Math.round(base),
  steps,
  callReachedAll: { screens: sockets.length, received, ms: fanoutMs },
  failure,
};
console.log(JSON.stringify(result, null, 2));
for (const ws of sockets) ws.close();
server.kill("SIGTERM");
await exited;
rmSync(data, { recursive: true, force: true });
process.exit(0);
