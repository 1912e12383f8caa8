/**
 * The manager console's 排班 tab: the day's plan from the hall's own history (GET /plan?date=,
 * the same planner and simulator as `npm run plan`) as a timeline of windows by half hour, the
 * waits it expects against the target and the alarm line, its officer-hours against Laibin's
 * rule, whether it meets the targets and, if not, when and by how many windows the hall falls
 * short; 「采用此方案」 applies it as the hall's plan for the day (PUT /plan/{date}).
 * display/browser/manage-plan.js fills it; the date defaults to tomorrow on the hall's clock.
 */
import { raw } from "hono/html";
import type { HallState } from "../core/types.js";
import { Bi } from "./console-kit.js";
import { oob } from "./layout.js";

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
export function AutoOpenNote({ state, live }: { state: HallState; live: boolean }) {
  const on = state.settings.autoOpen === true;
  return (
    <p id="plan-auto" class={`plan-auto${on ? " on" : ""}`} data-auto-open={on ? "true" : "false"} {...oob(live)}>
      {on ? (
        <Bi zh="自动开窗已开启：到点由大厅按已采用的方案开放、暂停窗口并调整业务（审计记为 plan）；方案未用的窗口保持现状" en="Auto-open is on: at each shift change the hall opens, pauses and re-assigns the plan's windows itself (audited as “plan”); windows not in the plan are left as they are" />
      ) : (
        <Bi zh="自动开窗未开启：到点只在管理台和数据大屏提醒，由您开关窗口（可在“设置”中开启）" en="Auto-open is off: the console and the data wall remind you at each shift change; turn it on in Settings" />
      )}
    </p>
  );
}

export function PlanPanel({ state }: { state: HallState }) {
  return (
    <section id="plan" class="plan-panel">
      <script type="application/json" id="plan-hall">
        {raw(JSON.stringify(hallWords(state)).replaceAll("<", "\\u003c"))}
      </script>
      <div class="plan-toolbar">
        <label class="inline plan-date">
          <Bi zh="排班日期" en="Day to plan" />
          <input type="date" name="plan-date" min={state.day} />
        </label>
        <button type="button" class="small" data-plan-load>
          <Bi zh="重新计算" en="Plan again" />
        </button>
        <span class="plan-status" data-slot="status" role="status" aria-live="polite"></span>
      </div>
      <p class="plan-verdict" data-slot="verdict" hidden></p>
      <dl class="plan-figures" data-slot="figures" hidden>
        <div data-figure="hours">
          <dt>
            <Bi zh="本方案 窗口·小时" en="Officer-hours, this plan" />
          </dt>
          <dd></dd>
        </div>
        <div data-figure="laibin">
          <dt>
            <Bi zh="来宾规则" en="Laibin's rule" />
          </dt>
          <dd></dd>
        </div>
        <div data-figure="saving">
          <dt>
            <Bi zh="节省" en="Saved" />
          </dt>
          <dd></dd>
        </div>
        <div data-figure="mean">
          <dt>
            <Bi zh="预计平均等候" en="Expected mean wait" />
          </dt>
          <dd></dd>
        </div>
      </dl>
      <div class="plan-columns">
        <div class="plan-timeline" id="plan-timeline" role="list" aria-label="各窗口班次 shifts by window"></div>
        <table class="list plan-waits" data-slot="waits" hidden>
          <caption>
            <Bi zh="预计等候（分钟）" en="Expected waits, minutes" />
          </caption>
          <thead>
            <tr>
              <th scope="col">业务 Category</th>
              <th scope="col" class="num">
                平均<small>mean</small>
              </th>
              <th scope="col" class="num">
                90%<small>p90</small>
              </th>
              <th scope="col">
                警戒线<small>alarm line</small>
              </th>
            </tr>
          </thead>
          <tbody id="plan-wait-rows"></tbody>
        </table>
      </div>
      <p class="plan-basis muted" data-slot="basis"></p>
      <div class="plan-actions">
        <p class="plan-applied" data-slot="applied"></p>
        <button type="button" class="danger" data-plan-remove hidden>
          <Bi zh="撤销方案" en="Stop following" />
        </button>
        <button type="button" class="primary" data-plan-apply disabled>
          <Bi zh="采用此方案" en="Apply this plan" />
        </button>
      </div>
      <AutoOpenNote state={state} live={false} />
    </section>
  );
}
