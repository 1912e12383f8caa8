// The proof that Tongban runs on a hall's own server (issue 24 §5): the production bundle under
// workerd via `npm run serve`, on a temporary data directory, checked from outside as kiosks,
// windows and screens use it. Run by .ci/run after `npm test`; prints `selfhost: N passed, M failed`.
//
// Then two deployments side by side (issue 24 §4): a hall box reporting to its city's server over
// a link the proof cuts, the city server killed and started again (scripts/selfhost-federation.mjs). Ports:
// PROOF_PORT (18990) and the three after it.
//
// The hall runs in development mode only for its injected clock (TONGBAN_CLOCK, 09:00 on a fixed
// Tuesday in Shanghai, then 23:59:57 the same day for the midnight alarm) and the seeded demo hall.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { archives } from "./selfhost-archives.mjs";
import { federation } from "./selfhost-federation.mjs";

// Node 22 has WebSocket built in; older ones take it from the ws package (wrangler's own).
const WebSocket = globalThis.WebSocket ?? (await import("ws")).default;
const root = join(fileURLToPath(import.meta.url), "..", "..");
const PORT = Number(process.env.PROOF_PORT ?? 18990);
const BASE = `http://127.0.0.1:${PORT}`;
const MORNING = "2031-03-04T09:00:00+08:00";
const BEFORE_MIDNIGHT = "2031-03-04T23:59:57+08:00";
const data = mkdtempSync(join(tmpdir(), "tongban-selfhost-"));
let passed = 0;
let failed = 0;
let server = null;
/** workerd processes of the two-deployment proof still running, for the cleanup after a throw. */
const running = new Set();
/** The network between the hall box and its city server (a TCP relay the proof can cut). */


function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `: ${detail}`}`);
}

const answers = () => fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);

async function start(clock = MORNING) {
  return (server = await launch({ port: PORT, dir: data, clock }));
}

/** `npm run serve --development` on `port` with its data in `dir`; resolves once it answers. */
async function launch({ port, dir, clock, env = {} }) {
  const health = () => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
  if (await health()) throw new Error(`something already answers on port ${port} (set PROOF_PORT)`);
  const child = spawn(process.execPath, [join(root, "scripts", "serve.mjs"), "--development"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", TONGBAN_DATA: dir, TONGBAN_MODE: "development", TONGBAN_CLOCK: clock, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  child.exited = new Promise((resolve) => child.on("exit", resolve));
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    if (await health()) return child;
    await sleep(100);
  }
  child.kill("SIGTERM");
  throw new Error(`workerd did not answer:\n${log}`);
}

/** The workerd process under serve.mjs. */
const workerdPid = (child) => Number(execFileSync("pgrep", ["-P", String(child.pid)]).toString().trim().split("\n")[0]);

async function stop(child = server) {
  child.kill("SIGTERM");
  await child.exited;
}

async function kill9(child = server) {
  process.kill(workerdPid(child), "SIGKILL");
  await child.exited;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function api(role, method, path, body, headers = {}, base = BASE) {
  const init = { method, headers: { Authorization: `Bearer dev-${role}`, ...headers } };
  if (body !== undefined) {
    if (body instanceof FormData) init.body = body;
    else {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, body: json ?? text, text, headers: res.headers };
}

const snapshot = async () => (await api("display", "GET", "/api/halls/demo")).body;
const events = async () => {
  const res = await api("manager", "GET", "/api/halls/demo/events?after=0&limit=10000");
  if (res.status !== 200) throw new Error(`the event log answered ${res.status} ${res.text}`);
  return res.text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
};

function openFeed(query = "") {
  const socket = new WebSocket(`ws://127.0.0.1:${PORT}/api/halls/demo/live?token=dev-display${query}`);
  const messages = [];
  socket.addEventListener("message", (e) => messages.push(JSON.parse(e.data)));
  const opened = new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve);
    socket.addEventListener("error", reject);
  });
  return {
    socket,
    messages,
    opened,
    async until(test, ms = 5000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const found = messages.find(test);
        if (found) return found;
        await sleep(50);
      }
      return null;
    },
  };
}

function png() {
  // A 1×1 red PNG.
  return Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
}

try {
  // Refused as on Cloudflare: no tokens, dev tokens, development mode without asking for it.
  const refuse = (env) => spawnSync(process.execPath, [join(root, "scripts", "serve.mjs")], { env: { ...process.env, TONGBAN_MODE: "", TONGBAN_TOKENS: "", ...env, PORT: String(PORT), TONGBAN_DATA: data }, encoding: "utf8" });
  let r = refuse({});
  check("serve refuses to start without TONGBAN_TOKENS", r.status === 1 && /TONGBAN_TOKENS/.test(r.stderr), r.stderr);
  r = refuse({ TONGBAN_TOKENS: '{"dev-manager":"manager"}', TONGBAN_TICKET_SECRET: "x".repeat(40) });
  check("serve refuses dev-* tokens", r.status === 1 && /dev/.test(r.stderr), r.stderr);
  r = refuse({ TONGBAN_TOKENS: `{"${"m".repeat(30)}":"manager"}` });
  check("serve refuses a missing TONGBAN_TICKET_SECRET", r.status === 1 && /TONGBAN_TICKET_SECRET/.test(r.stderr), r.stderr);
  r = refuse({ TONGBAN_MODE: "development" });
  check("serve refuses TONGBAN_MODE=development unless --development", r.status === 1 && /development/.test(r.stderr), r.stderr);

  // The production bundle, as `npm run build` makes it for Cloudflare (serve.mjs would build a
  // stale one itself, but inside the first start's time limit).
  const build = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", "dist"], { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: "false" }, encoding: "utf8" });
  check("the production bundle builds", build.status === 0, build.stderr);
  await start();

  // Issue, call, and a screen's live update over the WebSocket.
  const feed = openFeed("&since=0");
  await feed.opened;
  const first = await feed.until(() => true);
  const issued = await api("kiosk", "POST", "/api/halls/demo/tickets", { category: "traffic" });
  check("a ticket is issued", issued.status === 201, JSON.stringify(issued.body));
  const called = await api("counter", "POST", "/api/halls/demo/windows/1/call", {});
  check("window 1 calls it", called.status === 200 && called.body.ticket?.id === issued.body.ticket?.id, JSON.stringify(called.body));
  const seqAfterCall = (await snapshot()).seq;
  const pushed = await feed.until((m) => typeof m.seq === "number" && m.seq >= seqAfterCall && m !== first);
  check("a connected screen gets the call over its WebSocket", pushed !== null, JSON.stringify(feed.messages.map((m) => [m.type, m.seq])));
  feed.socket.close();

  // A page and its static files.
  const page = await fetch(`${BASE}/halls/demo/display?token=dev-display`);
  const html = await page.text();
  check("the hall screen page answers", page.status === 200 && /<html/.test(html), String(page.status));
  const files = [...html.matchAll(/(?:src|href)="(\/static\/[^"?]+)/g)].map((m) => m[1]);
  check("the page names static files", files.length > 0);
  for (const file of files) {
    const res = await fetch(BASE + file);
    await res.arrayBuffer();
    const type = res.headers.get("Content-Type") ?? "";
    check(`static ${file}`, res.status === 200 && (/\.js$/.test(file) ? type.startsWith("text/javascript") : /\.css$/.test(file) ? type.startsWith("text/css") : true), `${res.status} ${type}`);
  }
  const missing = await fetch(`${BASE}/static/no-such-file.js`);
  check("a missing static file is the Worker's JSON 404", missing.status === 404 && /json/.test(missing.headers.get("Content-Type") ?? ""), String(missing.status));
  const etag = (await fetch(`${BASE}${files[0]}`)).headers.get("ETag");
  const again = await fetch(`${BASE}${files[0]}`, { headers: { "If-None-Match": etag ?? "" } });
  check("a static file revalidates with 304", again.status === 304, String(again.status));

  // An image uploaded and served, from the disk store.
  const form = new FormData();
  form.set("file", new Blob([png()], { type: "image/png" }), "red.png");
  form.set("item", JSON.stringify({ seconds: 10 }));
  const uploaded = await api("manager", "POST", "/api/halls/demo/content", form);
  const src = uploaded.body?.item?.media?.src;
  check("an image is uploaded", uploaded.status === 201 && !!src, JSON.stringify(uploaded.body));
  const served = await fetch(BASE + src);
  const bytes = Buffer.from(await served.arrayBuffer());
  check("the image is served with its type and caching", served.status === 200 && bytes.equals(png()) && served.headers.get("Content-Type") === "image/png" && /immutable/.test(served.headers.get("Cache-Control") ?? ""), `${served.status} ${served.headers.get("Content-Type")}`);

  const revalidated = await fetch(BASE + src, { headers: { "If-None-Match": served.headers.get("ETag") ?? "" } });
  check("the image revalidates with 304", revalidated.status === 304, String(revalidated.status));

  // kill -9 during a burst of 200 commands with commandIds.
  const acked = new Map();
  let sent = 0;
  const burst = async () => {
    while (sent < 200) {
      const commandId = `burst-${sent++}`;
      try {
        const res = await api("kiosk", "POST", "/api/halls/demo/tickets", { category: "household", commandId });
        if (res.status === 201) acked.set(commandId, res.body.ticket.id);
      } catch {
        return; // the server is gone
      }
    }
  };
  const workers = Array.from({ length: 8 }, burst);
  while (acked.size < 80) await sleep(5);
  await kill9();
  await Promise.all(workers);
  check("the burst was cut short by kill -9", acked.size < 200, `${acked.size} acknowledged`);
  await start();
  const log = await events();
  const issuedIds = log.filter((e) => e.type === "ticket.issued").map((e) => e.ticket.id);
  const counts = new Map();
  for (const id of issuedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const lost = [...acked.values()].filter((id) => counts.get(id) !== 1);
  check(`every acknowledged command (${acked.size}) is there exactly once after the restart`, lost.length === 0 && [...counts.values()].every((n) => n === 1), lost.join(","));
  const replay = await api("kiosk", "POST", "/api/halls/demo/tickets", { category: "household", commandId: [...acked.keys()][0] });
  check("a retried commandId replays its first reply", replay.headers.get("Idempotent-Replayed") === "true" && replay.body.ticket?.id === [...acked.values()][0], JSON.stringify(replay.body));
  const seqs = log.map((e) => e.seq);
  const before = (await snapshot()).seq;
  check("the event log has no gap", seqs.every((s, i) => s === i + 1) && before === seqs.length, `seq ${before}, ${seqs.length} events`);
  const next = await api("kiosk", "POST", "/api/halls/demo/tickets", { category: "household" });
  const after = (await snapshot()).seq;
  check("seq continues where it stopped", next.status === 201 && after === before + 1, `${before} → ${after}`);
  const servedAgain = await fetch(BASE + src);
  check("the image is served again after the restart", servedAgain.status === 200 && Buffer.from(await servedAgain.arrayBuffer()).equals(png()));

  // Backup while serving (deploy/backup.sh), wipe, restore: the same hall.
  const kept = { snapshot: await snapshot(), events: await events() };
  const backup = `${data}.backup`;
  const copied = spawnSync("sh", [join(root, "deploy", "backup.sh"), data, backup], { encoding: "utf8" });
  check("deploy/backup.sh copies the data while serving", copied.status === 0, copied.stderr);
  await stop();
  rmSync(data, { recursive: true, force: true });
  await start();
  const wiped = await snapshot();
  check("a wiped box starts a fresh hall", wiped.seq < kept.snapshot.seq, `${wiped.seq}`);
  await stop();
  rmSync(data, { recursive: true, force: true });
  cpSync(backup, data, { recursive: true });
  rmSync(backup, { recursive: true, force: true });
  await start();
  const restored = { snapshot: await snapshot(), events: await events() };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  check("the restore gives back the same snapshot", restored.snapshot.seq === kept.snapshot.seq && same(restored.snapshot.waiting, kept.snapshot.waiting) && same(restored.snapshot.windows, kept.snapshot.windows), `seq ${restored.snapshot.seq} vs ${kept.snapshot.seq}`);
  check("the restore gives back the same event log", same(restored.events, kept.events));
  check("the image is back after the restore", (await fetch(BASE + src)).status === 200);
  const removed = await api("manager", "DELETE", `/api/halls/demo/content/${uploaded.body.item.id}`);
  let gone = null;
  for (let i = 0; i < 50 && gone !== 404; i++) {
    await sleep(100);
    gone = (await fetch(BASE + src)).status;
  }
  check("a removed image is deleted from the disk store", removed.status === 200 && gone === 404, `${removed.status}, then ${gone}`);

  // The client's address under workerd is the socket's peer (worker/access/client-address.ts): a
  // stranger sending a new CF-Connecting-IP with each wrong password is still one place, and waits.
  await api("manager", "PUT", "/api/halls/demo/staff/proof", { name: "自证", badge: "P001", access: "counter", password: "proof pass 2031" });
  const tries = [];
  for (let i = 0; i < 6; i++) {
    const res = await fetch(`${BASE}/api/halls/demo/sessions`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: BASE, "CF-Connecting-IP": `198.51.100.${i + 1}`, "X-Forwarded-For": `198.51.100.${i + 1}` },
      body: JSON.stringify({ badge: "P001", password: `wrong ${i}` }),
    });
    tries.push(res.status);
  }
  check("a forged CF-Connecting-IP buys a stranger no fresh place: wrong tries wait (429)", tries.includes(429), tries.join(","));
  await stop();

  // An alarm firing under workerd: the hall's midnight, pushed to a screen with no request made.
  await start(BEFORE_MIDNIGHT);
  const night = openFeed();
  await night.opened;
  const today = (await night.until((m) => m.type === "snapshot"))?.state?.hall?.day;
  const rolled = await night.until((m) => m.type !== "snapshot" && JSON.stringify(m).includes("2031-03-05"), 15000);
  check("the midnight alarm fires and the new day reaches the screen", today === "2031-03-04" && rolled !== null, `${today}; ${JSON.stringify(night.messages.map((m) => m.type))}`);
  night.socket.close();
  await stop();

  // Issue 22 §2: archives on the disk media store, through a kill -9 (scripts/selfhost-archives.mjs).
  await archives({ start: () => start(), stop: () => stop(), kill9: () => kill9(), check, base: BASE, data });

  // Issue 24 §4–5: a hall box and its city's server, two workerd processes (scripts/selfhost-federation.mjs).
  await federation({ launch, stop, kill9, api, check, running, data, port: PORT, morning: MORNING });
} catch (error) {
  check("the proof ran to its end", false, error?.stack ?? String(error));
  for (const child of [server, ...running]) if (child && child.exitCode === null) await stop(child).catch(() => {});
} finally {
  for (const dir of [data, `${data}.backup`, `${data}.hall`, `${data}.upstream`]) if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

console.log(`selfhost: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
