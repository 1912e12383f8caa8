// Benchmarks the hall screens against a real `wrangler dev`, printing one JSON object per
// measurement on stdout (progress goes to stderr):
//  - screens.first-load: bytes each page transfers on first load (HTML + CSS + JS), raw and gzip;
//  - screens.update: bytes of one live update (the HTML fragments a socket receives);
//  - screens.render: the hall object's time to render one update of each view, on a whole simulated
//    day (hundreds of tickets); each view renders once per change for all its screens;
//  - screens.call-to-screen: from a `call` API reply to the number showing in Chromium, p50/p95
//    over CALLS calls, on the main screen and on the window screen. Clocks are aligned with
//    performance.timeOrigin; a negative figure means the screen showed the number before the
//    HTTP reply reached the page (the hall sends the update before it answers).
// Run: npm run bench:screens (tsx, for tests/browser/server.ts); BENCH_CALLS=100 for more calls.
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startDevServer } from "../tests/browser/server.ts";
import { demoConfig } from "../worker/demo/hall.ts";
import { VIEWS } from "../worker/pages/registry.ts";
import { simulatedDay } from "../tests/browser/screens-simulated-day.ts";

const CALLS = Number(process.env.BENCH_CALLS ?? 30);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HALL = "bench-screens";

const emit = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const log = (m) => process.stderr.write(`bench:screens ${m}\n`);

async function api(base, role, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer dev-${role}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The busy morning the screenshots show, in short. */
async function busyHall(base) {
  await api(base, "admin", "PUT", `/api/halls/${HALL}`, { ...demoConfig(), name: "城东公安服务大厅", languages: ["cmn-Hans", "yue-Hant", "en"] });
  const names = ["王建国", "李秀英", "陈志强", "刘海燕", "张伟", "赵明华"];
  for (const [i, name] of names.entries()) {
    await api(base, "counter", "POST", `/api/halls/${HALL}/windows/${i + 1}/sign-in`, { officer: { name, badge: `0451${i}${i}` } });
  }
  const categories = ["traffic", "household", "exit-entry", "traffic", "household", "security"];
  for (let i = 0; i < 25; i++) await api(base, "kiosk", "POST", `/api/halls/${HALL}/tickets`, { category: categories[i % categories.length] });
  for (const w of ["1", "2", "3", "4", "6"]) await api(base, "counter", "POST", `/api/halls/${HALL}/windows/${w}/call`);
  // Window 5 (traffic only) works through the traffic line, so later it calls what is issued next.
  while ((await api(base, "counter", "POST", `/api/halls/${HALL}/windows/5/call`)).ticket) {
    await api(base, "counter", "POST", `/api/halls/${HALL}/windows/5/finish`);
  }
}

const PAGES = [
  { page: "main", path: `/halls/${HALL}/display`, view: "view=main" },
  { page: "window", path: `/halls/${HALL}/windows/5/screen`, view: "view=window&window=5" },
  { page: "dashboard", path: `/halls/${HALL}/dashboard`, view: "view=dashboard" },
];

async function firstLoad(base, { page, path }) {
  const html = await (await fetch(`${base}${path}?token=dev-display`)).text();
  const refs = [...html.matchAll(/<(?:link rel="stylesheet" href|script src)="([^"]+)"/g)].map((m) => m[1]);
  const parts = { html: Buffer.from(html) };
  for (const ref of refs) {
    const kind = ref.endsWith(".css") ? "css" : "js";
    const body = Buffer.from(await (await fetch(new URL(ref, base))).arrayBuffer());
    parts[kind] = Buffer.concat([parts[kind] ?? Buffer.alloc(0), body]);
    parts[`${kind}:${ref}`] = body;
  }
  const size = (b) => b?.length ?? 0;
  const gz = (b) => (b ? gzipSync(b).length : 0);
  // Each file is compressed on its own, as it travels.
  const files = Object.keys(parts).filter((k) => k === "html" || k.includes(":"));
  emit({
    measurement: "screens.first-load",
    page,
    bytes: { html: size(parts.html), css: size(parts.css), js: size(parts.js), total: files.reduce((s, k) => s + size(parts[k]), 0) },
    gzipBytes: {
      html: gz(parts.html),
      css: refs.filter((r) => r.endsWith(".css")).reduce((s, r) => s + gz(parts[`css:${r}`]), 0),
      js: refs.filter((r) => !r.endsWith(".css")).reduce((s, r) => s + gz(parts[`js:${r}`]), 0),
      total: files.reduce((s, k) => s + gz(parts[k]), 0),
    },
    files: refs,
  });
}

async function updateSize(base, { page, view }) {
  const url = `${base.replace("http", "ws")}/api/halls/${HALL}/live?${view}&token=dev-display`;
  const ws = new WebSocket(url);
  const first = await new Promise((resolve, reject) => {
    ws.onmessage = (m) => resolve(String(m.data));
    ws.onerror = () => reject(new Error(`socket ${url} failed`));
  });
  ws.close();
  const html = JSON.parse(first).html;
  emit({ measurement: "screens.update", page, bytes: Buffer.byteLength(first), gzipBytes: gzipSync(first).length, htmlBytes: Buffer.byteLength(html) });
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round1 = (x) => Math.round(x * 10) / 10;

async function callToScreen(base, browser) {
  const open = async (path, width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${base}${path}?token=dev-display`);
    await page.waitForFunction(() => window.tongbanLive && document.getElementById("live-status").hidden);
    // Notes when each ticket number first shows, on the clock every page of this browser shares.
    await page.evaluate(() => {
      window.__shown = {};
      new MutationObserver(() => {
        const n = document.querySelector("#now-calling .call-ticket, .ws-number")?.textContent;
        if (n && !(n in window.__shown)) window.__shown[n] = performance.timeOrigin + performance.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return page;
  };
  const main = await open(`/halls/${HALL}/display`, 1920, 1080);
  const screen = await open(`/halls/${HALL}/windows/5/screen`, 480, 160);
  const samples = { main: [], window: [], requestToMain: [], reply: [] };
  for (let i = 0; i < CALLS; i++) {
    const issued = await api(base, "kiosk", "POST", `/api/halls/${HALL}/tickets`, { category: "traffic" });
    // Window 5 takes only traffic, and has just finished: the ticket it calls is the one issued.
    const seq = (await api(base, "display", "GET", `/api/halls/${HALL}`)).seq;
    for (const p of [main, screen]) {
      await p.waitForFunction((n) => Number(document.body.dataset.seq ?? JSON.parse(document.getElementById("tongban-live").textContent).seq) >= n, seq);
    }
    const timing = await main.evaluate(async (hall) => {
      const sent = performance.timeOrigin + performance.now();
      const res = await fetch(`/api/halls/${hall}/windows/5/call`, { method: "POST", headers: { Authorization: "Bearer dev-counter" } });
      const body = await res.json();
      return { sent, reply: performance.timeOrigin + performance.now(), number: body.ticket?.number };
    }, HALL);
    if (timing.number !== issued.ticket.number) throw new Error(`window 5 called ${timing.number}, expected ${issued.ticket.number}`);
    const shownMain = await (await main.waitForFunction((n) => window.__shown[n], timing.number)).jsonValue();
    const shownWindow = await (await screen.waitForFunction((n) => window.__shown[n], timing.number)).jsonValue();
    samples.main.push(shownMain - timing.reply);
    samples.window.push(shownWindow - timing.reply);
    samples.requestToMain.push(shownMain - timing.sent);
    samples.reply.push(timing.reply - timing.sent);
    await api(base, "counter", "POST", `/api/halls/${HALL}/windows/5/finish`);
  }
  const stats = (xs) => ({ p50: round1(percentile(xs, 50)), p95: round1(percentile(xs, 95)), min: round1(Math.min(...xs)), max: round1(Math.max(...xs)) });
  emit({ measurement: "screens.call-to-screen", page: "main", from: "call reply", calls: CALLS, ms: stats(samples.main) });
  emit({ measurement: "screens.call-to-screen", page: "window", from: "call reply", calls: CALLS, ms: stats(samples.window) });
  emit({ measurement: "screens.call-to-screen", page: "main", from: "call request", calls: CALLS, ms: stats(samples.requestToMain) });
  emit({ measurement: "screens.call-reply", calls: CALLS, ms: stats(samples.reply) });
}

function renderTimes() {
  const { state, now } = simulatedDay();
  for (const [view, params] of [["main", ""], ["window", "window=5"], ["dashboard", ""]]) {
    const p = new URLSearchParams(params);
    const html = VIEWS[view].fragments(state, now, p);
    for (let i = 0; i < 20; i++) VIEWS[view].fragments(state, now, p);
    const runs = 200;
    const start = performance.now();
    for (let i = 0; i < runs; i++) VIEWS[view].fragments(state, now, p);
    const ms = (performance.now() - start) / runs;
    emit({ measurement: "screens.render", page: view, tickets: Object.keys(state.tickets).length, msEach: Math.round(ms * 100) / 100, htmlBytes: Buffer.byteLength(html) });
  }
}

renderTimes();
const server = await startDevServer();
let browser;
try {
  log(`wrangler dev at ${server.url}`);
  await busyHall(server.url);
  for (const p of PAGES) await firstLoad(server.url, p);
  for (const p of PAGES) await updateSize(server.url, p);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  log(`measuring ${CALLS} calls`);
  await callToScreen(server.url, browser);
} finally {
  await browser?.close();
  await server.stop();
}
