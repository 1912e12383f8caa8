/**
 * The hall's configuration: the rules it must keep beyond each field's shape (ids and prefixes
 * are unique, windows name categories that exist, a new configuration may not strand a citizen
 * who already holds a ticket), the settings a manager changes during the day, and finding a
 * configured window or category by the id a caller names.
 */
import type { SettingsChange } from "./commands.js";
import { isTimezone } from "./day.js";
import { DEFAULT_APPOINTMENT_DAYS, DEFAULT_BOOKING_DAYS } from "./issue.js";
import { activeTickets, ticketOf } from "./ledger.js";
import { DEFAULT_ANNOUNCEMENT, type Category, type HallConfig, type HallState, type Window } from "./model.js";
import type { Decision } from "./outcome.js";
import { broke, reject, type Rejection, type RuleProblem } from "./rejection.js";
import { retentionProblems } from "./retention.js";
import { MAX_ZONES, zoneProblems } from "./zones.js";

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
  const zones = config.zones?.length ?? 0;
  if (zones > MAX_ZONES) {
    return reject("conflict", `一个大厅最多 ${MAX_ZONES} 个区域 · a hall has at most ${MAX_ZONES} zones; this configuration has ${zones}`, { cap: "zones", limit: MAX_ZONES });
  }
  const problems: Record<string, string> = {};
  // The rule each field broke, for a console to say in its reader's language.
  const rules: Record<string, RuleProblem> = {};
  if (!isTimezone(config.timezone)) {
    problems.timezone = `unknown time zone "${config.timezone}"`;
    rules.timezone = broke("timezone", "unknown");
  }
  const ids = config.categories.map((c) => c.id);
  const dupId = firstDuplicate(ids);
  if (dupId !== undefined) problems.categories = `category id "${dupId}" appears twice`;
  if (dupId !== undefined) rules.categories = broke("categories", "duplicate");
  // Numbers are looked up in any case ("a023" finds A023), so prefixes must differ beyond case.
  const prefixes = config.categories.map((c) => c.prefix);
  const upper = prefixes.map((p) => p.toUpperCase());
  const dupPrefix = prefixes.find((_, i) => upper.indexOf(upper[i]!) !== i);
  if (dupPrefix !== undefined) problems.categories = `prefix "${dupPrefix}" is used by two categories`;
  if (dupPrefix !== undefined) rules.categories = broke("categories", "duplicate");
  // The sequence grows past three digits, so "A" + 1001 and "A1" + 001 would both print A1001.
  prefixes.forEach((p, i) => {
    const shorter = prefixes.find((q, j) => j !== i && upper[i]!.startsWith(upper[j]!) && /^\d+$/.test(p.slice(q.length)));
    if (shorter !== undefined) problems.categories = `prefix "${p}" could repeat a number of prefix "${shorter}"`;
  });
  const dupWindow = firstDuplicate(config.windows.map((w) => w.id));
  if (dupWindow !== undefined) problems.windows = `window id "${dupWindow}" appears twice`;
  const dupNumber = firstDuplicate(config.windows.map((w) => w.number));
  if (dupNumber !== undefined) problems.windows = `window number ${dupNumber} is used twice`;
  if (dupWindow !== undefined || dupNumber !== undefined) rules.windows = broke("windows", "duplicate");
  const known = new Set(ids);
  config.windows.forEach((w, i) => {
    const unknown = w.categories.find((c) => !known.has(c));
    if (unknown !== undefined) problems[`windows.${i}.categories`] = `window ${w.number} serves unknown category "${unknown}"`;
    if (unknown !== undefined) rules[`windows.${i}.categories`] = broke(`windows.${i}.categories`, "unknown");
    const dup = firstDuplicate(w.categories);
    if (dup !== undefined) problems[`windows.${i}.categories`] = `window ${w.number} lists "${dup}" twice`;
    if (dup !== undefined) rules[`windows.${i}.categories`] = broke(`windows.${i}.categories`, "duplicate");
  });
  Object.assign(problems, zoneProblems(config.zones ?? [], config.windows));
  // The edge refuses these first (halls/schemas.ts); the hall keeps the rule whoever asks.
  Object.assign(problems, retentionProblems(config));
  // Issue 26: a booking from the phone is an appointment, so its horizon may not pass the appointments'.
  const bookingDays = config.booking?.days ?? DEFAULT_BOOKING_DAYS;
  const horizon = config.appointmentDays ?? DEFAULT_APPOINTMENT_DAYS;
  if (bookingDays > horizon) {
    problems["booking.days"] = `booking.days (${bookingDays} open days) is past appointmentDays (${horizon} calendar days): raise appointmentDays to at least ${bookingDays}, or lower booking.days`;
    rules["booking.days"] = broke("booking.days", "beyond", horizon);
  }
  const fields = Object.keys(problems);
  if (fields.length === 0) return null;
  return reject("invalid", `invalid hall configuration: ${Object.values(problems).join("; ")}`, problems, Object.values(rules));
}

/** Refuses a configuration that would remove a category or window a live ticket depends on. */
export function checkConfigAgainstLive(state: HallState, config: HallConfig): Rejection | null {
  const categories = new Set(config.categories.map((c) => c.id));
  const windows = new Map(config.windows.map((w) => [w.id, w]));
  for (const t of activeTickets(state)) {
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
    const ticket = ticketOf(state, w.current);
    if (!next || next.state === "closed") {
      return reject("conflict", `window ${w.number} still has ticket ${ticket?.number ?? w.current}; finish it before removing or closing the window`, {
        window: w.id,
        ticket: ticket?.number,
      });
    }
  }
  return null;
}

/** The window with this id, or the rejection that names it. */
export function findWindow(state: HallState, id: string): Window | Rejection {
  return windowById(state.windows, id) ?? reject("unknown_window", `no window "${id}" in this hall`, { window: id });
}

/**
 * The window with this id. A plain loop, not `find`: a command looks up its window several times
 * and a big centre has 61, and a fresh process (a simulated day, `npm run simulate`) runs much of
 * its day before the compiler inlines a callback.
 */
export function windowById(windows: readonly Window[], id: string): Window | undefined {
  for (let i = 0; i < windows.length; i++) if (windows[i]!.id === id) return windows[i];
  return undefined;
}

/** The category with this id, or the rejection that names it. */
export function findCategory(state: HallState, id: string): Category | Rejection {
  return (
    state.categories.find((c) => c.id === id) ??
    reject("unknown_category", `no category "${id}" in this hall`, { category: id })
  );
}

/**
 * A manager's change of settings during the day: the whole configuration is checked again and
 * re-issued as `hall.configured` for today, or nothing when it changes nothing.
 */
export function changeSettings(state: HallState, settingsChange: SettingsChange): Decision | Rejection {
  const { announcer, ...change } = settingsChange;
  const settings = { ...state.settings, ...change };
  if (announcer) settings.announcer = { ...DEFAULT_ANNOUNCEMENT, ...state.settings.announcer, ...announcer };
  if (JSON.stringify(settings) === JSON.stringify(state.settings)) return { events: [], result: {} };
  const config = {
    ...settings,
    categories: state.categories,
    windows: state.windows.map(({ id, number, label, categories, state: open }) => ({ id, number, label, categories, state: open })),
  };
  const invalid = checkConfig(config);
  if (invalid) return invalid;
  return { events: [{ type: "hall.configured", config, day: state.day }], result: {} };
}
