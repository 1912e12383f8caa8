/**
 * The announcer at peak: calls made faster than a real voice says them (¼ s a character, about
 * 9 s a call in Mandarin and Cantonese), and voices that throw instead of speaking.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callWords } from "../../announcer/words.js";
import { issueAndCall, openAnnouncer, recorded, recordSpeech, waitForOutcomes, WINDOWS_VOICES, type Throws } from "./announcer-recorder.js";
import { demoLikeHall, launch } from "./harness.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch(["--autoplay-policy=no-user-gesture-required"]);
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  return browser.newPage({ viewport: { width: 1366, height: 768 } });
}

const words = (call: { ticket: string; window: number }) => callWords(call, ["cmn-Hans", "yue-Hant"]);
const said = async (page: Page) => (await recorded(page)).flatMap((e) => (e.kind === "speak" ? [e.text] : []));
const announcer = (page: Page) => page.evaluate(() => ({ log: (window as any).tongbanAnnouncer.log, errors: (window as any).tongbanAnnouncer.errors }));

describe("call announcer at peak", () => {
  it(
    "says every call of a burst once in both languages, in order, and repeats the last once it has caught up",
    async () => {
      // The demo hall's settings: a chime, then each call twice.
      const hall = await demoLikeHall("browser-announcer-peak");
      const page = await newPage();
      await recordSpeech(page, WINDOWS_VOICES, { msPerCharacter: 250 });
      await openAnnouncer(page, hall);

      // Three calls within a second: the second and third wait behind the first's ~9 s.
      const calls = [await issueAndCall(hall, "traffic", "5"), await issueAndCall(hall, "household", "2"), await issueAndCall(hall, "exit-entry", "1")];
      await waitForOutcomes(page, "spoken", 3, 90_000);

      const [a, b, c] = calls.map((call) => words(call).map((u) => u.speech));
      expect(await said(page)).toEqual([...a!, ...b!, ...c!, ...c!]);
      const { log } = await announcer(page);
      expect(log.map((e: any) => [e.ticket, e.outcome, e.rounds])).toEqual([
        [calls[2]!.ticket, "spoken", 2],
        [calls[1]!.ticket, "spoken", 1],
        [calls[0]!.ticket, "spoken", 1],
      ]);
      await page.close();
    },
    120_000,
  );
});

describe("call announcer: a voice that throws", () => {
  const quick = (c: any) => void (c.announcer = { repeat: 1, rate: 1, volume: 1, chime: false });

  it.each<[Throws, string]>([
    ["utterance", "building the utterance"],
    ["voice", "setting its voice"],
    ["speak", "speechSynthesis.speak"],
  ])("falls back to the voice pack for the utterance when %s throws (%s)", async (throws) => {
    const hall = await demoLikeHall(`browser-announcer-throws-${throws}`, quick);
    const page = await newPage();
    await recordSpeech(page, WINDOWS_VOICES, { throws });
    await openAnnouncer(page, hall);
    const call = await issueAndCall(hall, "traffic", "5");
    await page.waitForFunction(() => (window as any).tongbanAnnouncer.log.length >= 1);

    const { log, errors } = await announcer(page);
    expect(log.map((e: any) => [e.ticket, e.outcome])).toEqual([[call.ticket, "spoken"]]);
    const [cmn, yue] = words(call);
    const heard = (await recorded(page)).flatMap((e) => (e.kind === "clip" && e.clip !== "pause" ? [e.clip] : e.kind === "speak" ? [`speak ${e.text}`] : []));
    // Mandarin's voice threw: its words from the pack. Cantonese's voice threw the same way.
    expect(heard).toEqual([...cmn!.clips.map((c) => `cmn-Hans/${c}`), ...yue!.clips.map((c) => `yue-Hant/${c}`)]);
    expect(errors.some((e: string) => e.startsWith("cmn-Hans web speech: exception"))).toBe(true);
    await page.close();
  });
});
