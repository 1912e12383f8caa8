/** The citizen's status page (`/t/{token}`), on their phone. */
export const STATUS_PAGE = {
  ahead: { zh: "前面还有（人）", en: "people ahead" },
  estimated: { zh: "预计等候（分钟）", en: "estimated wait, min" },
  noWindow: { zh: "目前没有开放的窗口办理此业务，请留意大厅广播", en: "No open window serves this right now; please listen for announcements" },
  transferredTo: { zh: "已转至 {number} 号窗口", en: "Transferred to window {number}" },
  willAlert: { zh: "叫到您时，本页会震动并响铃提醒", en: "This page vibrates and rings when you are called" },
  goTo: { zh: "请到 {number} 号窗口", en: "Please go to window {number}" },
  callAgain: { zh: "第 {count} 次呼叫，请尽快前往", en: "Call {count}: please hurry" },
  calledNow: { zh: "正在呼叫您", en: "You are being called now" },
  servingAt: { zh: "正在 {number} 号窗口办理", en: "Being served at window {number}" },
  done: { zh: "已办结，感谢您的耐心等候", en: "Done. Thank you for waiting" },
  supervision: { zh: "评价或监督（码上监督）", en: "Rate the service or report a problem" },
  missed: { zh: "您已过号", en: "You missed your call" },
  requeue: { zh: "请在 {minutes} 分钟内到服务台重新排队", en: "Go to the service desk within {minutes} min to queue again" },
  newNumber: { zh: "请重新取号", en: "Please take a new number" },
  dayEnded: { zh: "今日办理已结束，此号已失效", en: "The day has ended; this ticket is no longer valid" },
  cancelled: { zh: "此号已取消", en: "This ticket was cancelled" },
  thanks: { zh: "感谢您的评价", en: "Thank you for rating the service {score} of 5" },
  rate: { zh: "服务评价", en: "rate the service" },
  tapStar: { zh: "请为本次服务评分", en: "How was the service? Tap a star" },
  star: { zh: "{n} 星", en: "{n} of 5" },
  gone: { zh: "此号票不是今天的，或已失效", en: "This ticket is not from today, or is no longer valid" },
  taken: { zh: "{time} 取号", en: "taken at {time}" },
  alerts: { zh: "开启声音和震动提醒", en: "Turn on sound and vibration" },
  updates: { zh: "本页自动更新，无需刷新", en: "This page updates by itself" },
  unavailable: { zh: "状态页暂不可用", en: "Status pages are not set up on this server: {problem}" },
  invalidLink: { zh: "无效的链接，请扫描号票上的二维码", en: "This link is not valid: scan the QR code on your ticket" },
} as const;

/** What status.js says. */
export const STATUS_SCRIPT = {
  yourTurn: { zh: "🔔 请到窗口", en: "Your turn" },
  alertsOn: { zh: "✓ 提醒已开启", en: "Alerts on" },
  sent: { zh: "已提交，谢谢", en: "Thank you" },
  notSent: { zh: "未能提交", en: "not sent" },
  network: { zh: "网络不稳，请稍后再试", en: "Network trouble, please try again" },
} as const;
