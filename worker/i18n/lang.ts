/**
 * The consoles' and the citizen status page's three languages, and how a request chooses one:
 * `?lang=` when it names one of them, else the browser's Accept-Language (RFC 9110 §12.5.4:
 * ranges in order of their q-values, the first one we speak wins), else Simplified Chinese.
 * Hall screens (main screen, window screen, data wall) are bilingual by design and take none.
 * The hall's own citizen-facing devices (kiosk, evaluator) never read the browser's language: a
 * box's locale is whatever its image shipped with, so they speak the hall's (`hallLang`).
 */
import type { Language } from "../core/model.js";


export const LANGS = ["zh-Hans", "zh-Hant", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** The hall's own language: what a page shows when nothing asks for another. */
export const DEFAULT_LANG: Lang = "zh-Hans";

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** Regions that write Traditional Chinese when a tag names no script (zh-TW, zh-HK, zh-MO). */
const TRADITIONAL_REGIONS = new Set(["tw", "hk", "mo"]);

/** The language a single language range asks for, or null when it is one we do not speak. */
export function langOfRange(range: string): Lang | null {
  const subtags = range.trim().toLowerCase().split(/[-_]/);
  const [primary, ...rest] = subtags;
  if (primary === "*") return DEFAULT_LANG;
  if (primary === "en") return "en";
  // Cantonese (yue, zh-yue) is written in Traditional characters in Hong Kong, Macau and most of Guangdong's signage.
  if (primary === "yue") return "zh-Hant";
  if (primary !== "zh") return null;
  // An explicit script wins over the region: zh-Hans-HK is Simplified, zh-Hant-CN Traditional.
  if (rest.includes("hant") || rest.includes("yue")) return "zh-Hant";
  if (rest.includes("hans")) return "zh-Hans";
  return rest.some((s) => TRADITIONAL_REGIONS.has(s)) ? "zh-Hant" : "zh-Hans";
}

/** Browsers send a handful of ranges; a header with hundreds is not a browser's, and its tail is ignored. */
const MAX_RANGES = 32;

/**
 * The language an Accept-Language header prefers among ours: its ranges by descending q (equal
 * q keep the header's order), q=0 meaning "not this one"; a range with a malformed q is skipped.
 *
 * @example negotiate("zh-TW,zh;q=0.9,en;q=0.8") // "zh-Hant"
 * @example negotiate("fr-FR,fr;q=0.9,en;q=0.5") // "en"
 * @example negotiate(null)                      // "zh-Hans"
 */
export function negotiate(header: string | null | undefined): Lang {
  if (!header) return DEFAULT_LANG;
  const ranges: Array<{ lang: Lang | null; q: number; at: number }> = [];
  for (const [at, part] of header.split(",").slice(0, MAX_RANGES).entries()) {
    const [range = "", ...params] = part.split(";");
    if (!range.trim()) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*(.*?)\s*$/i.exec(p);
      if (!m) continue;
      q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(m[1]!) ? Number(m[1]) : Number.NaN;
    }
    if (Number.isNaN(q) || q <= 0) continue;
    ranges.push({ lang: langOfRange(range), q, at });
  }
  ranges.sort((a, b) => b.q - a.q || a.at - b.at);
  return ranges.find((r) => r.lang !== null)?.lang ?? DEFAULT_LANG;
}

/** A page's language: `?lang=` when it is one of ours (it wins), else the Accept-Language default. */
export function pageLang(query: string | null | undefined, acceptLanguage: string | null | undefined): Lang {
  return isLang(query) ? query : negotiate(acceptLanguage);
}

/** The language a view was rendered for: its `lang` parameter, else `fallback` (Simplified Chinese unless named). */
export function langIn(params: URLSearchParams, fallback: Lang = DEFAULT_LANG): Lang {
  const given = params.get("lang");
  return isLang(given) ? given : fallback;
}

/** How each call language is written on the hall's screens. */
const WRITTEN: Record<Language, Lang> = { "cmn-Hans": "zh-Hans", "yue-Hant": "zh-Hant", en: "en" };

/**
 * The written language of the hall's own devices: that of the first of its call languages.
 *
 * @example hallLang(["cmn-Hans", "yue-Hant"]) // "zh-Hans"
 * @example hallLang(["yue-Hant", "cmn-Hans"]) // "zh-Hant"
 */
export function hallLang(languages: readonly Language[]): Lang {
  const first = languages[0];
  return first ? WRITTEN[first] : DEFAULT_LANG;
}
