/**
 * The benchmarks' hall: a centre serving seven categories through `windows` general windows,
 * built in one place for bench:core and bench:hall (61 windows, Jiangning-sized) and bench:year
 * (20, played inside the hall object: worker/hall-object/bench.ts).
 */
import type { HallConfig } from "../core/model.js";

export const BENCH_CATEGORIES = ["household", "exit-entry", "traffic", "security", "border", "drugs", "vehicles"];

export interface BenchCentre {
  windows: number;
  name?: string;
  languages?: HallConfig["languages"];
  /** The i-th category's service minutes; 5 for all unless given. */
  serviceMinutes?: (category: number) => number;
  /** The categories the i-th window serves; all of them unless given. */
  categoriesOf?: (window: number) => string[];
}

/** @example benchCentre({ windows: 61, categoriesOf: (i) => [BENCH_CATEGORIES[i % 7]!] }) */
export function benchCentre({
  windows,
  name = "bench centre",
  languages = ["cmn-Hans", "yue-Hant"],
  serviceMinutes = () => 5,
  categoriesOf = () => BENCH_CATEGORIES,
}: BenchCentre): HallConfig {
  return {
    name,
    timezone: "Asia/Shanghai",
    alarmMinutes: 10,
    targetWaitMinutes: 8.2,
    languages,
    noShowRequeueMinutes: 30,
    orderBonusMinutes: 2,
    notice: "",
    supervisionUrl: null,
    categories: BENCH_CATEGORIES.map((id, i) => ({
      id,
      prefix: String.fromCharCode(65 + i),
      names: { "zh-Hans": id, "zh-Hant": id, en: id },
      serviceMinutes: serviceMinutes(i),
      weight: 1,
    })),
    windows: Array.from({ length: windows }, (_, i) => ({
      id: String(i + 1),
      number: i + 1,
      label: "综合窗口",
      categories: categoriesOf(i),
      state: "open" as const,
    })),
  };
}
