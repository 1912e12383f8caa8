/**
 * The words of a call, in every language a hall speaks. The screens' text, the text handed to a
 * speech voice and the voice-pack clips all come from here, so what is shown and what is heard
 * never disagree. Pure: no DOM, no clock; the Worker and the browser import the same file.
 *
 * Reading rules (what a citizen in a Chinese service hall expects to hear):
 * - the ticket is read letter, then digit by digit: A023 → 「A零二三」, "A zero two three";
 * - the window is read as a number: 12 → 「十二」, 105 → 「一百零五」, 110 → 「一百一十」;
 *   2 is 「二」 (二号窗口), not 「两」; 20 is 「二十」 in Cantonese too, not the colloquial 「廿」,
 *   because formal hall announcements say 二十 and it cannot be misheard;
 * - Mandarin is written in Simplified characters, Cantonese in Traditional.
 */
import type { Language } from "../worker/core/model.js";

export type { Language };

/** A call as the announcer hears of it: today's ticket number and the window's number. */
export interface Call {
  /** A capital-letter prefix and at least three digits: `A023`, `C1000`. */
  ticket: string;
  /** The window's number, 1..999. */
  window: number;
}

/** One language's words for one call. */
export interface Utterance {
  language: Language;
  /** BCP 47 tag to pick a Web Speech voice: `zh-CN`, `zh-HK`, `en-GB`. */
  speechLang: string;
  /** For screens: `请 A023 号到 5 号窗口办理`. */
  display: string;
  /** For a text-to-speech voice, spelt so it reads right: `请 A零二三 号到 五号窗口办理`. */
  speech: string;
  /** Voice-pack clip ids in speaking order, from `announcer/voices/<pack>/<language>/`. */
  clips: string[];
}

/** The hall's announcer settings that shape the words (rate and volume belong to the player). */
export interface AnnouncerSettings {
  /** Spoken in this order. */
  languages: readonly Language[];
  /** How many times the whole call (every language) is spoken; default 2. */
  repeat?: number;
  /** A chime before the first round; default true. */
  chime?: boolean;
}

/** One step of a call as the announcer plays it. */
export type ScriptStep = { kind: "chime"; clip: typeof CHIME } | { kind: "utterance"; round: number; utterance: Utterance };

/** The chime's clip id; it lives at the pack's top level, shared by every language. */
export const CHIME = "chime";

export const SPEECH_LANG: Record<Language, string> = { "cmn-Hans": "zh-CN", "yue-Hant": "zh-HK", en: "en-GB" };

const TICKET = /^([A-Z])(\d{3,})$/;

const HANZI_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

const EN_ONES = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
] as const;
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"] as const;

/** Words and the clips that say them. */
export interface Spoken {
  text: string;
  clips: string[];
}

/**
 * A call's words in each of `languages`, in that order. Throws a RangeError for a malformed
 * ticket number, a window outside 1..999 or a language the announcer does not speak.
 *
 * @example
 * callWords({ ticket: "A023", window: 12 }, ["cmn-Hans"])
 * // [{ language: "cmn-Hans", speechLang: "zh-CN",
 * //    display: "请 A023 号到 12 号窗口办理",
 * //    speech: "请 A零二三 号到 十二号窗口办理",
 * //    clips: ["qing", "letter-A", "digit-0", "digit-2", "digit-3", "hao", "dao",
 * //            "number-10", "number-2", "hao", "window", "banli"] }]
 */
export function callWords(call: Call, languages: readonly Language[]): Utterance[] {
  const { letter, digits } = parseTicket(call.ticket);
  checkWindow(call.window);
  return languages.map(function utterance(language) {
    switch (language) {
      case "cmn-Hans":
        return chinese(language, call, letter, digits, { please: "请", number: "号", go: "到", window: "窗口", handle: "办理" });
      case "yue-Hant":
        return chinese(language, call, letter, digits, { please: "請", number: "號", go: "到", window: "窗口", handle: "辦理" });
      case "en":
        return english(call, letter, digits);
      default:
        throw new RangeError(`the announcer does not speak ${String(language)}`);
    }
  });
}

/**
 * The whole call as played: the chime, then every language in order, `repeat` times.
 *
 * @example
 * callScript({ ticket: "A023", window: 5 }, { languages: ["cmn-Hans", "yue-Hant"] })
 * // [ { kind: "chime", clip: "chime" },
 * //   { kind: "utterance", round: 1, utterance: { language: "cmn-Hans", display: "请 A023 号到 5 号窗口办理", … } },
 * //   { kind: "utterance", round: 1, utterance: { language: "yue-Hant", display: "請 A023 號到 5 號窗口辦理", … } },
 * //   { kind: "utterance", round: 2, … cmn-Hans … }, { kind: "utterance", round: 2, … yue-Hant … } ]
 */
export function callScript(call: Call, settings: AnnouncerSettings): ScriptStep[] {
  const repeat = settings.repeat ?? 2;
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 10) throw new RangeError(`repeat must be 1..10, not ${repeat}`);
  const utterances = callWords(call, settings.languages);
  const steps: ScriptStep[] = settings.chime === false ? [] : [{ kind: "chime", clip: CHIME }];
  for (let round = 1; round <= repeat; round++) {
    for (const utterance of utterances) steps.push({ kind: "utterance", round, utterance });
  }
  return steps;
}

/**
 * Every clip id `callWords` can emit in `language`, for any ticket and window 1..999: what a
 * voice pack must hold. The chime is not in it: it is the pack's, not a language's.
 */
export function clipVocabulary(language: Language): string[] {
  const letters = Array.from({ length: 26 }, (_, i) => `letter-${String.fromCharCode(65 + i)}`);
  const digits = Array.from({ length: 10 }, (_, d) => `digit-${d}`);
  const hundreds = Array.from({ length: 9 }, (_, i) => `number-${(i + 1) * 100}`);
  if (language === "en") {
    const ones = Array.from({ length: 19 }, (_, i) => `number-${i + 1}`);
    const tens = Array.from({ length: 8 }, (_, i) => `number-${(i + 2) * 10}`);
    return ["number", ...letters, ...digits, "please-go-to-window", ...ones, ...tens, ...hundreds, "and"];
  }
  const ones = Array.from({ length: 10 }, (_, i) => `number-${i}`);
  const tens = Array.from({ length: 9 }, (_, i) => `number-${(i + 1) * 10}`);
  return ["qing", ...letters, ...digits, "hao", "dao", ...ones, ...tens, ...hundreds, "window", "banli"];
}

/**
 * A window number as said in Mandarin or Cantonese (the characters are the same in both
 * scripts): 5 → 五, 12 → 十二, 20 → 二十, 105 → 一百零五, 110 → 一百一十, 999 → 九百九十九.
 */
export function chineseNumber(n: number): Spoken {
  checkWindow(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  const parts: Array<[text: string, clip: string]> = [];
  if (hundreds > 0) parts.push([`${HANZI_DIGITS[hundreds]}百`, `number-${hundreds * 100}`]);
  if (hundreds > 0 && tens === 0 && ones > 0) parts.push(["零", "number-0"]);
  // 十二 alone, but 一百一十二 after hundreds: the leading 一 of the tens is only dropped first.
  if (tens === 1 && hundreds > 0) parts.push(["一", "number-1"], ["十", "number-10"]);
  else if (tens > 0) parts.push([`${tens === 1 ? "" : HANZI_DIGITS[tens]}十`, `number-${tens * 10}`]);
  if (ones > 0) parts.push([HANZI_DIGITS[ones]!, `number-${ones}`]);
  return { text: parts.map((p) => p[0]).join(""), clips: parts.map((p) => p[1]) };
}

/** A window number in English words: 5 → five, 21 → twenty-one, 105 → one hundred and five. */
export function englishNumber(n: number): Spoken {
  checkWindow(n);
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  const clips: string[] = [];
  if (hundreds > 0) {
    words.push(`${EN_ONES[hundreds]} hundred`);
    clips.push(`number-${hundreds * 100}`);
    if (rest > 0) {
      words.push("and");
      clips.push("and");
    }
  }
  if (rest > 0 && rest < 20) {
    words.push(EN_ONES[rest]!);
    clips.push(`number-${rest}`);
  } else if (rest >= 20) {
    const tens = Math.floor(rest / 10);
    const ones = rest % 10;
    words.push(ones > 0 ? `${EN_TENS[tens]}-${EN_ONES[ones]}` : EN_TENS[tens]!);
    clips.push(`number-${tens * 10}`);
    if (ones > 0) clips.push(`number-${ones}`);
  }
  return { text: words.join(" "), clips };
}

function chinese(
  language: Language,
  call: Call,
  letter: string,
  digits: string,
  w: { please: string; number: string; go: string; window: string; handle: string },
): Utterance {
  const window = chineseNumber(call.window);
  const ticketSpeech = letter + [...digits].map((d) => HANZI_DIGITS[Number(d)]).join("");
  return {
    language,
    speechLang: SPEECH_LANG[language],
    display: `${w.please} ${call.ticket} ${w.number}${w.go} ${call.window} ${w.number}${w.window}${w.handle}`,
    speech: `${w.please} ${ticketSpeech} ${w.number}${w.go} ${window.text}${w.number}${w.window}${w.handle}`,
    clips: ["qing", ...ticketClips(letter, digits), "hao", "dao", ...window.clips, "hao", "window", "banli"],
  };
}

function english(call: Call, letter: string, digits: string): Utterance {
  const window = englishNumber(call.window);
  const spelt = [letter, ...[...digits].map((d) => EN_ONES[Number(d)])].join(" ");
  return {
    language: "en",
    speechLang: SPEECH_LANG.en,
    display: `Number ${call.ticket}, please go to window ${call.window}`,
    speech: `Number ${spelt}, please go to window ${window.text}`,
    clips: ["number", ...ticketClips(letter, digits), "please-go-to-window", ...window.clips],
  };
}

function ticketClips(letter: string, digits: string): string[] {
  return [`letter-${letter}`, ...[...digits].map((d) => `digit-${d}`)];
}

function parseTicket(ticket: string): { letter: string; digits: string } {
  const match = TICKET.exec(ticket);
  if (!match) throw new RangeError(`a ticket number is a capital letter and 3+ digits, not "${ticket}"`);
  return { letter: match[1]!, digits: match[2]! };
}

function checkWindow(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`a window number is 1..999, not ${n}`);
}
