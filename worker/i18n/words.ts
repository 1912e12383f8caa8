/**
 * A message is a line of the consoles in Simplified Chinese and English (`{zh, en}`, as the
 * catalogues next to this file write them); its Traditional Chinese comes from `hant.ts`, which
 * `npm run i18n` generates from the catalogues with OpenCC (cn → hk), so nobody types it by hand
 * and the Worker carries no converter. `{name}` marks a value filled in when the line is said.
 *
 * Every console line is bilingual: the page's language first, the other beneath or beside —
 * English under Chinese on a zh-Hans or zh-Hant page, Simplified Chinese under English on an
 * en page (officers and hall staff still read the Chinese their colleagues say).
 */
import { HANT } from "./hant.js";
import type { Lang } from "./lang.js";

export interface Msg {
  readonly zh: string;
  readonly en: string;
  /** The English as it reads leading a line, when that is not `en` with a capital (the default). */
  readonly lead?: string;
}

/** A name the hall configured in every script (categories, zones): each language takes its own. */
export type Named = Readonly<Record<Lang, string>>;
export type Value = string | number | Named;
export type Vars = Readonly<Record<string, Value>>;

/** The zh-Hant text of a Simplified line: generated, or the line itself when it reads the same. */
export function hant(zh: string): string {
  return HANT[zh] ?? zh;
}

/** The message's template in `lang` before its values are filled in; `lead`: it leads its line. */
export function template(lang: Lang, m: Msg, lead = true): string {
  if (lang === "zh-Hans") return m.zh;
  if (lang === "zh-Hant") return hant(m.zh);
  if (!lead) return m.en;
  return m.lead ?? m.en.charAt(0).toUpperCase() + m.en.slice(1);
}

/** Splits a template at its `{placeholders}`: text, name, text, … (the odd entries are names). */
export function pieces(text: string): string[] {
  return text.split(/\{([A-Za-z][A-Za-z0-9]*)\}/);
}

/** The value of `{name}` in a line written in `lang`: a name in that script, a number as digits. */
export function valueIn(lang: Lang, v: Value | undefined, name: string): string {
  if (v === undefined) throw new Error(`no value for {${name}}`);
  return typeof v === "object" ? v[lang] : String(v);
}

export function fill(lang: Lang, text: string, vars: Vars = {}): string {
  return pieces(text)
    .map((p, i) => (i % 2 ? valueIn(lang, vars[p], p) : p))
    .join("");
}

/** The language of a page's second line: English under Chinese, Simplified Chinese under English. */
export const secondLang = (lang: Lang): Lang => (lang === "en" ? "zh-Hans" : "en");

/** The message in the page's language, leading its line. */
export function say(lang: Lang, m: Msg, vars?: Vars): string {
  return fill(lang, template(lang, m), vars);
}

/** The message as the page's second line says it. */
export function sayAfter(lang: Lang, m: Msg, vars?: Vars): string {
  const other = secondLang(lang);
  return fill(other, template(other, m, false), vars);
}

/** Both lines in one string, "first · second": for titles, attributes and table headings. */
export function both(lang: Lang, m: Msg, vars?: Vars, sep = " · "): string {
  return say(lang, m, vars) + sep + sayAfter(lang, m, vars);
}

/** A message as a value inside another line, in each script (English as written, not capitalised). */
export function named(m: Msg): Named {
  return { "zh-Hans": m.zh, "zh-Hant": hant(m.zh), en: m.en };
}

/** Both lines of a message as one template, its `{names}` left for a script to fill. */
export function bothTemplate(lang: Lang, m: Msg, sep = " · "): string {
  const other = secondLang(lang);
  return template(lang, m) + sep + template(other, m, false);
}

/** A Chinese term quoted inside a line (差评, 码上监督) in the page's script: Simplified on an English page. */
export function chineseTerm(lang: Lang, m: Msg): string {
  return lang === "zh-Hant" ? hant(m.zh) : m.zh;
}
