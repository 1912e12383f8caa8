/**
 * The demo hall `demo`: a county public-security service hall with three 三合一 windows,
 * a township-style 二合一 window, a traffic specialist window and a difficult-cases window.
 */
import type { HallConfig } from "../core/model.js";

export const DEMO_HALL = "demo";

export function demoConfig(): HallConfig {
  return {
    name: "演示公安服务大厅 Demo Public Security Service Hall",
    timezone: "Asia/Shanghai",
    alarmMinutes: 10,
    targetWaitMinutes: 8.2,
    languages: ["cmn-Hans", "yue-Hant"],
    announcer: { repeat: 2, rate: 1, volume: 1, chime: true },
    noShowRequeueMinutes: 30,
    orderBonusMinutes: 2,
    notice: "欢迎来到演示大厅。请按号码顺序办理业务，过号请到服务台重新排队。Welcome: please wait for your number to be called.",
    supervisionUrl: "https://example.gov.cn/supervise/demo",
    categories: [
      { id: "household", prefix: "A", names: { "zh-Hans": "户政", "zh-Hant": "戶政", en: "Household registration" }, serviceMinutes: 6, weight: 1 },
      { id: "exit-entry", prefix: "B", names: { "zh-Hans": "出入境", "zh-Hant": "出入境", en: "Exit and entry" }, serviceMinutes: 8, weight: 1 },
      { id: "traffic", prefix: "C", names: { "zh-Hans": "交管", "zh-Hant": "交管", en: "Traffic" }, serviceMinutes: 4, weight: 1 },
      { id: "security", prefix: "D", names: { "zh-Hans": "治安", "zh-Hant": "治安", en: "Public security" }, serviceMinutes: 10, weight: 1 },
    ],
    windows: [
      { id: "1", number: 1, label: "三合一综合窗口", categories: ["household", "exit-entry", "traffic"], state: "open" },
      { id: "2", number: 2, label: "三合一综合窗口", categories: ["household", "exit-entry", "traffic"], state: "open" },
      { id: "3", number: 3, label: "三合一综合窗口", categories: ["household", "exit-entry", "traffic"], state: "open" },
      { id: "4", number: 4, label: "二合一综合窗口", categories: ["household", "traffic"], state: "open" },
      { id: "5", number: 5, label: "交管专窗", categories: ["traffic"], state: "open" },
      { id: "6", number: 6, label: "疑难问题窗口", categories: ["household", "exit-entry", "traffic", "security"], state: "open" },
    ],
  };
}
