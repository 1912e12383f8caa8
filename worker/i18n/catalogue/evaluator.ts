/** The window evaluator (窗口评价器), the citizen's side of 好差评; its five levels and indicators are the core's (worker/core/rating.ts). */
export const EVALUATOR = {
  title: { zh: "{number} 号窗口评价", en: "Window {number}: rate our service" },
  titleNoWindow: { zh: "窗口评价", en: "Rate our service" },
  rateOurService: { zh: "窗口服务评价", en: "Rate our service" },
  gone: { zh: "此窗口已不在大厅配置中", en: "This window is no longer configured" },
  unknownWindow: { zh: "没有这个窗口", en: 'unknown window "{window}"{known}' },
  windowWord: { zh: "号窗口", en: "window" },
  servingYou: { zh: "为您服务的民警", en: "Serving you" },
  badge: { zh: "警号 {badge}", en: "Badge {badge}" },
  noOfficer: { zh: "本窗口民警暂未签到", en: "No officer signed in" },
  nowServing: { zh: "正在为 {number} 号办理", en: "Now serving {number}" },
  welcome: { zh: "欢迎您，办理结束后请对我们的服务进行评价", en: "Welcome. Please rate our service when you are done" },
  idle: { zh: "您好，欢迎对我们的服务进行评价", en: "When your business is done, you can rate our service here" },
  ask: { zh: "请您对本次服务进行评价", en: "Please rate the service you received" },
  whatWrong: { zh: "请选择您不满意的方面（可多选）", en: "What were you unhappy with? (choose any)" },
  send: { zh: "提交评价", en: "Send" },
  thanks: { zh: "感谢您的评价！", en: "Thank you for your rating!" },
} as const;

/** What evaluator.js says. */
export const EVALUATOR_SCRIPT = {
  ticket: { zh: "{number} 号", en: "No. {number}" },
  callBack: { zh: "我们会尽快与您联系并改进", en: "We will call you back and put it right" },
  alreadyRated: { zh: "本次服务已评价", en: "This service was already rated" },
} as const;
