/**
 * The long fault runs against a real `wrangler dev`: `npm run soak` (after the Workers-pool
 * soak suite). Prints one JSON object per run and exits non-zero if any check fails.
 *
 * 1. Jitter: SOAK_SCREENS (20) screens on the JSON feed, each cut every ~15 s and offline ~2 s,
 *    while a random hall day runs at ~5 commands/s for SOAK_MINUTES (3). Every screen must end
 *    with the hall's exact state, having applied every event once and in order, and speak no
 *    call twice. If the announcer page exists, a real Chromium announcer (fake voices) runs too,
 *    its socket cut the same way: it must speak no callId twice.
 * 2. Restart: SOAK_RESTART_CLIENTS (200) screens connected; the whole dev server is stopped and
 *    started again on the same port with the same storage. All must reconnect (with live.js's
 *    jittered backoff) and resync; how long that takes is reported.
 */
import { deepStrictEqual } from "node:assert";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { RandomDay, Screen, random } from "../tests/fault-support.js";
import { api, demoHall, devServer, print, progress, sleep } from "./bench/support.js";

const MINUTES = Number(process.env.SOAK_MINUTES ?? 3);
const SCREENS = Number(process.env.SOAK_SCREENS ?? 20);
const RESTART_CLIENTS = Number(process.env.SOAK_RESTART_CLIENTS ?? 200);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SEED = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);
const failures: string[] = [];

/** A screen over a real socket, reconnecting like display/browser/live.js: since=, full-jitter backoff. */
class LiveScreen {
  readonly screen: Screen;
  #ws: WebSocket | null = null;
  #attempt = 0;
  #holdUntil = 0;
  #stopped = false;
  connectedAt = 0;

  constructor(
    readonly base: string,
    readonly hall: string,
    readonly rnd: () => number,
  ) {
    this.screen = new Screen(hall);
  }

  get online(): boolean {
    return this.#ws?.readyState === WebSocket.OPEN;
  }

  connect(): void {
    if (this.#stopped) return;
    const ws = new WebSocket(`${this.base.replace(/^http/, "ws")}/api/halls/${this.hall}/live?since=${this.screen.seq}`, ["tongban.v1", "bearer.dev-display"]);
    this.#ws = ws;
    ws.addEventListener("open", () => {
      this.#attempt = 0;
      this.screen.connects++;
      this.connectedAt = performance.now();
    });
    ws.addEventListener("message", (e) => {
      if (this.#ws === ws) this.screen.receive(String(e.data));
    });
    const retry = () => {
      if (this.#ws !== ws || this.#stopped) return;
      this.#ws = null;
      const delay = this.rnd() * Math.min(30_000, 500 * 2 ** this.#attempt++);
      setTimeout(() => this.connect(), Math.max(delay, this.#holdUntil - Date.now()));
    };
    ws.addEventListener("close", retry);
    // Node's WebSocket reports a refused connection with "error" and no "close".
    ws.addEventListener("error", retry);
  }

  /** Cuts the socket; it stays away at least `offlineMs`. */
  cut(offlineMs: number): void {
    this.#holdUntil = Date.now() + offlineMs;
    this.#ws?.close();
  }

  stop(): void {
    this.#stopped = true;
    this.#ws?.close(1000);
  }
}

/** The hall as a screen that saw every event holds it. */
async function reference(base: string, hall: string): Promise<Screen> {
  const ref = new LiveScreen(base, hall, () => 0.5);
  ref.connect();
  const head = (await api(base, "display", "GET", `/api/halls/${hall}`)).body.seq as number;
  for (let i = 0; i < 200 && ref.screen.seq < head; i++) await sleep(50);
  ref.stop();
  return ref.screen;
}

function check(name: string, ok: boolean, detail: unknown): void {
  if (!ok) failures.push(`${name}: ${JSON.stringify(detail)}`);
}

/** Headless Chromium has no voices: two that "speak" for 100 ms each, so calls keep flowing. */
const FAKE_VOICES = `(() => {
  class Utterance {
    constructor(text) { Object.assign(this, { text, lang: "", voice: null, rate: 1, volume: 1, pitch: 1, onstart: null, onend: null, onerror: null }); }
  }
  window.SpeechSynthesisUtterance = Utterance;
  const voices = [
    { name: "Microsoft Huihui - Chinese (Simplified, PRC)", lang: "zh-CN", localService: true },
    { name: "Microsoft Tracy - Chinese (Traditional, Hong Kong S.A.R.)", lang: "zh-HK", localService: true },
  ];
  const synth = window.speechSynthesis;
  Object.defineProperty(synth, "getVoices", { value: () => voices });
  Object.defineProperty(synth, "speaking", { get: () => false });
  Object.defineProperty(synth, "pending", { get: () => false });
  Object.defineProperty(synth, "cancel", { value: () => {} });
  Object.defineProperty(synth, "speak", { value: (u) => setTimeout(() => u.onend && u.onend({}), 100) });
})()`;

/** Follows a Chromium announcer's on-page log (it shows the last 8) and counts spoken callIds. */
async function announcer(browser: Browser, base: string, hall: string) {
  const page: Page = await browser.newPage();
  // A string, not a function: tsx's name helpers do not exist inside the page.
  await page.addInitScript(FAKE_VOICES);
  await page.goto(`${base}/halls/${hall}/announcer?token=dev-display`);
  await page.waitForFunction("window.tongbanAnnouncer && window.tongbanAnnouncer.status !== null", undefined, { timeout: 30_000 });
  const spoken = new Map<string, number>();
  let last: string[] = [];
  const poll = async () => {
    const log = (await page.evaluate("window.tongbanAnnouncer.log")) as Array<{ callId: string; outcome: string; time: string }>;
    const keys = log.map((e) => `${e.callId}|${e.outcome}|${e.time}`);
    // New entries are unshifted: find how far the old list moved down.
    let known = 0;
    while (known < keys.length && !keys.slice(known).every((k, j) => j >= last.length || k === last[j])) known++;
    const fresh = log.slice(0, last.length === 0 ? keys.length : known);
    for (const e of fresh) if (e.outcome === "spoken") spoken.set(e.callId, (spoken.get(e.callId) ?? 0) + 1);
    last = keys;
  };
  return {
    page,
    spoken,
    poll,
    drop: (ms: number) => page.evaluate(`window.tongbanAnnouncer.drop(${ms})`),
    seq: async () => (await page.evaluate("window.tongbanAnnouncer.seq")) as number,
  };
}

async function jitter(): Promise<void> {
  const server = await devServer();
  const hall = "soak-jitter";
  const rnd = random(SEED);
  let browser: Browser | null = null;
  try {
    await demoHall(server.url, hall);
    await api(server.url, "manager", "PATCH", `/api/halls/${hall}`, { announcer: { repeat: 1, chime: false } });
    const screens = Array.from({ length: SCREENS }, () => new LiveScreen(server.url, hall, rnd));
    screens.forEach((s) => s.connect());
    let speaker: Awaited<ReturnType<typeof announcer>> | null = null;
    if (existsSync("announcer/browser/announcer.js") && existsSync(CHROMIUM)) {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required"] });
      speaker = await announcer(browser, server.url, hall);
    }
    const day = new RandomDay(hall, SEED, `soak${SEED}`);
    const until = Date.now() + MINUTES * 60_000;
    const nextCut = screens.map(() => Date.now() + rnd() * 15_000);
    let nextAnnouncerCut = Date.now() + 15_000;
    let commands = 0;
    let cuts = 0;
    progress(`soak: jitter for ${MINUTES} min, ${SCREENS} screens${speaker ? " and a Chromium announcer" : ""}`);
    while (Date.now() < until) {
      const request = day.next();
      const res = await fetch(`${server.url}${request.path}`, {
        method: request.method,
        headers: { Authorization: `Bearer dev-${request.role}`, "Content-Type": "application/json" },
        body: JSON.stringify(request.body),
      }).catch(() => null);
      if (res) {
        const body = await res.json().catch(() => null);
        if (res.status < 300) day.learn(request, body);
        check("no 5xx", res.status < 500, { status: res.status, body });
      }
      commands++;
      const now = Date.now();
      screens.forEach((s, i) => {
        if (now >= nextCut[i]!) {
          s.cut(1500 + rnd() * 1000);
          cuts++;
          nextCut[i] = now + 15_000 * (0.7 + rnd() * 0.6);
        }
      });
      if (speaker) {
        if (now >= nextAnnouncerCut) {
          await speaker.drop(2000);
          nextAnnouncerCut = now + 15_000 * (0.7 + rnd() * 0.6);
        }
        await speaker.poll();
      }
      await sleep(200);
    }
    const head = (await api(server.url, "display", "GET", `/api/halls/${hall}`)).body.seq as number;
    // A screen that met a closed port (wrangler reloads when a source file changes) backs off up to 30 s.
    for (let i = 0; i < 900 && screens.some((s) => s.screen.seq < head); i++) await sleep(100);
    const ref = await reference(server.url, hall);
    for (const [i, s] of screens.entries()) {
      check(`screen ${i} problems`, s.screen.problems.length === 0, s.screen.problems.slice(0, 5));
      check(`screen ${i} duplicates`, s.screen.duplicates === 0, s.screen.duplicates);
      check(`screen ${i} at head`, s.screen.seq === head, { seq: s.screen.seq, head });
      try {
        deepStrictEqual(JSON.parse(JSON.stringify(s.screen.state)), JSON.parse(JSON.stringify(ref.state)));
      } catch {
        check(`screen ${i} state`, false, "differs from the hall's");
      }
      s.stop();
    }
    let announcerReport: Record<string, unknown> | null = null;
    if (speaker) {
      for (let i = 0; i < 100 && (await speaker.seq()) < head; i++) await sleep(100);
      await sleep(2000);
      await speaker.poll();
      const twice = [...speaker.spoken].filter(([, n]) => n > 1);
      check("announcer speaks no call twice", twice.length === 0, twice.slice(0, 5));
      announcerReport = { spoken: speaker.spoken.size, spokenTwice: twice.length, seq: await speaker.seq() };
    }
    const calls = ref.spoken.size;
    print({
      measurement: "soak.jitter",
      seed: SEED,
      minutes: MINUTES,
      screens: SCREENS,
      commands,
      cuts,
      reconnects: screens.reduce((n, s) => n + s.screen.connects, 0),
      events: head,
      calls,
      screensAtHead: screens.filter((s) => s.screen.seq === head).length,
      serverReloads: server.log().split("Reloading local server").length - 1,
      announcer: announcerReport,
    });
  } finally {
    await browser?.close();
    await server.stop();
  }
}

async function restart(): Promise<void> {
  const storage = mkdtempSync(join(tmpdir(), "tongban-soak-"));
  let server = await devServer({ persistTo: storage });
  const port = Number(new URL(server.url).port);
  const hall = "soak-restart";
  const rnd = random(SEED + 1);
  try {
    await demoHall(server.url, hall);
    for (let i = 0; i < 20; i++) await api(server.url, "kiosk", "POST", `/api/halls/${hall}/tickets`, { category: i % 2 ? "traffic" : "household" });
    const clients = Array.from({ length: RESTART_CLIENTS }, () => new LiveScreen(server.url, hall, rnd));
    for (let i = 0; i < clients.length; i += 50) {
      clients.slice(i, i + 50).forEach((c) => c.connect());
      await sleep(300);
    }
    for (let i = 0; i < 200 && clients.some((c) => !c.online); i++) await sleep(100);
    const seqBefore = (await api(server.url, "display", "GET", `/api/halls/${hall}`)).body.seq as number;
    progress(`soak: ${clients.filter((c) => c.online).length} clients connected; restarting the dev server`);

    const t0 = performance.now();
    await server.stop();
    const stoppedMs = performance.now() - t0;
    server = await devServer({ port, persistTo: storage });
    const upMs = performance.now() - t0;
    // The hall moves on while screens are still reconnecting.
    const called = await api(server.url, "counter", "POST", `/api/halls/${hall}/windows/1/call`);
    check("the hall kept its queue across the restart", Boolean(called.body?.ticket), called.body);
    const head = (await api(server.url, "display", "GET", `/api/halls/${hall}`)).body.seq as number;
    check("seq continues after the restart", head > seqBefore, { seqBefore, head });
    let allOnlineMs: number | null = null;
    let allSyncedMs: number | null = null;
    for (let i = 0; i < 1200 && allSyncedMs === null; i++) {
      if (allOnlineMs === null && clients.every((c) => c.online)) allOnlineMs = performance.now() - t0;
      if (clients.every((c) => c.online && c.screen.seq === head)) allSyncedMs = performance.now() - t0;
      else await sleep(100);
    }
    check("all clients reconnected and resynced within 120 s", allSyncedMs !== null, { online: clients.filter((c) => c.online).length });
    const ref = await reference(server.url, hall);
    const wrong = clients.filter((c) => {
      try {
        deepStrictEqual(JSON.parse(JSON.stringify(c.screen.state)), JSON.parse(JSON.stringify(ref.state)));
        return c.screen.problems.length > 0;
      } catch {
        return true;
      }
    });
    check("every client holds the hall's exact state", wrong.length === 0, { wrong: wrong.length, problems: wrong[0]?.screen.problems.slice(0, 3) });
    const reconnectedAt = clients.map((c) => c.connectedAt - t0).sort((a, b) => a - b);
    print({
      measurement: "soak.restart",
      clients: RESTART_CLIENTS,
      stopMs: Math.round(stoppedMs),
      serverUpMs: Math.round(upMs),
      allReconnectedMs: allOnlineMs === null ? null : Math.round(allOnlineMs),
      allResyncedMs: allSyncedMs === null ? null : Math.round(allSyncedMs),
      medianReconnectMs: Math.round(reconnectedAt[Math.floor(reconnectedAt.length / 2)]!),
      seqBefore,
      seqAfter: head,
    });
    clients.forEach((c) => c.stop());
  } finally {
    await server.stop();
    rmSync(storage, { recursive: true, force: true });
  }
}

const only = process.env.SOAK_ONLY;
if (!only || only === "jitter") await jitter();
if (!only || only === "restart") await restart();
if (failures.length > 0) {
  for (const f of failures) process.stderr.write(`FAIL ${f}\n`);
  process.exit(1);
}
progress("soak: all checks passed");
