/**
 * The announcer browser tests' side of the speech recorder (tests/browser/speech-recorder.ts):
 * reading its timeline back, opening the announcer, and making calls. Calls are always made
 * through the API, never through page.evaluate, which counts as a click.
 */
import type { Page } from "playwright-core";
import { api, baseUrl } from "./harness.js";
import type { Recorded } from "./speech-recorder.js";

export { MANDARIN_ONLY_VOICES, recordSpeech, WINDOWS_VOICES, type FakeVoice, type Recorded, type SpeechOptions, type Throws } from "./speech-recorder.js";

/** The timeline so far, each clip named by the page's pack ("cmn-Hans/qing") and its buffer's identity. */
export async function recorded(page: Page): Promise<Recorded[]> {
  return page.evaluate(() => {
    const w = window as any;
    const ids = new Map<unknown, number>();
    return w.__recorded.timeline.map((e: any) => {
      if (e.kind !== "clip") return e;
      if (!ids.has(e.buffer)) ids.set(e.buffer, ids.size);
      return { kind: "clip", clip: w.tongbanAnnouncer.clipOf(e.buffer), buffer: ids.get(e.buffer), when: e.when, offset: e.offset, duration: e.duration, t: e.t };
    });
  });
}

/** Opens the announcer of `hall` and waits until it is connected and has chosen its engines. */
export async function openAnnouncer(page: Page, hall: string, query = ""): Promise<void> {
  await page.goto(`${baseUrl()}/halls/${hall}/announcer?token=dev-display${query}`);
  try {
    await page.waitForFunction(() => {
      const a = (window as any).tongbanAnnouncer;
      return a && a.status !== null && document.querySelector("#an-link")?.getAttribute("data-online") === "true";
    });
  } catch (error) {
    const state = await page.evaluate(() => {
      const a = (window as any).tongbanAnnouncer;
      return a && { sound: a.sound, engines: a.engines, status: a.status, errors: a.errors, online: document.querySelector("#an-link")?.textContent };
    });
    throw new Error(`the announcer did not come up: ${JSON.stringify(state)}; ${error}`);
  }
}

/**
 * Issues a ticket of `category` and calls it at `window`, through the API. Returns the call
 * event's words, and its time on the hall's clock (ms), which the announcer ages calls by.
 */
export async function issueAndCall(hall: string, category: string, window: string): Promise<{ ticket: string; window: number; at: number }> {
  const issued = await api("kiosk", "POST", `/api/halls/${hall}/tickets`, { category });
  if (issued.status !== 201) throw new Error(`issue: ${issued.status} ${JSON.stringify(issued.body)}`);
  const called = await api("counter", "POST", `/api/halls/${hall}/windows/${window}/call`);
  if (called.status !== 200 || !called.body.ticket) throw new Error(`call: ${called.status} ${JSON.stringify(called.body)}`);
  const snapshot = await api("display", "GET", `/api/halls/${hall}`);
  const w = snapshot.body.windows.find((x: any) => x.id === window);
  return { ticket: called.body.ticket.number, window: w.number, at: Date.parse(called.body.ticket.calledAt) };
}

/** The hall's time (ms) as the announcer reads it when it reconnects: `serverNow` in its page. */
export async function hallNow(hall: string): Promise<number> {
  const html = await (await fetch(`${baseUrl()}/halls/${hall}/announcer?token=dev-display`, { cache: "no-store" })).text();
  const match = /"serverNow":(\d+)/.exec(html);
  if (!match) throw new Error("the announcer page carries no serverNow");
  return Number(match[1]);
}

/** Waits until the page's log shows `n` calls with `outcome`. */
export async function waitForOutcomes(page: Page, outcome: string, n: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ({ outcome, n }) => (window as any).tongbanAnnouncer.log.filter((e: any) => e.outcome === outcome).length >= n,
    { outcome, n },
    { timeout },
  );
}
