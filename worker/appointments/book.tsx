/**
 * The citizen's booking page (`/halls/{hall}/book`) and a booking's status page (`/b/{token}`),
 * on a phone (390×844 first). Plain links and one form, so they work without scripts on any
 * phone browser: choose the service, the day, the half hour, then give the ID and mobile
 * numbers. Bilingual, the page's language first, like the ticket status page.
 */
import { raw } from "hono/html";
import type { Category } from "../core/model.js";
import { BOOK_PAGE } from "../i18n/catalogue/book.js";
import type { Lang } from "../i18n/lang.js";
import { both, say, sayAfter, secondLang, type Msg, type Vars } from "../i18n/words.js";
import { LangSwitch } from "../pages/console-kit.js";
import { Page } from "../pages/layout.js";
import type { Slot } from "./booking.js";

const STYLES = ["/static/display/status.css", "/static/display/book.css"];

function Words({ lang, m, vars }: { lang: Lang; m: Msg; vars?: Vars }) {
  return (
    <>
      {say(lang, m, vars)}
      <span class="en" lang={secondLang(lang)}>
        {sayAfter(lang, m, vars)}
      </span>
    </>
  );
}

function nameIn(lang: Lang, names: Category["names"]): string {
  const n = names as Record<string, string>;
  return lang === "en" ? n["en"] ?? n["zh-Hans"]! : lang === "zh-Hant" ? n["zh-Hant"] ?? n["zh-Hans"]! : n["zh-Hans"]!;
}

export interface BookPageProps {
  hall: string;
  hallName: string;
  lang: Lang;
  categories: Category[];
  category: string | null;
  days: string[];
  date: string | null;
  slots: Slot[];
  from: string | null;
  /** The refusal of the last try, shown above the form. */
  problem: string | null;
  /** What the citizen typed, given back after a refusal (never stored in the page otherwise). */
  typed?: { idNumber?: string; mobile?: string };
  /** Today's queue for the chosen service while a window serves it (issue 26 item 2); null when it cannot be joined now. */
  today?: { ahead: number; estimatedWaitMinutes: number | null; holds: number } | null;
  /** The refusal of the last try to join today's queue. */
  joinProblem?: string | null;
  /** A webhook of the hall receives mobile numbers (issue 26 item 3): the citizen is told where the number goes. */
  mobileShared?: boolean;
}

export function bookPage(p: BookPageProps): string {
  const href = (q: Record<string, string | null>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ category: p.category, date: p.date, from: p.from, lang: p.lang, ...q })) if (v) params.set(k, v);
    return `/halls/${p.hall}/book?${params}`;
  };
  const slot = p.slots.find((s) => s.from === p.from && s.open);
  return Page({
    title: `${say(p.lang, BOOK_PAGE.title)} · ${p.hallName}`,
    lang: p.lang,
    bodyClass: "status-page book-page",
    styles: STYLES,
    children: (
      <main class="status book">
        <header>
          <h1>
            {p.hallName} · {say(p.lang, BOOK_PAGE.title)}
          </h1>
        </header>
        <LangSwitch lang={p.lang} href={(l) => href({ lang: l })} />
        <section class="status-ticket step" aria-labelledby="step-service">
          <h2 id="step-service">
            <Words lang={p.lang} m={BOOK_PAGE.service} />
          </h2>
          <ul class="choices">
            {p.categories.map((c) => (
              <li>
                <a class="choice" href={`${href({ category: c.id, date: null, from: null })}#step-day`} {...(c.id === p.category ? { "aria-current": "true" } : {})}>
                  {nameIn(p.lang, c.names)}
                </a>
              </li>
            ))}
          </ul>
        </section>
        {p.category && p.today && !p.date && (
          <form class="status-ticket step today" method="post" action={`/halls/${p.hall}/book/join`} aria-labelledby="step-today">
            <h2 id="step-today">
              <Words lang={p.lang} m={BOOK_PAGE.today} />
            </h2>
            <p class="wait">
              {p.today.estimatedWaitMinutes === null ? (
                <Words lang={p.lang} m={BOOK_PAGE.todayNoEstimate} vars={{ ahead: p.today.ahead }} />
              ) : (
                <Words lang={p.lang} m={BOOK_PAGE.todayWait} vars={{ ahead: p.today.ahead, minutes: p.today.estimatedWaitMinutes }} />
              )}
            </p>
            {p.joinProblem && (
              <p class="note warn" role="alert">
                {p.joinProblem}
              </p>
            )}
            <input type="hidden" name="category" value={p.category} />
            <input type="hidden" name="lang" value={p.lang} />
            <label>
              <Words lang={p.lang} m={BOOK_PAGE.idNumber} />
              <input name="idNumber" required maxlength={18} autocomplete="off" spellcheck={false} value={p.joinProblem ? p.typed?.idNumber ?? "" : ""} />
            </label>
            <label>
              <Words lang={p.lang} m={BOOK_PAGE.mobile} />
              <input name="mobile" type="tel" inputmode="numeric" required maxlength={13} autocomplete="tel-national" value={p.joinProblem ? p.typed?.mobile ?? "" : ""} />
            </label>
            <p class="note">{both(p.lang, BOOK_PAGE.todayNote, { holds: p.today.holds })}</p>
            <p class="note">{both(p.lang, BOOK_PAGE.mobileNote)}</p>
            {p.mobileShared && <p class="note warn">{both(p.lang, BOOK_PAGE.mobileShared)}</p>}
            <button type="submit" class="alerts">
              <Words lang={p.lang} m={BOOK_PAGE.join} />
            </button>
          </form>
        )}
        {p.category && (
          <section class="status-ticket step" aria-labelledby="step-day">
            <h2 id="step-day">
              <Words lang={p.lang} m={BOOK_PAGE.day} />
            </h2>
            {p.days.length === 0 ? (
              <p class="note warn">{both(p.lang, BOOK_PAGE.off)}</p>
            ) : (
              <ul class="choices days">
                {p.days.map((d) => (
                  <li>
                    <a class="choice" href={`${href({ date: d, from: null })}#step-slot`} {...(d === p.date ? { "aria-current": "true" } : {})}>
                      {d.slice(5)} <span class="weekday">{weekday(d, p.lang)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {p.category && p.date && (
          <section class="status-ticket step" aria-labelledby="step-slot">
            <h2 id="step-slot">
              <Words lang={p.lang} m={BOOK_PAGE.slot} />
            </h2>
            {p.slots.some((s) => s.open) ? (
              <ul class="choices slots">
                {p.slots.map((s) => (
                  <li>
                    {s.open ? (
                      <a class="choice" href={`${href({ from: s.from })}#step-who`} {...(s.from === p.from ? { "aria-current": "true" } : {})}>
                        {s.from}–{s.to} <span class="left">{say(p.lang, BOOK_PAGE.left, { n: s.capacity - s.booked })}</span>
                      </a>
                    ) : (
                      <span class="choice full" aria-disabled="true">
                        {s.from}–{s.to} <span class="left">{say(p.lang, s.blocked ? BOOK_PAGE.closed : BOOK_PAGE.full)}</span>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="note warn">{both(p.lang, BOOK_PAGE.noSlots)}</p>
            )}
          </section>
        )}
        {p.category && p.date && slot && (
          <form class="status-ticket step" method="post" action={`/halls/${p.hall}/book`} aria-labelledby="step-who">
            <h2 id="step-who">
              {p.date} {weekday(p.date, p.lang)} {slot.from}–{slot.to}
            </h2>
            {p.problem && (
              <p class="note warn" role="alert">
                {p.problem}
              </p>
            )}
            <input type="hidden" name="category" value={p.category} />
            <input type="hidden" name="date" value={p.date} />
            <input type="hidden" name="from" value={slot.from} />
            <input type="hidden" name="lang" value={p.lang} />
            <label>
              <Words lang={p.lang} m={BOOK_PAGE.idNumber} />
              <input name="idNumber" required maxlength={18} autocomplete="off" spellcheck={false} value={p.typed?.idNumber ?? ""} />
            </label>
            <label>
              <Words lang={p.lang} m={BOOK_PAGE.mobile} />
              <input name="mobile" type="tel" inputmode="numeric" required maxlength={13} autocomplete="tel-national" value={p.typed?.mobile ?? ""} />
            </label>
            <p class="note">{both(p.lang, BOOK_PAGE.mobileNote)}</p>
            {p.mobileShared && <p class="note warn">{both(p.lang, BOOK_PAGE.mobileShared)}</p>}
            <button type="submit" class="alerts">
              <Words lang={p.lang} m={BOOK_PAGE.submit} />
            </button>
          </form>
        )}
      </main>
    ),
  }).toString();
}

const WEEKDAYS: Record<Lang, string[]> = {
  "zh-Hans": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
  "zh-Hant": ["週一", "週二", "週三", "週四", "週五", "週六", "週日"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

function weekday(date: string, lang: Lang): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return WEEKDAYS[lang][(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
}

export interface BookingStatusProps {
  lang: Lang;
  hallName: string;
  service: string;
  code: string;
  day: string;
  from: string;
  to: string;
  state: "booked" | "checked_in" | "cancelled" | "past";
  /** The QR of the code, for the kiosk's scanner (an SVG from uqr). */
  qr: string;
  /** Where the cancel form posts; null when there is nothing to cancel. */
  cancelAction: string | null;
  langHref: (lang: Lang) => string;
}

export function bookingStatusPage(p: BookingStatusProps): string {
  const state = { checked_in: BOOK_PAGE.checkedIn, cancelled: BOOK_PAGE.cancelled, past: BOOK_PAGE.past, booked: BOOK_PAGE.booked }[p.state];
  return Page({
    title: `${say(p.lang, BOOK_PAGE.code)} ${p.code} · ${p.hallName}`,
    lang: p.lang,
    bodyClass: "status-page book-page",
    styles: STYLES,
    children: (
      <main class="status book">
        <header>
          <h1>{p.hallName}</h1>
        </header>
        <LangSwitch lang={p.lang} href={p.langHref} />
        <section class={`status-ticket ${p.state === "booked" ? "" : "gone"}`}>
          <p class="state" role="status">
            <Words lang={p.lang} m={state} />
          </p>
          <p class="category">{p.service}</p>
          <p class="when">
            {p.day} {p.from}–{p.to}
          </p>
          <p class="code-label">{both(p.lang, BOOK_PAGE.code)}</p>
          <p class="number code">{p.code}</p>
          {p.state === "booked" && (
            <>
              <div class="qr" role="img" aria-label={`QR ${p.code}`}>
                {raw(p.qr)}
              </div>
              <p class="note">
                <Words lang={p.lang} m={BOOK_PAGE.checkIn} />
              </p>
              <p class="note">
                <Words lang={p.lang} m={BOOK_PAGE.keepLink} />
              </p>
            </>
          )}
          {p.cancelAction && (
            <form method="post" action={p.cancelAction}>
              <button type="submit" class="alerts cancel">
                <Words lang={p.lang} m={BOOK_PAGE.cancel} />
              </button>
            </form>
          )}
        </section>
      </main>
    ),
  }).toString();
}

/** A page that only says what went wrong: a bad link, booking not set up. */
export function bookProblem(lang: Lang, message: string): string {
  return Page({
    title: "Tongban",
    lang,
    bodyClass: "status-page book-page",
    styles: STYLES,
    children: (
      <main class="status">
        <section class="status-ticket gone">
          <p class="state">{message}</p>
        </section>
      </main>
    ),
  }).toString();
}
