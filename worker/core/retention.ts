/**
 * Retention (issue 22 §2): how long a hall keeps what it no longer needs live. Replies to
 * commandIds are pruned; events and audit rows are first archived (worker/archives), then pruned.
 * Daily statistics rollups are small and kept for ever.
 */
import type { HallSettings } from "./model.js";

/** Replies to commandIds: far longer than any retry loop. */
export const DEFAULT_REPLY_HOURS = 48;
export const MIN_REPLY_HOURS = 24;
export const MAX_REPLY_HOURS = 720;
/** Events in the live log. At least a week, so statistics, screens and exports never miss a recent day. */
export const DEFAULT_EVENT_DAYS = 90;
export const MIN_EVENT_DAYS = 7;
export const MAX_EVENT_DAYS = 3660;
/**
 * Audit rows: never fewer than 180 days. China's Cybersecurity Law (网络安全法, art. 21) asks
 * network logs to be kept for at least six months; a hall may keep them longer, not shorter.
 */
export const DEFAULT_AUDIT_DAYS = 180;
export const MIN_AUDIT_DAYS = 180;
export const MAX_AUDIT_DAYS = 3660;

export interface Retention {
  replyHours: number;
  eventDays: number;
  auditDays: number;
}

/** The hall's retention, its defaults filled in. */
export function retentionOf(settings: Pick<HallSettings, "replyHours" | "eventDays" | "auditDays">): Retention {
  return {
    replyHours: settings.replyHours ?? DEFAULT_REPLY_HOURS,
    eventDays: settings.eventDays ?? DEFAULT_EVENT_DAYS,
    auditDays: Math.max(settings.auditDays ?? DEFAULT_AUDIT_DAYS, MIN_AUDIT_DAYS),
  };
}

/** What is wrong with a hall's retention settings, by field; empty when nothing is. */
export function retentionProblems(settings: Pick<HallSettings, "replyHours" | "eventDays" | "auditDays">): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (field: "replyHours" | "eventDays" | "auditDays", min: number, max: number, unit: string) => {
    const v = settings[field];
    if (v === undefined) return;
    if (!Number.isInteger(v) || v < min || v > max) problems[field] = `a whole number of ${unit} from ${min} to ${max}`;
  };
  check("replyHours", MIN_REPLY_HOURS, MAX_REPLY_HOURS, "hours");
  check("eventDays", MIN_EVENT_DAYS, MAX_EVENT_DAYS, "days");
  check("auditDays", MIN_AUDIT_DAYS, MAX_AUDIT_DAYS, "days");
  return problems;
}
