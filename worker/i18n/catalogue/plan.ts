/** The manager console's 排班 Plan tab, its auto-open note and setting, and the shift-change reminders. */
export const PLAN = {
  autoOn: {
    zh: "自动开窗已开启：到点由大厅按已采用的方案开放、暂停窗口并调整业务（审计记为 plan）；方案未用的窗口保持现状",
    en: "Auto-open is on: at each shift change the hall opens, pauses and re-assigns the plan's windows itself (audited as “plan”); windows not in the plan are left as they are",
  },
  autoOff: {
    zh: "自动开窗未开启：到点只在管理台和数据大屏提醒，由您开关窗口（可在“设置”中开启）",
    en: "Auto-open is off: the console and the data wall remind you at each shift change; turn it on in Settings",
  },
  day: { zh: "排班日期", en: "Day to plan" },
  again: { zh: "重新计算", en: "Plan again" },
  hours: { zh: "本方案 窗口·小时", en: "Officer-hours, this plan" },
  laibin: { zh: "来宾规则", en: "Laibin's rule" },
  saving: { zh: "节省", en: "Saved" },
  mean: { zh: "预计平均等候", en: "Expected mean wait" },
  shifts: { zh: "各窗口班次", en: "Shifts by window" },
  waits: { zh: "预计等候（分钟）", en: "Expected waits, minutes" },
  category: { zh: "业务", en: "Category" },
  meanShort: { zh: "平均", en: "mean" },
  p90: { zh: "90%", en: "p90" },
  alarmLine: { zh: "警戒线", en: "alarm line" },
  remove: { zh: "撤销方案", en: "Stop following" },
  apply: { zh: "采用此方案", en: "Apply this plan" },
  settingsLegend: { zh: "排班", en: "Day plan" },
  autoOpenSetting: { zh: "自动开窗：按已采用的排班方案到点开放、暂停窗口", en: "Auto-open: follow the applied plan at each shift change" },
  reminders: { zh: "排班提醒", en: "Shift changes" },
  // Issue 25 §7: the hall's plan rules, in Settings.
  minShiftSetting: { zh: "每班至少（小时）", en: "Shortest shift, hours" },
  maxShiftsSetting: { zh: "每个窗口每天至多几班", en: "Shifts per window a day, at most" },
  keepCategoriesSetting: { zh: "排班时各窗口只办理其设定的业务（专窗仍为专窗）", en: "Plan each window only for its own services (a specialist window stays one)" },
  // Issue 26 §4: the day's bookings beside the forecast.
  load: { zh: "每半小时人数：预测与预约", en: "Citizens per half hour: forecast and booked" },
  slot: { zh: "时段", en: "Half hour" },
  forecast: { zh: "预测", en: "forecast" },
  booked: { zh: "已预约", en: "booked" },
} as const;
