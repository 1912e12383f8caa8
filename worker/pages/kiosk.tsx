/**
 * The ticket kiosk (取号机) on a 10-inch touch screen: the categories served now (others greyed
 * with the reason), the priorities the hall offers, an optional ID number, appointment check-in
 * with an on-screen keypad, and the printed ticket (58 or 80 mm thermal paper, `?paper=58`).
 * Laid out for landscape (1280×800, 1920×1080) and the upright 取号机 (1080×1920); 适老 mode
 * (`?elder=1`, or the 长辈模式 button for one citizen) is larger type and one choice per step.
 */
import { estimateHall } from "../core/estimates.js";
import { offeredPriorities } from "../core/issue.js";
import type { HallState } from "../core/types.js";
import { Bi, ConsoleConfig, MessageLine, PRIORITY_WORDS } from "./console-kit.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import type { LiveView } from "./views.js";

type Props = { state: HallState; now: number; live: boolean };

function Head({ state, live }: Props) {
  return (
    <header id="kiosk-head" class="kiosk-head" {...oob(live)}>
      <h1>{state.settings.name}</h1>
      {state.settings.notice && <p class="notice">{state.settings.notice}</p>}
      <button type="button" class="elder-toggle" data-action="elder" aria-pressed="false">
        <Bi zh="长辈模式 · 大字" en="Larger text, one step at a time" />
      </button>
    </header>
  );
}

/**
 * 适老 mode, step two: after the service, one question — priority — in big buttons; kiosk.js
 * fills it from the priorities the hall offers now.
 */
function ElderStep() {
  return (
    <div id="elder-step" class="elder-step" role="dialog" aria-modal="true" aria-labelledby="elder-step-title" hidden>
      <div class="elder-step-frame">
        <h2 id="elder-step-title">
          <Bi zh="需要优先办理吗？" en="Do you need priority service?" />
        </h2>
        <p class="elder-step-service" data-slot="service"></p>
        <div class="elder-step-choices" data-slot="choices"></div>
        <button type="button" class="secondary elder-back" data-action="elder-back">
          <Bi zh="返回重选业务" en="Back: choose another service" />
        </button>
      </div>
    </div>
  );
}

/** Why a category cannot be chosen now, or null when an open window serves it. */
function unavailable(state: HallState, category: string): { zh: string; en: string } | null {
  const serving = state.windows.filter((w) => w.categories.includes(category) && w.state !== "closed");
  if (serving.some((w) => w.state === "open")) return null;
  if (serving.length > 0) return { zh: "办理窗口暂停中，请稍候", en: "Its windows are paused; please wait" };
  return { zh: "今日暂无窗口办理", en: "No window serves this now" };
}

function Categories({ state, now, live }: Props) {
  const estimates = estimateHall(state, now);
  return (
    <section id="kiosk-categories" class="kiosk-categories" {...oob(live)}>
      {state.categories.map((c) => {
        const why = unavailable(state, c.id);
        const wait = estimates.categories.get(c.id);
        return (
          <button type="button" class="category-button" data-category={c.id} disabled={why !== null} aria-describedby={`why-${c.id}`}>
            <span class="prefix">{c.prefix}</span>
            <span class="name-zh">{c.names["zh-Hans"]}</span>
            <span class="name-en" lang="en">
              {c.names.en}
            </span>
            {why ? (
              <span class="why" id={`why-${c.id}`}>
                {why.zh}
                <small lang="en">{why.en}</small>
              </span>
            ) : (
              <span class="wait" id={`why-${c.id}`}>
                等候 {wait?.waiting ?? 0} 人 · 约 {wait?.estimatedWaitMinutes ?? "—"} 分钟
                <small lang="en">
                  {wait?.waiting ?? 0} waiting · about {wait?.estimatedWaitMinutes ?? "—"} min
                </small>
              </span>
            )}
          </button>
        );
      })}
    </section>
  );
}

function Priorities({ state, live }: Props) {
  const offered = offeredPriorities(state);
  return (
    <div id="kiosk-priorities" class="kiosk-priorities" role="radiogroup" aria-label="priority" {...oob(live)}>
      <span class="label">
        <Bi zh="优先办理请先选" en="Priority? Choose it first" />
      </span>
      {(["normal", ...offered] as const).map((p) => (
        <button type="button" role="radio" class="priority" data-priority={p} aria-checked={p === "normal" ? "true" : "false"}>
          <Bi zh={PRIORITY_WORDS[p].zh} en={PRIORITY_WORDS[p].en} />
        </button>
      ))}
    </div>
  );
}

function Keypad() {
  const keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0", "⌫"];
  return (
    <div class="keypad" aria-label="keypad">
      {keys.map((k) => (
        <button type="button" class="key" data-key={k}>
          {k}
        </button>
      ))}
    </div>
  );
}

function SidePanel() {
  return (
    <aside class="kiosk-side">
      <label class="field" data-field="idNumber">
        <Bi zh="身份证号（可选）" en="ID number (optional): swipe your card or type it" />
        <input id="id-number" name="idNumber" inputmode="numeric" autocomplete="off" maxlength={18} placeholder="刷身份证或输入 · swipe or type" />
      </label>
      <label class="field" data-field="code">
        <Bi zh="预约签到" en="Booked online? Type your 6-digit code" />
        <span class="code-row">
          <input id="appointment-code" name="code" inputmode="numeric" autocomplete="off" maxlength={6} placeholder="预约码 · code" />
          <button type="button" class="primary" data-action="check-in">
            <Bi zh="签到取号" en="Check in" />
          </button>
        </span>
      </label>
      <Keypad />
      <button type="button" class="secondary clear" data-action="clear">
        <Bi zh="清除" en="Clear" />
      </button>
    </aside>
  );
}

/** The ticket as shown and printed; kiosk.js fills the slots from the hall's reply. */
function Slip({ state }: { state: HallState }) {
  return (
    <div id="slip-overlay" class="slip-overlay" hidden>
      <div class="slip-frame">
        <article id="slip" class="slip" aria-live="assertive">
          <header>{state.settings.name}</header>
          <p class="slip-category" data-slot="category"></p>
          <p class="slip-number" data-slot="number"></p>
          <p class="slip-priority" data-slot="priority"></p>
          <p class="slip-ahead">
            前面还有 <b data-slot="ahead"></b> 人
            <br />
            <span lang="en">
              <b data-slot="ahead"></b> ahead of you
            </span>
          </p>
          <p class="slip-wait">
            预计等候约 <b data-slot="wait"></b> 分钟
            <br />
            <span lang="en">
              about <b data-slot="wait"></b> min
            </span>
          </p>
          <figure class="slip-qr" data-slot="qr-figure">
            <img data-slot="qr" alt="QR code: your ticket's status page" width="132" height="132" />
            <figcaption>
              扫码查看叫号进度
              <br />
              <span lang="en">Scan to follow your number</span>
            </figcaption>
          </figure>
          <p class="slip-time" data-slot="time"></p>
          <footer>请留意叫号，过号需重新排队 · Listen for your number</footer>
        </article>
        <div class="slip-actions">
          <section class="nearby" data-slot="nearby" hidden>
            <h3>
              <Bi zh="附近大厅 · 等候更短" en="Nearby halls with a shorter wait" />
            </h3>
            <ol data-slot="nearby-list"></ol>
          </section>
          <p class="take">
            <Bi zh="请取走您的号票" en="Please take your ticket" />
          </p>
          <button type="button" class="secondary" data-action="print">
            <Bi zh="重新打印" en="Print again" />
          </button>
          <button type="button" class="primary" data-action="done">
            <Bi zh="完成" en="Done" />
          </button>
        </div>
      </div>
    </div>
  );
}

function regions(props: Props) {
  return (
    <>
      <Head {...props} />
      <Categories {...props} />
      <Priorities {...props} />
    </>
  );
}

export const kioskView: LiveView = {
  ages: true,
  roles: ["admin", "manager", "kiosk"],
  page(state, now, params, live: LiveConfig) {
    const token = new URL(live.url, "http://x").searchParams.get("token") ?? "";
    const paper = params.get("paper") === "58" ? "58" : "80";
    const names = Object.fromEntries(state.categories.map((c) => [c.id, c.names]));
    return Page({
      title: `${state.settings.name} · 取号 Take a number`,
      live,
      bodyClass: `console kiosk-page paper-${paper}${params.get("elder") === "1" ? " elder" : ""}`,
      styles: ["/static/display/consoles.css", "/static/display/kiosk.css"],
      scripts: ["/static/display/consoles.js", "/static/display/kiosk.js"],
      children: (
        <>
          <ConsoleConfig
            config={{
              hall: state.hall,
              token,
              role: "kiosk",
              timezone: state.settings.timezone,
              categories: names,
              print: params.get("print") !== "off",
              // Over the alarm line, the slip offers the region's halls with a shorter wait (附近大厅).
              region: state.settings.region ?? null,
              alarmMinutes: state.settings.alarmMinutes,
              location: state.settings.location ?? null,
            }}
          />
          <main class="kiosk">
            <Head state={state} now={now} live={false} />
            <section class="kiosk-main">
              <h2>
                <Bi zh="请选择业务取号" en="Choose a service to take a number" />
              </h2>
              <Categories state={state} now={now} live={false} />
              <Priorities state={state} now={now} live={false} />
            </section>
            <SidePanel />
            <MessageLine />
          </main>
          <ElderStep />
          <Slip state={state} />
        </>
      ),
    }).toString();
  },
  fragments(state, now) {
    return regions({ state, now, live: true }).toString();
  },
};
