/**
 * The manager console's statistics tab (统计): today's, yesterday's, this and last week's
 * figures by category, window, officer or hour, exported as CSV, beside the staffing advice.
 * The figures are the API's own: manage-stats.js reads GET /stats and GET /advice when the tab
 * is open (and again as the hall changes), so the page and an export never disagree.
 */
import type { HallState } from "../core/model.js";
import { STATS } from "../i18n/catalogue/manage-tabs.js";
import type { Lang } from "../i18n/lang.js";
import { both, say, sayAfter, type Msg } from "../i18n/words.js";
import { Bi } from "../pages/console-kit.js";

const RANGES = [
  ["today", STATS.today],
  ["yesterday", STATS.yesterday],
  ["this-week", STATS.thisWeek],
  ["last-week", STATS.lastWeek],
] as const;

const DIMENSIONS = [
  ["category", STATS.byCategory],
  ["window", STATS.byWindow],
  ["officer", STATS.byOfficer],
  ["hour", STATS.byHour],
] as const;

/** Hall totals over the range; `data-total` names the figure manage-stats.js writes. */
const TOTALS = [
  ["issued", STATS.issued],
  ["served", STATS.served],
  ["noShows", STATS.noShows],
  ["transfers", STATS.transfers],
  ["wait.meanMinutes", STATS.meanWait],
  ["wait.medianMinutes", STATS.medianWait],
  ["wait.p90Minutes", STATS.p90Wait],
  ["wait.maxMinutes", STATS.maxWait],
  ["service.meanMinutes", STATS.meanService],
  ["satisfaction", STATS.satisfaction],
] as const;

function Toolbar({ state, lang }: { state: HallState; lang: Lang }) {
  const label = (m: Msg) => both(lang, m, {}, " ");
  return (
    <div class="stats-toolbar">
      <div class="segmented" role="group" aria-label={label(STATS.range)}>
        {RANGES.map(([id, m]) => (
          <button type="button" class="small" data-stats-range={id} aria-pressed={id === "today" ? "true" : "false"}>
            <Bi lang={lang} m={m} />
          </button>
        ))}
      </div>
      <label class="inline stats-dates">
        <input type="date" name="from" value={state.day} max={state.day} aria-label={label(STATS.from)} />–
        <input type="date" name="to" value={state.day} max={state.day} aria-label={label(STATS.to)} />
      </label>
      <div class="segmented" role="group" aria-label={label(STATS.groupBy)}>
        {DIMENSIONS.map(([id, m]) => (
          <button type="button" class="small" data-stats-by={id} aria-pressed={id === "category" ? "true" : "false"}>
            <Bi lang={lang} m={m} />
          </button>
        ))}
      </div>
      <div class="stats-export">
        <a class="button small" data-csv="range" href="#" download>
          <Bi lang={lang} m={STATS.csv} />
        </a>
        <a class="button small" data-csv="day" href="#" download>
          <Bi lang={lang} m={STATS.csvPerDay} />
        </a>
      </div>
    </div>
  );
}

/** A column head: the page's language, the other small beneath it. */
function Head({ lang, m }: { lang: Lang; m: Msg }) {
  return (
    <>
      {say(lang, m)}
      <small>{sayAfter(lang, m)}</small>
    </>
  );
}

function StatsTable({ lang }: { lang: Lang }) {
  return (
    <table class="list stats-table">
      <thead>
        <tr>
          <th rowspan={2} data-slot="group-head">
            {both(lang, STATS.category, {}, " ")}
          </th>
          <th rowspan={2} class="num">
            <Head lang={lang} m={STATS.issued} />
          </th>
          <th rowspan={2} class="num">
            <Head lang={lang} m={STATS.served} />
          </th>
          <th rowspan={2} class="num">
            <Head lang={lang} m={STATS.noShow} />
          </th>
          <th rowspan={2} class="num">
            <Head lang={lang} m={STATS.transfer} />
          </th>
          <th colspan={4} class="group">
            {both(lang, STATS.waitMinutes, {}, lang === "en" ? " · " : "· ")}
          </th>
          <th colspan={2} class="group">
            {both(lang, STATS.service)}
          </th>
          <th rowspan={2} class="num">
            <Head lang={lang} m={STATS.rating} />
          </th>
        </tr>
        <tr>
          {[STATS.mean, STATS.median, STATS.p90, STATS.max, STATS.mean, STATS.p90].map((m) => (
            <th class="num">
              <Head lang={lang} m={m} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody id="stats-rows">
        <tr class="empty">
          <td colspan={13}>…</td>
        </tr>
      </tbody>
    </table>
  );
}

function AdvicePanel({ lang }: { lang: Lang }) {
  return (
    <aside id="advice" class="advice" aria-live="polite">
      <h2>
        <Bi lang={lang} m={STATS.advice} />
      </h2>
      <p class="advice-now">
        <b data-slot="now"></b>
        <small class="muted" data-slot="now-basis"></small>
      </p>
      <table class="list advice-table">
        <thead>
          <tr>
            <th>{say(lang, STATS.category)}</th>
            {[STATS.lastHour, STATS.serviceMinutes, STATS.waiting, STATS.open, STATS.needed].map((m) => (
              <th class="num">
                <Head lang={lang} m={m} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody id="advice-rows"></tbody>
      </table>
      <h3>
        <Bi lang={lang} m={STATS.theDay} />
      </h3>
      <p class="advice-day" data-slot="day"></p>
      <p class="advice-action" data-slot="action" hidden>
        <span data-slot="action-text"></span>
        <button type="button" class="small primary" data-tab="hall">
          <Bi lang={lang} m={STATS.adjustWindows} />
        </button>
      </p>
    </aside>
  );
}

export function StatsPanel({ state, lang }: { state: HallState; lang: Lang }) {
  return (
    <section id="stats" class="stats-panel">
      <Toolbar state={state} lang={lang} />
      <p class="stats-caption" data-slot="caption"></p>
      <dl class="stats-totals" id="stats-totals">
        {TOTALS.map(([id, m]) => (
          <div data-total={id}>
            <dt>
              <Bi lang={lang} m={m} />
            </dt>
            <dd>—</dd>
          </div>
        ))}
      </dl>
      <div class="stats-columns">
        <div class="stats-main">
          <StatsTable lang={lang} />
          <p class="stats-note muted">{both(lang, STATS.note, {}, lang === "en" ? " · " : "· ")}</p>
        </div>
        <AdvicePanel lang={lang} />
      </div>
    </section>
  );
}
