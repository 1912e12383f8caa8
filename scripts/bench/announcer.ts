/**
 * Does the call announcer keep up at peak? `npm run bench:announcer`.
 *
 * A fresh `wrangler dev`, one demo-like hall per pace (its settings: a chime, each call twice in
 * Mandarin and Cantonese) and one announcer page in Chromium whose Web Speech voices (a Windows
 * PC's Huihui and Tracy, recorded by tests/browser/speech-recorder.ts) speak ¼ s a
 * character, as long as a real voice: about 4 s a sentence, 9 s a call said once. Calls are made
 * through the API as a window terminal makes them (finish, then call), one every
 * BENCH_ANNOUNCER_PACES seconds (12, 9 and 6, each in its own hall and page, run side by side),
 * BENCH_ANNOUNCER_CALLS (20) of them. The lag of a call is from sending its `call` request to
 * its first word (the Mandarin sentence starting; the chime is before it).
 *
 * The target (issue 11): at one call every 12 s, every call starts within 15 s of being made.
 * BENCH_ANNOUNCER_CALLS=6 gives a quicker, rougher run (about 1.5 minutes).
 */
import { chromium, type Page } from "playwright-core";
import { callWords } from "../../announcer/words.js";
import { recordSpeech, WINDOWS_VOICES } from "../../tests/browser/speech-recorder.js";
import { api, demoHall, devServer, machine, percentiles, print, progress, sleep } from "./support.js";

const CALLS = Number(process.env.BENCH_ANNOUNCER_CALLS ?? 20);
const PACES = (process.env.BENCH_ANNOUNCER_PACES ?? "12,9,6").split(",").map(Number);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TARGET_MS = 15_000;
/** The demo hall's windows that serve household registration; calls go round them. */
const WINDOWS = ["1", "2", "3", "4", "6"];

interface Made {
  ticket: string;
  window: number;
  /** Epoch ms when the `call` request was sent. */
  sentAt: number;
}

async function openAnnouncer(page: Page, base: string, hall: string): Promise<void> {
  await page.goto(`${base}/halls/${hall}/announcer?token=dev-display`);
  await page.waitForFunction(() => {
    const a = (globalThis as any).tongbanAnnouncer;
    return a && a.status !== null && a.sound === true && (globalThis as any).document.querySelector("#an-link")?.getAttribute("data-online") === "true";
  });
}

/** One call as a window terminal makes it: the window's last ticket finished, a ticket issued, the call. */
async function makeCall(base: string, hall: string, window: string): Promise<Made> {
  await api(base, "counter", "POST", `/api/halls/${hall}/windows/${window}/finish`);
  const issued = await api(base, "kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
  if (issued.status !== 201) throw new Error(`issue: ${issued.status} ${JSON.stringify(issued.body)}`);
  const sentAt = Date.now();
  const called = await api(base, "counter", "POST", `/api/halls/${hall}/windows/${window}/call`);
  if (called.status !== 200 || !called.body.ticket) throw new Error(`call: ${called.status} ${JSON.stringify(called.body)}`);
  return { ticket: called.body.ticket.number, window: Number(window), sentAt };
}

/** When (epoch ms) the page's voices started each sentence it has said so far. */
async function spokenAt(page: Page): Promise<Map<string, number>> {
  const list: Array<[string, number]> = await page.evaluate(() =>
    (globalThis as any).__recorded.timeline.filter((e: any) => e.kind === "speak").map((e: any) => [e.text, performance.timeOrigin + e.t]),
  );
  const first = new Map<string, number>();
  for (const [text, at] of list) if (!first.has(text)) first.set(text, at);
  return first;
}

async function measure(base: string, page: Page, everySeconds: number): Promise<Record<string, unknown>> {
  const hall = `bench-announcer-${everySeconds}s`;
  await demoHall(base, hall);
  // tsx keeps function names with a `__name` helper that does not exist inside the page.
  await page.addInitScript("window.__name = (f) => f");
  await recordSpeech(page, WINDOWS_VOICES, { msPerCharacter: 250 });
  await openAnnouncer(page, base, hall);
  const made: Made[] = [];
  const start = Date.now();
  for (let i = 0; i < CALLS; i++) {
    // On a fixed timetable, so the time a call takes to make does not slow the pace.
    await sleep(Math.max(0, start + i * everySeconds * 1000 - Date.now()));
    made.push(await makeCall(base, hall, WINDOWS[i % WINDOWS.length]!));
  }
  progress(`announcer: ${everySeconds} s pace: ${CALLS} calls made, waiting for the last to be said`);
  const first = made.map((m) => callWords(m, ["cmn-Hans"])[0]!.speech);
  // Until every call's first word is heard, or it has had more than the 3-minute age limit.
  await page
    .waitForFunction((texts) => texts.every((t) => (globalThis as any).__recorded.timeline.some((e: any) => e.kind === "speak" && e.text === t)), first, {
      timeout: 200_000,
      polling: 250,
    })
    .catch(() => progress(`announcer: ${everySeconds} s pace: not every call was said`));
  // Until the last call's rounds are over too, so the log says how often each call was said.
  await page
    .waitForFunction((shown) => (globalThis as any).tongbanAnnouncer.log.length >= shown, Math.min(CALLS, 8), { timeout: 60_000, polling: 250 })
    .catch(() => progress(`announcer: ${everySeconds} s pace: still speaking`));
  const at = await spokenAt(page);
  const lags = made.map((m, i) => (at.has(first[i]!) ? at.get(first[i]!)! - m.sentAt : NaN));
  const heard = lags.filter(Number.isFinite);
  const p = percentiles(heard);
  const worst = p.max;
  const rounds: number[] = await page.evaluate(() => (globalThis as any).tongbanAnnouncer.log.map((e: any) => e.rounds));
  return {
    measurement: "announcer.lag",
    everySeconds,
    calls: CALLS,
    said: heard.length,
    worstLagMs: Math.round(worst),
    p50LagMs: Math.round(p.p50),
    lastLagMs: Math.round(lags[lags.length - 1]!),
    targetMs: TARGET_MS,
    withinTarget: heard.length === CALLS && worst <= TARGET_MS,
    lagsSeconds: lags.map((l) => Math.round(l / 100) / 10),
    // How often each of the last 8 calls (the page's log) was said, oldest first: once while
    // others waited, twice when it had caught up.
    roundsOfLast8: rounds.reverse(),
    visibility: await page.evaluate(() => (globalThis as any).document.visibilityState),
  };
}

async function main(): Promise<void> {
  print(machine());
  const server = await devServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--autoplay-policy=no-user-gesture-required"],
  });
  try {
    progress(`announcer: ${CALLS} calls at one every ${PACES.join(", ")} s, side by side`);
    const results = await Promise.all(
      PACES.map(async (everySeconds) => {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        try {
          return await measure(server.url, await context.newPage(), everySeconds);
        } finally {
          await context.close();
        }
      }),
    );
    for (const r of results) print(r);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
