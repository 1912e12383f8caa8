/**
 * The window terminal (窗口终端): the officer's big buttons, the ticket at the window and why
 * it was chosen, the queue this window may call, and the officer's count today. Buttons carry
 * `data-action` and a key (caller keypads type digits); counter.js sends each press to the API
 * with a fresh commandId and the page shows what the hall says, over the live socket.
 */
import { estimateHall } from "../core/estimates.js";
import type { HallState, Ticket, Window } from "../core/types.js";
import {
  Bi,
  callableBy,
  categoryEn,
  categoryZh,
  ConsoleConfig,
  hhmm,
  MessageLine,
  minutesBetween,
  PriorityTag,
  STATUS_WORDS,
  TransferDialog,
  WINDOW_WORDS,
} from "./console-kit.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import type { LiveView } from "./views.js";

type Props = { state: HallState; w: Window; now: number; live: boolean };

/** The terminal's buttons, their keys (digits from a keypad, or letters) and when each applies. */
/** Call next stays enabled at an open window: with callNextFinishes (the default) it finishes the citizen there first. */
const finishesOnCall = (s: HallState) => s.settings.callNextFinishes !== false;

const ACTIONS = [
  { action: "call-next", key: "1", alt: "N", zh: "呼叫下一位", en: "Call next", when: (w: Window, t: Ticket | undefined, s: HallState) => w.state === "open" && (!t || finishesOnCall(s)) },
  { action: "recall", key: "2", alt: "R", zh: "重呼", en: "Recall", when: (_: Window, t?: Ticket) => t?.status === "called" },
  { action: "start", key: "3", alt: "S", zh: "开始办理", en: "Start", when: (_: Window, t?: Ticket) => t?.status === "called" },
  { action: "finish", key: "4", alt: "F", zh: "办结", en: "Finish", when: (_: Window, t?: Ticket) => t?.status === "called" || t?.status === "serving" },
  { action: "no-show", key: "5", alt: "X", zh: "过号", en: "No-show", when: (_: Window, t?: Ticket) => t?.status === "called" },
  { action: "transfer", key: "6", alt: "T", zh: "转移", en: "Transfer", when: (_: Window, t?: Ticket) => t !== undefined },
  { action: "pause", key: "7", alt: "P", zh: "暂停窗口", en: "Pause window", when: (w: Window) => w.state === "open" },
  { action: "resume", key: "8", alt: "O", zh: "恢复窗口", en: "Resume window", when: (w: Window) => w.state === "paused" },
] as const;

/** What a button says: Call next at a window with a citizen says it finishes them too. */
function label(a: (typeof ACTIONS)[number], t: Ticket | undefined, s: HallState): { zh: string; en: string } {
  if (a.action === "call-next" && t && finishesOnCall(s)) return { zh: "办结并呼叫下一位", en: "Finish & call next" };
  return a;
}

function windowOf(state: HallState, params: URLSearchParams): Window | undefined {
  return state.windows.find((w) => w.id === params.get("window"));
}

function Head({ state, w, live }: Props) {
  const officer = w.officer;
  const done = Object.values(state.tickets).filter((t) => t.status === "done");
  const byOfficer = officer ? done.filter((t) => (officer.id ? t.officer?.id === officer.id : t.officer?.badge === officer.badge)).length : 0;
  const atWindow = done.filter((t) => t.window === w.id).length;
  const state_ = WINDOW_WORDS[w.state];
  return (
    <header id="counter-head" class="counter-head" data-window-state={w.state} data-officer={officer?.id ?? officer?.badge ?? ""} {...oob(live)}>
      <div class="window-name">
        <span class="window-number">{w.number}</span>
        <Bi zh={`号窗口 · ${w.label}`} en={`Window ${w.number} · ${state.settings.name}`} />
      </div>
      {/* A plan's shift ended while a citizen was here: they are served, nobody new is called. */}
      <span class={`state-pill state-${w.closing ? "closing" : w.state}`}>
        {w.closing ? <Bi zh="本班结束，办完此号后暂停" en="Shift over: pauses after this citizen" /> : <Bi zh={state_.zh} en={state_.en} />}
      </span>
      <div class="officer">
        {officer ? (
          <>
            <Bi zh={`${officer.name} · 警号 ${officer.badge}`} en="Officer on duty" />
            <button type="button" class="secondary small" data-action="sign-out">
              <Bi zh="签退" en="Sign out" />
            </button>
          </>
        ) : (
          <button type="button" class="primary small" data-action="sign-in">
            <Bi zh="民警签到" en="Officer sign in" />
          </button>
        )}
      </div>
      <div class="served" title="finished at this window today">
        <span class="figure">{officer ? byOfficer : atWindow}</span>
        <Bi zh={officer ? "本人今日办结" : "本窗口今日办结"} en={officer ? "served by you today" : "served here today"} />
      </div>
    </header>
  );
}

function Current({ state, w, now, live }: Props) {
  const t = w.current ? state.tickets[w.current] : undefined;
  if (!t) {
    const why =
      w.state === "closed"
        ? { zh: "窗口已关闭，由管理员开启", en: "This window is closed; a manager opens it" }
        : w.state === "paused"
          ? { zh: "窗口暂停中，按「恢复窗口」继续叫号", en: "Paused: press Resume to call again" }
          : { zh: "按「呼叫下一位」叫号", en: "Press Call next to call the next citizen" };
    return (
      <section id="counter-current" class="current empty" data-ticket="" data-status="" {...oob(live)}>
        <Bi zh="当前无号" en="No ticket at this window" class="idle" />
        <Bi zh={why.zh} en={why.en} class="hint" />
      </section>
    );
  }
  const status = STATUS_WORDS[t.status];
  const waited = t.calledAt ? minutesBetween(t.queuedAt, Date.parse(t.calledAt)) : minutesBetween(t.queuedAt, now);
  const moved = t.transfers.at(-1);
  return (
    <section id="counter-current" class={`current status-${t.status}`} data-ticket={t.id} data-number={t.number} data-status={t.status} {...oob(live)}>
      <div class="current-number">{t.number}</div>
      <div class="current-facts">
        <div class="current-line">
          <Bi zh={categoryZh(state, t.category)} en={categoryEn(state, t.category)} class="category" />
          <PriorityTag priority={t.priority} />
          <span class={`status-pill status-${t.status}`}>
            <Bi zh={status.zh + (t.callCount > 1 ? ` · 第 ${t.callCount} 次呼叫` : "")} en={status.en + (t.callCount > 1 ? ` · call ${t.callCount}` : "")} />
          </span>
        </div>
        <dl>
          <dt>
            <Bi zh="等候" en="Waited" />
          </dt>
          <dd>
            <Bi zh={`${waited} 分钟（${hhmm(t.issuedAt, state.settings.timezone)} 取号）`} en={`${waited} min, ticket taken ${hhmm(t.issuedAt, state.settings.timezone)}`} />
          </dd>
          <dt>
            <Bi zh="呼叫原因" en="Why this ticket" />
          </dt>
          <dd class="reason">{t.callReason ? <Bi zh={t.callReason.reasonZh} en={t.callReason.reason} /> : <Bi zh="—" en="" />}</dd>
          <dt>
            <Bi zh="在窗口" en="At the window" />
          </dt>
          <dd>
            <span data-since={t.servedAt ?? t.calledAt ?? ""} data-now={String(now)}>{minutesBetween(t.servedAt ?? t.calledAt ?? new Date(now).toISOString(), now)}</span> 分钟 · min
            {t.servedAt ? "（办理中 serving）" : "（等市民到窗 waiting for the citizen）"}
          </dd>
          {moved && (
            <>
              <dt>
                <Bi zh="转入" en="Transferred" />
              </dt>
              <dd>
                <Bi
                  zh={`由 ${categoryZh(state, moved.from.category)}${moved.from.window ? ` · ${moved.from.window} 号窗口` : ""} 转入`}
                  en={`from ${categoryEn(state, moved.from.category)}${moved.from.window ? `, window ${moved.from.window}` : ""}`}
                />
              </dd>
            </>
          )}
        </dl>
      </div>
    </section>
  );
}

function Actions({ state, w, live }: Props) {
  const t = w.current ? state.tickets[w.current] : undefined;
  return (
    <nav id="counter-actions" class="actions" aria-label="window actions" {...oob(live)}>
      {ACTIONS.map((a) => (
        <button type="button" class={`action action-${a.action}`} data-action={a.action} data-key={a.key} data-alt-key={a.alt} disabled={!a.when(w, t, state)}>
          <kbd>{a.key}</kbd>
          <Bi {...label(a, t, state)} />
        </button>
      ))}
    </nav>
  );
}

function Queue({ state, w, now, live }: Props) {
  const estimates = estimateHall(state, now);
  const mine = estimates.order.filter((t) => callableBy(t, w));
  const alarm = state.settings.alarmMinutes;
  const shown = mine.slice(0, 14);
  return (
    <section id="counter-queue" class="queue" {...oob(live)}>
      <h2>
        <Bi zh={`本窗口可叫 ${mine.length} 人`} en={`${mine.length} waiting for this window (${w.categories.map((c) => categoryZh(state, c)).join("、") || "no categories"})`} />
      </h2>
      {mine.length === 0 ? (
        <p class="empty">
          <Bi zh="暂无等候" en="Nobody is waiting for this window" />
        </p>
      ) : (
        <ol>
          <li class="columns" aria-hidden="true">
            <span class="number">号码</span>
            <span class="category">业务 category</span>
            <span class="waited">已等 waited</span>
            <span class="estimate">预计 est.</span>
          </li>
          {shown.map((t) => {
            const waited = minutesBetween(t.queuedAt, now);
            const est = estimates.tickets.get(t.id)?.estimatedWaitMinutes;
            return (
              <li class={waited >= alarm ? "overdue" : ""} data-number={t.number}>
                <span class="number">{t.number}</span>
                <span class="category">{categoryZh(state, t.category)}</span>
                <PriorityTag priority={t.priority} />
                {t.targetWindow === w.id && <span class="tag tag-targeted">转入本窗</span>}
                <span class="waited">{waited} 分</span>
                <span class="estimate" title="estimated wait">{est === null || est === undefined ? "—" : `≈${est}′`}</span>
              </li>
            );
          })}
        </ol>
      )}
      {mine.length > shown.length && <p class="more">+{mine.length - shown.length}</p>}
    </section>
  );
}

function SignInDialog() {
  return (
    <dialog id="sign-in-dialog" class="console-dialog">
      <form id="sign-in-form" method="dialog">
        <h2>
          <Bi zh="民警签到" en="Officer sign in" />
        </h2>
        <label>
          <Bi zh="人员" en="Staff account" />
          <select name="staff" required></select>
        </label>
        <label>
          <Bi zh="PIN（如已设置）" en="PIN, if the account has one" />
          <input name="pin" type="password" inputmode="numeric" autocomplete="off" pattern="\d{4,8}" maxlength={8} />
        </label>
        <p class="dialog-note" data-slot="note"></p>
        <div class="dialog-actions">
          <button value="cancel" class="secondary" formnovalidate>
            <Bi zh="取消" en="Cancel" />
          </button>
          <button type="submit" value="sign-in" class="primary">
            <Bi zh="签到" en="Sign in" />
          </button>
        </div>
      </form>
    </dialog>
  );
}

function regions(state: HallState, w: Window, now: number, live: boolean) {
  const props = { state, w, now, live };
  return (
    <>
      <Head {...props} />
      <Current {...props} />
      <Actions {...props} />
      <Queue {...props} />
    </>
  );
}

export const counterView: LiveView = {
  ages: true,
  roles: ["admin", "manager", "counter"],
  keys: ["window"],
  check(state, params) {
    return windowOf(state, params) ? null : `没有这个窗口 · no window "${params.get("window")}" in this hall`;
  },
  page(state, now, params, live: LiveConfig) {
    const w = windowOf(state, params)!;
    const token = new URL(live.url, "http://x").searchParams.get("token") ?? "";
    return Page({
      title: `${w.number} 号窗口终端 · Window ${w.number} terminal`,
      live,
      bodyClass: "console counter-page",
      styles: ["/static/display/consoles.css", "/static/display/counter.css"],
      scripts: ["/static/display/consoles.js", "/static/display/counter.js"],
      children: (
        <>
          <ConsoleConfig config={{ hall: state.hall, window: w.id, token, role: "counter" }} />
          <main class="counter">
            {regions(state, w, now, false)}
            <MessageLine />
          </main>
          <TransferDialog state={state} exceptWindow={w.id} />
          <SignInDialog />
        </>
      ),
    }).toString();
  },
  fragments(state, now, params) {
    const w = windowOf(state, params);
    return w ? regions(state, w, now, true).toString() : "";
  },
};
