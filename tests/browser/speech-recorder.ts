/**
 * What the announcer browser tests and `npm run bench:announcer` put into the page before it
 * loads: a recorder of every `speechSynthesis.speak` and every `AudioBufferSourceNode.start`, in
 * one timeline, and, when asked, a fake voice list (headless Chromium has no voices; a hall PC
 * on Windows has several) that speaks as long as asked, hangs or throws.
 * Written against `globalThis`, without the DOM's types, so the bench (typechecked with the
 * Worker's) can use it too; tests/browser/announcer-recorder.ts reads the timeline back.
 */
import type { Page } from "playwright-core";

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
      const w = globalThis as any;
      const timeline: any[] = [];
      w.__recorded = { timeline, decodes: 0 };
      const start = w.AudioBufferSourceNode.prototype.start;
      w.AudioBufferSourceNode.prototype.start = function (this: any, when?: number, offset?: number, duration?: number) {
        timeline.push({ kind: "clip", source: this, buffer: this.buffer, when, offset, duration, t: performance.now() });
        return start.call(this, when, offset, duration);
      };
      const decode = w.BaseAudioContext.prototype.decodeAudioData;
      w.BaseAudioContext.prototype.decodeAudioData = function (this: any, ...args: any[]) {
        w.__recorded.decodes++;
        return decode.apply(this, args);
      };
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
