/** Words every console shares: ticket, window and priority words, the transfer dialog, the page's own messages. */
import type { Priority, TicketStatus, WindowState } from "../../core/model.js";

export const PRIORITY = {
  normal: { zh: "普通", en: "Normal" },
  elderly: { zh: "长者", en: "Elderly" },
  disabled: { zh: "残障", en: "Disability" },
  appointment: { zh: "预约", en: "Appointment" },
  green: { zh: "绿色通道", en: "Green channel" },
} as const satisfies Record<Priority, { zh: string; en: string }>;

export const STATUS = {
  waiting: { zh: "等候中", en: "Waiting" },
  called: { zh: "已呼叫", en: "Called" },
  serving: { zh: "办理中", en: "Being served" },
  done: { zh: "已办结", en: "Done" },
  no_show: { zh: "已过号", en: "Missed (no-show)" },
  cancelled: { zh: "已取消", en: "Cancelled" },
} as const satisfies Record<TicketStatus, { zh: string; en: string }>;

export const WINDOW_STATE = {
  open: { zh: "开放", en: "Open" },
  paused: { zh: "暂停", en: "Paused" },
  closed: { zh: "关闭", en: "Closed" },
} as const satisfies Record<WindowState, { zh: string; en: string }>;

export const COMMON = {
  /* A ticket taken from home whose citizen has not checked in (issue 26): the terminal's and the console's queues. */
  onTheWay: { zh: "在途", en: "on the way" },
  onTheWayTitle: { zh: "线上取号，市民尚未到厅签到", en: "taken from home; the citizen has not checked in yet" },
  heldTimes: { zh: "让号{count}次", en: "passed ×{count}" },
  heldTitle: { zh: "未签到时轮到，已让后面的市民先办 {count} 次", en: "passed {count} times while on the way" },
  windowNumber: { zh: "{number} 号窗口", en: "Window {number}" },
  transferTitle: { zh: "转移 {number}", en: "Transfer to another category or window", lead: "Transfer {number} to another category or window" },
  transferToCategory: { zh: "转到业务", en: "To a category" },
  transferToWindow: { zh: "转到窗口", en: "To a window" },
  close: { zh: "关闭", en: "Close" },
  cancel: { zh: "取消", en: "Cancel" },
  offline: { zh: "离线", en: "offline" },
  offlineFor: { zh: "离线", en: "offline for {seconds} s" },
  languages: { zh: "语言", en: "Language" },
} as const;

/** What consoles.js says about a press on its way. */
export const COMMON_SCRIPT = {
  signInEnded: { zh: "登录已失效，请重新登录", en: "Your sign-in has ended; sign in again" },
  unreachable: { zh: "未能送达大厅，请检查网络后再按", en: "The hall could not be reached; check the network and press again" },
  retrying: { zh: "网络不稳，正在重试…", en: "Network trouble, retrying…" },
  notSaved: { zh: "未保存", en: "not saved" },
} as const;
