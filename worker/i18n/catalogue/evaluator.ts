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
  contactAsk: { zh: "需要我们回访吗？请留下手机号（可不填）", en: "Would you like a call back? Leave a mobile number (optional)" },
  contactLabel: { zh: "手机号码", en: "Mobile number" },
  contactUse: { zh: "仅用于本次回访，回访完成后保留 30 天即删除", en: "Used only for this call back, and deleted 30 days after it" },
  contactSend: { zh: "请回访我", en: "Call me back" },
  contactSkip: { zh: "不留号码", en: "No number" },
} as const;

/** What evaluator.js says. */
export const EVALUATOR_SCRIPT = {
  ticket: { zh: "{number} 号", en: "No. {number}" },
  callBack: { zh: "我们将致电 {mobile} 回访并改进", en: "We will call you back on {mobile} and put it right" },
  noCallBack: { zh: "您未留号码，我们无法回访；您的评价已记录，将用于改进服务", en: "Without a number we cannot call you back; your rating is recorded and will be used to put things right" },
  alreadyRated: { zh: "本次服务已评价", en: "This service was already rated" },
} as const;
