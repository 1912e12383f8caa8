/**
 * What the consoles (window terminal, kiosk, manager, citizen status page) share: bilingual
 * labels, the hall's wall clock, ticket words, the console config the browser scripts read,
 * and the transfer dialog the terminal and the manager both use.
 */
import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { Category, HallState, Priority, Ticket, TicketStatus, WindowState } from "../core/types.js";

/** Chinese first, English beneath or beside: the consoles' one rule for labels. */
export function Bi({ zh, en, class: cls }: { zh: Child; en: string; class?: string }) {
  return (
    <span class={`bi${cls ? ` ${cls}` : ""}`}>
      <span class="zh">{zh}</span>
      <span class="en" lang="en">
        {en}
      </span>
    </span>
  );
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "10:32" in the hall's time zone. */
export function hhmm(at: string | number, timezone: string): string {
  let f = clockFormats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clockFormats.set(timezone, f);
  }
  return f.format(new Date(at));
}

export const minutesBetween = (from: string, to: number) => Math.max(0, Math.floor((to - Date.parse(from)) / 60000));

export function categoryOf(state: HallState, id: string): Category | undefined {
  return state.categories.find((c) => c.id === id);
}

export const categoryZh = (state: HallState, id: string) => categoryOf(state, id)?.names["zh-Hans"] ?? id;
export const categoryEn = (state: HallState, id: string) => categoryOf(state, id)?.names.en ?? id;

export const PRIORITY_WORDS: Record<Priority, { zh: string; en: string }> = {
  normal: { zh: "普通", en: "Normal" },
  elderly: { zh: "长者", en: "Elderly" },
  disabled: { zh: "残障", en: "Disability" },
  appointment: { zh: "预约", en: "Appointment" },
  green: { zh: "绿色通道", en: "Green channel" },
};

export const STATUS_WORDS: Record<TicketStatus, { zh: string; en: string }> = {
  waiting: { zh: "等候中", en: "Waiting" },
  called: { zh: "已呼叫", en: "Called" },
  serving: { zh: "办理中", en: "Being served" },
  done: { zh: "已办结", en: "Done" },
  no_show: { zh: "已过号", en: "Missed (no-show)" },
  cancelled: { zh: "已取消", en: "Cancelled" },
};

export const WINDOW_WORDS: Record<WindowState, { zh: string; en: string }> = {
  open: { zh: "开放", en: "Open" },
  paused: { zh: "暂停", en: "Paused" },
  closed: { zh: "关闭", en: "Closed" },
};

export function PriorityTag({ priority }: { priority: Priority }) {
  if (priority === "normal") return null;
  const w = PRIORITY_WORDS[priority];
  return (
    <span class={`tag tag-${priority}`} title={w.en}>
      {w.zh}
    </span>
  );
}

/** Waiting tickets a window may call: its categories, or transferred to it by name. */
export function callableBy(t: Ticket, window: { id: string; categories: string[] }): boolean {
  return t.status === "waiting" && (t.targetWindow === window.id || (t.targetWindow === null && window.categories.includes(t.category)));
}

/** Settings the console scripts read: the hall, the API token and what the page is for. */
export function ConsoleConfig({ config }: { config: Record<string, unknown> }) {
  return (
    <script type="application/json" id="tongban-console">
      {raw(JSON.stringify(config).replaceAll("<", "\\u003c"))}
    </script>
  );
}

/** The page's messages: the scripts put what a press did, or why it failed, here. */
export function MessageLine() {
  return <div id="console-message" class="console-message" role="status" aria-live="polite" hidden></div>;
}

/**
 * Move a ticket to another category or window. Filled from the first paint (categories and
 * windows change rarely); the hall checks the target when the press arrives.
 */
export function TransferDialog({ state, exceptWindow, children }: { state: HallState; exceptWindow?: string; children?: Child }) {
  return (
    <dialog id="transfer-dialog" class="console-dialog">
      <form method="dialog">
        <h2>
          <Bi zh={<>转移 <span data-slot="number"></span></>} en="Transfer to another category or window" />
        </h2>
        <h3>
          <Bi zh="转到业务" en="To a category" />
        </h3>
        <div class="choice-grid">
          {state.categories.map((c) => (
            <button type="button" class="choice" data-transfer-category={c.id}>
              <Bi zh={c.names["zh-Hans"]} en={c.names.en} />
            </button>
          ))}
        </div>
        <h3>
          <Bi zh="转到窗口" en="To a window" />
        </h3>
        <div class="choice-grid">
          {state.windows
            .filter((w) => w.id !== exceptWindow)
            .map((w) => (
              <button type="button" class="choice" data-transfer-window={w.id}>
                <Bi zh={`${w.number} 号窗口`} en={w.label} />
              </button>
            ))}
        </div>
        {children}
        <div class="dialog-actions">
          <button value="cancel" class="secondary" formnovalidate>
            <Bi zh="关闭" en="Close" />
          </button>
        </div>
      </form>
    </dialog>
  );
}
