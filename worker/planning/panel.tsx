/**
 * The manager console's 排班 tab: the day's plan from the hall's own history (GET /plan?date=,
 * the same planner and simulator as `npm run plan`) as a timeline of windows by half hour, the
 * waits it expects against the target and the alarm line, its officer-hours against Laibin's
 * rule, whether it meets the targets and, if not, when and by how many windows the hall falls
 * short; why each window is closed when it is, the hall's plan rules, and the citizens per half
 * hour forecast beside those booked; 「采用此方案」 applies it as the hall's plan for the day (PUT /plan/{date}).
 * display/browser/manage-plan.js fills it; the date defaults to tomorrow on the hall's clock.
 */
import { raw } from "hono/html";
import type { HallState } from "../core/model.js";
import { PLAN } from "../i18n/catalogue/plan.js";
import type { Lang } from "../i18n/lang.js";
import { both } from "../i18n/words.js";
import { Bi } from "../pages/console-kit.js";
import { oob } from "../pages/layout.js";

/** What the tab's script needs of the hall to name windows and categories. */
function hallWords(state: HallState) {
  return {
    windows: state.windows.map((w) => ({ id: w.id, number: w.number, label: w.label })),
    categories: state.categories.map((c) => ({ id: c.id, zh: c.names["zh-Hans"], en: c.names.en })),
    targetWaitMinutes: state.settings.targetWaitMinutes,
    alarmMinutes: state.settings.alarmMinutes,
  };
}

/** Whether the hall makes the plan's changes itself (live: the setting can change while the tab is open). */
export function AutoOpenNote({ state, live, lang }: { state: HallState; live: boolean; lang: Lang }) {
  const on = state.settings.autoOpen === true;
  return (
    <p id="plan-auto" class={`plan-auto${on ? " on" : ""}`} data-auto-open={on ? "true" : "false"} {...oob(live)}>
      {on ? (
        <Bi lang={lang} m={PLAN.autoOn} />
      ) : (
        <Bi lang={lang} m={PLAN.autoOff} />
      )}
    </p>
  );
}

export function PlanPanel({ state, lang }: { state: HallState; lang: Lang }) {
  return (
    <section id="plan" class="plan-panel">
      <script type="application/json" id="plan-hall">
        {raw(JSON.stringify(hallWords(state)).replaceAll("<", "\\u003c"))}
      </script>
      <div class="plan-toolbar">
        <label class="inline plan-date">
          <Bi lang={lang} m={PLAN.day} />
          <input type="date" name="plan-date" min={state.day} />
        </label>
        <button type="button" class="small" data-plan-load>
          <Bi lang={lang} m={PLAN.again} />
        </button>
        <span class="plan-status" data-slot="status" role="status" aria-live="polite"></span>
      </div>
      <p class="plan-verdict" data-slot="verdict" hidden></p>
      <dl class="plan-figures" data-slot="figures" hidden>
        <div data-figure="hours">
          <dt>
            <Bi lang={lang} m={PLAN.hours} />
          </dt>
          <dd></dd>
        </div>
        <div data-figure="laibin">
          <dt>
            <Bi lang={lang} m={PLAN.laibin} />
          </dt>
          <dd></dd>
        </div>
        <div data-figure="saving">
          <dt>
            <Bi lang={lang} m={PLAN.saving} />
          </dt>
          <dd></dd>
        </div>
        <div data-figure="mean">
          <dt>
            <Bi lang={lang} m={PLAN.mean} />
          </dt>
          <dd></dd>
        </div>
      </dl>
      <div class="plan-columns">
        <div class="plan-timeline" id="plan-timeline" role="list" aria-label={both(lang, PLAN.shifts, {}, " · ")}></div>
        <div class="plan-side">
          <table class="list plan-waits" data-slot="waits" hidden>
            <caption>
              <Bi lang={lang} m={PLAN.waits} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Bi lang={lang} m={PLAN.category} />
                </th>
                <th scope="col" class="num">
                  <Bi lang={lang} m={PLAN.meanShort} />
                </th>
                <th scope="col" class="num">
                  <Bi lang={lang} m={PLAN.p90} />
                </th>
                <th scope="col">
                  <Bi lang={lang} m={PLAN.alarmLine} />
                </th>
              </tr>
            </thead>
            <tbody id="plan-wait-rows"></tbody>
          </table>
          <table class="list plan-load" data-slot="load" hidden>
            <caption>
              <Bi lang={lang} m={PLAN.load} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Bi lang={lang} m={PLAN.slot} />
                </th>
                <th scope="col" class="num">
                  <Bi lang={lang} m={PLAN.forecast} />
                </th>
                <th scope="col" class="num">
                  <Bi lang={lang} m={PLAN.booked} />
                </th>
              </tr>
            </thead>
            <tbody id="plan-load-rows"></tbody>
          </table>
        </div>
      </div>
      <p class="plan-rules muted" data-slot="rules"></p>
      <p class="plan-basis muted" data-slot="basis"></p>
      <div class="plan-actions">
        <p class="plan-applied" data-slot="applied"></p>
        <button type="button" class="danger" data-plan-remove hidden>
          <Bi lang={lang} m={PLAN.remove} />
        </button>
        <button type="button" class="primary" data-plan-apply disabled>
          <Bi lang={lang} m={PLAN.apply} />
        </button>
      </div>
      <AutoOpenNote state={state} live={false} lang={lang} />
    </section>
  );
}
