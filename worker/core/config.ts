/**
 * Rules a hall's configuration must keep, beyond each field's shape: ids and prefixes are
 * unique, windows name categories that exist, and a new configuration may not strand a
 * citizen who already holds a ticket.
 */
import { isTimezone } from "./day.js";
import type { HallConfig, HallState, Rejection } from "./types.js";
import { zoneProblems } from "./zones.js";

export function reject(
  code: Rejection["code"],
  message: string,
  details?: Record<string, unknown>,
): Rejection {
  return details ? { rejected: true, code, message, details } : { rejected: true, code, message };
}

function firstDuplicate<T>(values: T[]): T | undefined {
  const seen = new Set<T>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}

/** Cross-field checks of a configuration on its own. */
export function checkConfig(config: HallConfig): Rejection | null {
  const problems: Record<string, string> = {};
  if (!isTimezone(config.timezone)) problems.timezone = `unknown time zone "${config.timezone}"`;
  const ids = config.categories.map((c) => c.id);
  const dupId = firstDuplicate(ids);
  if (dupId !== undefined) problems.categories = `category id "${dupId}" appears twice`;
  // Numbers are looked up in any case ("a023" finds A023), so prefixes must differ beyond case.
  const prefixes = config.categories.map((c) => c.prefix);
  const upper = prefixes.map((p) => p.toUpperCase());
  const dupPrefix = prefixes.find((_, i) => upper.indexOf(upper[i]!) !== i);
  if (dupPrefix !== undefined) problems.categories = `prefix "${dupPrefix}" is used by two categories`;
  // The sequence grows past three digits, so "A" + 1001 and "A1" + 001 would both print A1001.
  prefixes.forEach((p, i) => {
    const shorter = prefixes.find((q, j) => j !== i && upper[i]!.startsWith(upper[j]!) && /^\d+$/.test(p.slice(q.length)));
    if (shorter !== undefined) problems.categories = `prefix "${p}" could repeat a number of prefix "${shorter}"`;
  });
  const dupWindow = firstDuplicate(config.windows.map((w) => w.id));
  if (dupWindow !== undefined) problems.windows = `window id "${dupWindow}" appears twice`;
  const dupNumber = firstDuplicate(config.windows.map((w) => w.number));
  if (dupNumber !== undefined) problems.windows = `window number ${dupNumber} is used twice`;
  const known = new Set(ids);
  config.windows.forEach((w, i) => {
    const unknown = w.categories.find((c) => !known.has(c));
    if (unknown !== undefined) problems[`windows.${i}.categories`] = `window ${w.number} serves unknown category "${unknown}"`;
    const dup = firstDuplicate(w.categories);
    if (dup !== undefined) problems[`windows.${i}.categories`] = `window ${w.number} lists "${dup}" twice`;
  });
  Object.assign(problems, zoneProblems(config.zones ?? [], config.windows));
  const fields = Object.keys(problems);
  if (fields.length === 0) return null;
  return reject("invalid", `invalid hall configuration: ${Object.values(problems).join("; ")}`, problems);
}

/** Refuses a configuration that would remove a category or window a live ticket depends on. */
export function checkConfigAgainstLive(state: HallState, config: HallConfig): Rejection | null {
  const categories = new Set(config.categories.map((c) => c.id));
  const windows = new Map(config.windows.map((w) => [w.id, w]));
  for (const t of Object.values(state.tickets)) {
    if (t.status !== "waiting" && t.status !== "called" && t.status !== "serving") continue;
    if (!categories.has(t.category)) {
      return reject("conflict", `category "${t.category}" still has ticket ${t.number} (${t.status}); finish or transfer it first`, {
        category: t.category,
        ticket: t.number,
      });
    }
    if (t.targetWindow && !windows.has(t.targetWindow)) {
      return reject("conflict", `ticket ${t.number} is transferred to window "${t.targetWindow}", which the new configuration removes`, {
        window: t.targetWindow,
        ticket: t.number,
      });
    }
  }
  for (const w of state.windows) {
    if (!w.current) continue;
    const next = windows.get(w.id);
    const ticket = state.tickets[w.current];
    if (!next || next.state === "closed") {
      return reject("conflict", `window ${w.number} still has ticket ${ticket?.number ?? w.current}; finish it before removing or closing the window`, {
        window: w.id,
        ticket: ticket?.number,
      });
    }
  }
  return null;
}
