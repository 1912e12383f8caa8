/**
 * The rules every day plan keeps, set by the hall (issue 25 §7, hall setting `planRules`): a
 * shift lasts at least `minShiftMinutes` (default 2 hours), a window works at most `maxShifts`
 * shifts a day (default 2), and with `keepCategories` (default on) a window is planned only for
 * the categories it is configured for, so a 交管专窗 stays a traffic window and a 疑难问题窗口
 * keeps its list, while never being left out merely for being a specialist.
 */
import type { PlanRuleSettings } from "../core/model.js";

export interface PlanRules {
  minShiftMinutes: number;
  maxShifts: number;
  keepCategories: boolean;
}

export const DEFAULT_PLAN_RULES: PlanRules = { minShiftMinutes: 120, maxShifts: 2, keepCategories: true };

/** The hall's rules with the defaults filled in. */
export function planRulesOf(settings: PlanRuleSettings | undefined): PlanRules {
  return {
    minShiftMinutes: settings?.minShiftHours !== undefined ? Math.round(settings.minShiftHours * 60) : DEFAULT_PLAN_RULES.minShiftMinutes,
    maxShifts: settings?.maxShifts ?? DEFAULT_PLAN_RULES.maxShifts,
    keepCategories: settings?.keepCategories ?? DEFAULT_PLAN_RULES.keepCategories,
  };
}
