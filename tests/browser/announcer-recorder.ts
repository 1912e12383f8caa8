/**
 * What the announcer browser tests put into the page before it loads: a recorder of every
 * `speechSynthesis.speak` and every `AudioBufferSourceNode.start`, in one timeline, and, when
 * asked, a fake voice list (headless Chromium has no voices; a hall PC on Windows has several).
 * Calls are always made through the API, never through page.evaluate, which counts as a click.
 */
import type { Page } from "playwright-core";
import { api, baseUrl } from "./harness.js";

export interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
  voiceURI?: string;
  default?: boolean;
}

/** A Windows hall PC: Huihui (Mandarin) and Tracy (Cantonese), plus voices that must be skipped. */
export const WINDOWS_VOICES: FakeVoice[] = [
  { name: "Microsoft Huihui - Chinese (Simplified, PRC)", lang: "zh-CN", localService: true },
  { name: "Microsoft Tracy - Chinese (Traditional, Hong Kong S.A.R.)", lang: "zh-HK", localService: true },
];

/** A Linux box: eSpeak (reads hanzi as English) and a remote Cantonese voice; only Mandarin is real. */
export const MANDARIN_ONLY_VOICES: FakeVoice[] = [
  { name: "eSpeak Mandarin", lang: "zh", localService: true, voiceURI: "espeak-ng-mbrola zh" },
  { name: "Google 粵語（香港）", lang: "zh-HK", localService: false },
  { name: "Microsoft Huihui - Chinese (Simplified, PRC)", lang: "zh-CN", localService: true },
];

export type Recorded =
  | { kind: "speak"; text: string; lang: string; voice: string | null; rate: number; volume: number; t: number }
  | { kind: "clip"; clip: string | null; buffer: number; when: number; offset: number; duration: number; t: number };

/** Where a broken Web Speech voice throws: building the utterance, setting its voice, or `speak`. */
export type Throws = "utterance" | "voice" | "speak";

export interface SpeechOptions {
  /** How long a fake voice speaks each utterance (ms); default 150. */
  speakMs?: number;
  /** Instead: this long a character, as a real voice (250: ¼ s a character, ~4 s a call). */
  msPerCharacter?: number;
  /** Never end an utterance. */
  hang?: boolean;
  /** Throw there, as a broken voice or speech service does, before anything is heard. */
  throws?: Throws;
}

/**
 * Installs the recorder. `voices`: the list getVoices() returns (fake voices speak for
 * `speakMs` or `msPerCharacter`, never end with `hang`, or throw with `throws`); null leaves
 * Chromium's own (none, headless).
 */
export async function recordSpeech(page: Page, voices: FakeVoice[] | null, options: SpeechOptions = {}) {
  await page.addInitScript(
    ({ voices, speakMs, msPerCharacter, hang, throws }) => {
      const w = window as any;
      const timeline: any[] = [];
      w.__recorded = { timeline, decodes: 0 };
      const start = AudioBufferSourceNode.prototype.start;
      AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, when?: number, offset?: number, duration?: number) {
        timeline.push({ kind: "clip", source: this, buffer: this.buffer, when, offset, duration, t: performance.now() });
        return start.call(this, when, offset, duration);
      };
      const decode = BaseAudioContext.prototype.decodeAudioData;
      BaseAudioContext.prototype.decodeAudioData = function (this: BaseAudioContext, ...args: any[]) {
        w.__recorded.decodes++;
        return (decode as any).apply(this, args);
      } as any;
      if (!voices) return;
      class FakeUtterance {
        lang = "";
        _voice: any = null;
        rate = 1;
        volume = 1;
        pitch = 1;
        onstart: any = null;
        onend: any = null;
        onerror: any = null;
        constructor(public text: string) {
          if (throws === "utterance") throw new Error("SpeechSynthesisUtterance: speech service unavailable");
        }
        get voice() {
          return this._voice;
        }
        set voice(v: any) {
          if (throws === "voice") throw new TypeError("SpeechSynthesisUtterance.voice: not a SpeechSynthesisVoice");
          this._voice = v;
        }
      }
      w.SpeechSynthesisUtterance = FakeUtterance;
      const synth = w.speechSynthesis;
      Object.defineProperty(synth, "getVoices", { value: () => voices });
      Object.defineProperty(synth, "speaking", { get: () => false });
      Object.defineProperty(synth, "pending", { get: () => false });
      Object.defineProperty(synth, "cancel", { value: () => {} });
      Object.defineProperty(synth, "speak", {
        value: (u: FakeUtterance) => {
          if (throws === "speak") throw new Error("speechSynthesis.speak: synthesis-failed");
          timeline.push({ kind: "speak", text: u.text, lang: u.lang, voice: u.voice?.name ?? null, rate: u.rate, volume: u.volume, t: performance.now() });
          const ms = msPerCharacter === null ? speakMs : u.text.length * msPerCharacter;
          if (!hang) setTimeout(() => u.onend?.({}), ms);
        },
      });
    },
    { voices, speakMs: options.speakMs ?? 150, msPerCharacter: options.msPerCharacter ?? null, hang: options.hang ?? false, throws: options.throws ?? null },
  );
}

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
