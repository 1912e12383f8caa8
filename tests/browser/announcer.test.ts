import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callWords } from "../../announcer/words.js";
import {
  hallNow,
  issueAndCall,
  MANDARIN_ONLY_VOICES,
  openAnnouncer,
  recorded,
  recordSpeech,
  waitForOutcomes,
  WINDOWS_VOICES,
  type Recorded,
} from "./announcer-recorder.js";
import { api, baseUrl, demoLikeHall, launch, screenshot } from "./harness.js";

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

const speeches = (timeline: Recorded[]) => timeline.filter((e) => e.kind === "speak");
const clips = (timeline: Recorded[]) => timeline.filter((e): e is Extract<Recorded, { kind: "clip" }> => e.kind === "clip");
const words = (call: { ticket: string; window: number }) => callWords(call, ["cmn-Hans", "yue-Hant"]);
const status = (page: Page) => page.evaluate(() => (window as any).tongbanAnnouncer.status);

/** Quick halls for the reliability tests: each call spoken once, no chime. */
const quick = (c: any) => void (c.announcer = { repeat: 1, rate: 1, volume: 1, chime: false });

describe("call announcer: what it says", () => {
  it("speaks a call in Mandarin then Cantonese with the machine's local voices, after the chime, twice", async () => {
    const hall = await demoLikeHall("browser-announcer-speech");
    const page = await newPage();
    await recordSpeech(page, WINDOWS_VOICES);
    await openAnnouncer(page, hall);
    expect(await status(page)).toEqual({ type: "announcer.status", sound: true, engines: { "cmn-Hans": "web-speech", "yue-Hant": "web-speech" }, queue: 0 });

    const call = await issueAndCall(hall, "traffic", "5");
    await waitForOutcomes(page, "spoken", 1);
    const timeline = await recorded(page);
    const [cmn, yue] = words(call);
    expect(speeches(timeline).map((s) => s.kind === "speak" && [s.text, s.lang, s.voice])).toEqual([
      [cmn!.speech, "zh-CN", WINDOWS_VOICES[0]!.name],
      [yue!.speech, "zh-HK", WINDOWS_VOICES[1]!.name],
      [cmn!.speech, "zh-CN", WINDOWS_VOICES[0]!.name],
      [yue!.speech, "zh-HK", WINDOWS_VOICES[1]!.name],
    ]);
    expect(cmn!.speech).toBe(`请 C零零一 号到 五号窗口办理`);
    expect(yue!.speech).toBe(`請 C零零一 號到 五號窗口辦理`);
    // The chime is the voice pack's, scheduled before the first word.
    expect(timeline[0]).toMatchObject({ kind: "clip", clip: "chime" });
    await page.close();
  });

  it("skips eSpeak and remote voices: Mandarin by Web Speech, Cantonese from the voice pack", async () => {
    const hall = await demoLikeHall("browser-announcer-mixed");
    const page = await newPage();
    await recordSpeech(page, MANDARIN_ONLY_VOICES);
    await openAnnouncer(page, hall);
    expect((await status(page)).engines).toEqual({ "cmn-Hans": "web-speech", "yue-Hant": "voice-pack" });
    await expect.poll(() => page.locator('[data-language="yue-Hant"]').getAttribute("data-engine")).toBe("voice-pack");

    const call = await issueAndCall(hall, "household", "2");
    await waitForOutcomes(page, "spoken", 1);
    const [cmn, yue] = words(call);
    const steps = (await recorded(page))
      .filter((e) => e.kind === "speak" || e.clip !== "pause")
      .map((e) => (e.kind === "speak" ? `speak ${e.text}` : e.clip));
    const yueClips = yue!.clips.map((c) => `yue-Hant/${c}`);
    expect(steps).toEqual(["chime", `speak ${cmn!.speech}`, ...yueClips, `speak ${cmn!.speech}`, ...yueClips]);
    expect(speeches(await recorded(page)).every((s) => s.kind === "speak" && s.voice === MANDARIN_ONLY_VOICES[2]!.name)).toBe(true);
    await page.close();
  });

  it("with no voices plays the voice pack: in order, each clip cut at its samples, back to back", async () => {
    const hall = await demoLikeHall("browser-announcer-pack");
    const page = await newPage();
    await recordSpeech(page, null);
    await openAnnouncer(page, hall);
    expect((await status(page)).engines).toEqual({ "cmn-Hans": "voice-pack", "yue-Hant": "voice-pack" });

    const call = await issueAndCall(hall, "exit-entry", "1");
    await waitForOutcomes(page, "spoken", 1);
    const scheduled = clips(await recorded(page));
    const [cmn, yue] = words(call);
    const round = [...cmn!.clips.map((c) => `cmn-Hans/${c}`), ...yue!.clips.map((c) => `yue-Hant/${c}`)];
    expect(scheduled.map((c) => c.clip).filter((c) => c !== "pause")).toEqual(["chime", ...round, ...round]);

    // Each round is scheduled at once, when it starts, and plays gapless: each clip starts
    // exactly where the one before it stops (pauses are silent clips). The second round is
    // only decided (nothing else waiting) once the first has ended, and starts after it.
    const second = scheduled.findIndex((c, i) => i > 2 && c.clip === scheduled[2]!.clip);
    for (const [from, to] of [[0, second], [second, scheduled.length]] as const) {
      for (let i = from + 1; i < to; i++) {
        const before = scheduled[i - 1]!;
        expect(Math.abs(scheduled[i]!.when - (before.when + before.duration))).toBeLessThan(0.001);
      }
    }
    const first = scheduled[second - 1]!;
    expect(scheduled[second]!.when).toBeGreaterThanOrEqual(first.when + first.duration);
    // Each clip plays from its start for the manifest's `samples` frames, not the file's padding.
    const manifest: any = await (await fetch(`${baseUrl()}/static/voices/default/manifest.json`)).json();
    for (const c of scheduled) {
      expect(c.offset).toBe(0);
      if (c.clip === "pause") continue;
      const [language, id] = c.clip!.includes("/") ? c.clip!.split("/") : [null, c.clip!];
      const meta = language ? manifest.languages[language].clips[id!] : manifest.chime;
      expect(c.duration).toBeCloseTo(meta.samples / manifest.sampleRate, 6);
    }
    // Decoded once: the same clip is the same buffer every time it is said.
    const byClip = new Map<string, Set<number>>();
    for (const c of scheduled) byClip.set(c.clip!, (byClip.get(c.clip!) ?? new Set()).add(c.buffer));
    for (const [clip, buffers] of byClip) expect(buffers.size, clip).toBe(1);
    const decodes = await page.evaluate(() => (window as any).__recorded.decodes);
    expect(decodes).toBeLessThanOrEqual(1 + 69 * 2);
    await page.close();
  });

  it("applies the hall's announcer settings live: repeat, rate and volume", async () => {
    const hall = await demoLikeHall("browser-announcer-settings");
    const page = await newPage();
    await recordSpeech(page, WINDOWS_VOICES, { speakMs: 50 });
    await openAnnouncer(page, hall);
    const patched = await api("manager", "PATCH", `/api/halls/${hall}`, { announcer: { repeat: 1, rate: 1.2, volume: 0.8, chime: false } });
    expect(patched.status).toBe(200);
    await expect.poll(() => page.locator("#an-settings").textContent()).toContain("重复 1 遍");
    await issueAndCall(hall, "traffic", "5");
    await waitForOutcomes(page, "spoken", 1);
    const timeline = await recorded(page);
    expect(clips(timeline)).toEqual([]);
    expect(speeches(timeline).map((s) => s.kind === "speak" && [s.lang, s.rate, s.volume])).toEqual([
      ["zh-CN", 1.2, 0.8],
      ["zh-HK", 1.2, 0.8],
    ]);
    await page.close();
  });
});

describe("call announcer: choosing the engines", () => {
  it("recognises Mandarin and Cantonese voices by the many names browsers give them", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/static/announcer/announcer.css`);
    const cases: Array<[{ lang: string; name: string }, string | null]> = [
      [{ lang: "zh-HK", name: "Microsoft Tracy - Chinese (Traditional, Hong Kong S.A.R.)" }, "yue-Hant"],
      [{ lang: "zh-HK", name: "Microsoft HiuGaai Online (Natural) - Chinese (Cantonese Traditional)" }, "yue-Hant"],
      [{ lang: "zh-HK", name: "Google 粵語（香港）" }, "yue-Hant"],
      [{ lang: "yue-HK", name: "Cantonese (Hong Kong)" }, "yue-Hant"],
      [{ lang: "yue-Hant-HK", name: "x" }, "yue-Hant"],
      [{ lang: "zh-yue", name: "x" }, "yue-Hant"],
      [{ lang: "zh_HK", name: "Sin-ji" }, "yue-Hant"],
      [{ lang: "zh", name: "粤语" }, "yue-Hant"],
      [{ lang: "", name: "HiuMaan" }, "yue-Hant"],
      [{ lang: "zh-CN", name: "Microsoft Huihui - Chinese (Simplified, PRC)" }, "cmn-Hans"],
      [{ lang: "zh_CN", name: "Ting-Ting" }, "cmn-Hans"],
      [{ lang: "cmn-Hans-CN", name: "x" }, "cmn-Hans"],
      [{ lang: "zh-TW", name: "Microsoft Hanhan" }, "cmn-Hans"],
      [{ lang: "zh-HK", name: "Mandarin (Hong Kong)" }, "cmn-Hans"],
      [{ lang: "en-GB", name: "Microsoft Hazel" }, "en"],
      [{ lang: "en-US", name: "Tracy" }, "en"],
      [{ lang: "ja-JP", name: "Haruka" }, null],
    ];
    // Loaded by the page, not by an import() in evaluate, which Vite rewrites for Node.
    await page.addScriptTag({ type: "module", content: `import * as m from "/static/announcer/voices.js"; window.voices = m;` });
    await page.waitForFunction(() => (window as any).voices);
    const got = await page.evaluate((cases) => {
      const m = (window as any).voices;
      const voices = [
        { name: "eSpeak Mandarin", lang: "zh", localService: true, voiceURI: "espeak-ng zh" },
        { name: "Microsoft Hanhan", lang: "zh-TW", localService: true },
        { name: "Microsoft Huihui", lang: "zh-CN", localService: true },
        { name: "Google 粵語（香港）", lang: "zh-HK", localService: false },
      ];
      return {
        languages: cases.map(([v]) => m.voiceLanguage(v)),
        mandarin: m.pickVoice(voices, "cmn-Hans")?.name,
        cantonese: m.pickVoice(voices, "yue-Hant"),
      };
    }, cases);
    expect(got.languages).toEqual(cases.map(([, l]) => l));
    expect(got.mandarin).toBe("Microsoft Huihui");
    expect(got.cantonese).toBeNull();
    await page.close();
  });

  it("gives up on a voice that hangs and says the call with the voice pack", async () => {
    const hall = await demoLikeHall("browser-announcer-hang", (c) => void (c.announcer = { repeat: 1, rate: 2, volume: 1, chime: false }));
    const page = await newPage();
    await recordSpeech(page, MANDARIN_ONLY_VOICES, { hang: true });
    await openAnnouncer(page, hall);
    const call = await issueAndCall(hall, "traffic", "3");
    await waitForOutcomes(page, "spoken", 1, 45_000);
    const [cmn, yue] = words(call);
    const steps = (await recorded(page))
      .filter((e) => e.kind === "speak" || e.clip !== "pause")
      .map((e) => (e.kind === "speak" ? `speak ${e.text}` : e.clip));
    expect(steps).toEqual([`speak ${cmn!.speech}`, ...cmn!.clips.map((c) => `cmn-Hans/${c}`), ...yue!.clips.map((c) => `yue-Hant/${c}`)]);
    expect(await page.evaluate(() => (window as any).tongbanAnnouncer.errors)).toContain("cmn-Hans web speech: timeout");
    await expect.poll(async () => (await status(page)).engines).toEqual({ "cmn-Hans": "voice-pack", "yue-Hant": "voice-pack" });
    await page.close();
  });
});

describe("call announcer: never missed, never repeated", () => {
  it("speaks a recall again", async () => {
    const hall = await demoLikeHall("browser-announcer-recall", quick);
    const page = await newPage();
    await recordSpeech(page, WINDOWS_VOICES, { speakMs: 50 });
    await openAnnouncer(page, hall);
    const call = await issueAndCall(hall, "traffic", "5");
    await waitForOutcomes(page, "spoken", 1);
    expect((await api("counter", "POST", `/api/halls/${hall}/windows/5/recall`)).status).toBe(200);
    await waitForOutcomes(page, "spoken", 2);
    const [cmn, yue] = words(call);
    expect(speeches(await recorded(page)).map((s) => s.kind === "speak" && s.text)).toEqual([cmn!.speech, yue!.speech, cmn!.speech, yue!.speech]);
    const log = await page.evaluate(() => (window as any).tongbanAnnouncer.log);
    expect(log.map((e: any) => e.recall)).toEqual([true, false]);
    expect(log[0].callId).not.toBe(log[1].callId);
    await page.close();
  });

  it("after a reconnect speaks the recent calls it missed, once, and not the old ones", async () => {
    const hall = await demoLikeHall("browser-announcer-reconnect", quick);
    const page = await newPage();
    await recordSpeech(page, WINDOWS_VOICES, { speakMs: 50 });
    // maxAge is also the time the page has, from the recent call, to reconnect and judge it.
    const maxAgeMs = 5000;
    await openAnnouncer(page, hall, `&maxAge=${maxAgeMs / 1000}`);
    await page.evaluate(() => (window as any).tongbanAnnouncer.drop());
    await page.waitForFunction(() => document.querySelector("#an-link")?.getAttribute("data-online") === "false");

    const old = await issueAndCall(hall, "traffic", "5");
    expect(Number.isFinite(old.at)).toBe(true);
    // Until the hall's clock, which the page re-reads when it reconnects, has aged it past maxAge.
    await expect
      .poll(async () => (await hallNow(hall)) - old.at, { interval: 250, timeout: maxAgeMs + 15_000 })
      .toBeGreaterThan(maxAgeMs);
    const recent = await issueAndCall(hall, "household", "1");
    await page.evaluate(() => (window as any).tongbanAnnouncer.resume());
    await waitForOutcomes(page, "spoken", 1);
    await waitForOutcomes(page, "old", 1);

    const [cmn, yue] = words(recent);
    expect(speeches(await recorded(page)).map((s) => s.kind === "speak" && s.text)).toEqual([cmn!.speech, yue!.speech]);
    const log = await page.evaluate(() => (window as any).tongbanAnnouncer.log);
    expect(log.map((e: any) => [e.ticket, e.outcome])).toEqual([
      [recent.ticket, "spoken"],
      [old.ticket, "old"],
    ]);

    // Dropping again with nothing new in between replays nothing: a call made after the
    // reconnect is the next thing the page hears, and nothing came before it.
    await page.evaluate(() => (window as any).tongbanAnnouncer.drop());
    await page.waitForFunction(() => document.querySelector("#an-link")?.getAttribute("data-online") === "false");
    await page.evaluate(() => (window as any).tongbanAnnouncer.resume());
    await page.waitForFunction(() => document.querySelector("#an-link")?.getAttribute("data-online") === "true");
    const next = await issueAndCall(hall, "traffic", "3");
    await waitForOutcomes(page, "spoken", 2);
    const [nextCmn, nextYue] = words(next);
    expect(speeches(await recorded(page)).map((s) => s.kind === "speak" && s.text)).toEqual([cmn!.speech, yue!.speech, nextCmn!.speech, nextYue!.speech]);
    const after = await page.evaluate(() => (window as any).tongbanAnnouncer.log);
    expect(after.map((e: any) => [e.ticket, e.outcome])).toEqual([
      [next.ticket, "spoken"],
      [recent.ticket, "spoken"],
      [old.ticket, "old"],
    ]);
    await page.close();
  });

  it("does not repeat a call that a reloaded page is sent again", async () => {
    const hall = await demoLikeHall("browser-announcer-reload", quick);
    const page = await newPage();
    await recordSpeech(page, WINDOWS_VOICES, { speakMs: 50 });
    await openAnnouncer(page, hall);
    const call = await issueAndCall(hall, "traffic", "5");
    await waitForOutcomes(page, "spoken", 1);
    // Until the page has stored how far it got and what it said (saveSoon writes it a moment later).
    await page.waitForFunction(
      (hall) => {
        const a = (window as any).tongbanAnnouncer;
        const stored = JSON.parse(localStorage.getItem(`tongban.announcer.${hall}`) ?? "null");
        return stored?.seq === a.seq && stored.spoken.some(([callId]: [string]) => callId === a.log[0].callId);
      },
      hall,
      { timeout: 10_000 },
    );
    // As if the page had died before storing how far it got: it resumes before the call.
    await page.evaluate((hall) => {
      const key = `tongban.announcer.${hall}`;
      const stored = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...stored, seq: stored.seq - 1 }));
    }, hall);
    await page.reload();
    await page.waitForFunction(() => document.querySelector("#an-link")?.getAttribute("data-online") === "true");
    await waitForOutcomes(page, "duplicate", 1);
    expect(speeches(await recorded(page))).toEqual([]);
    const log = await page.evaluate(() => (window as any).tongbanAnnouncer.log);
    expect(log.map((e: any) => [e.ticket, e.outcome])).toEqual([[call.ticket, "duplicate"]]);
    await page.close();
  });

  it("shows what it is doing, large: the screenshot", async () => {
    const hall = await demoLikeHall("browser-announcer-screen");
    const page = await newPage();
    await recordSpeech(page, MANDARIN_ONLY_VOICES, { speakMs: 3000 });
    await openAnnouncer(page, hall, "&label=" + encodeURIComponent("大厅东侧音箱"));
    await api("manager", "PATCH", `/api/halls/${hall}`, { announcer: { repeat: 1 } });
    await issueAndCall(hall, "traffic", "5");
    await waitForOutcomes(page, "spoken", 1);
    await issueAndCall(hall, "household", "2");
    await page.waitForFunction(() => !document.querySelector("#an-current")?.classList.contains("idle"));
    await page.waitForTimeout(300);
    await screenshot(page, "announcer");
    await page.close();
  });
});
