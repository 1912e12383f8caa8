/**
 * Shared test fixtures for the hall core: a Guangxi-style demo hall with 三合一 / 二合一
 * comprehensive windows, a traffic specialist window and a difficult-cases window.
 * Not a test file itself (no `.test.ts` suffix), imported by the core's tests.
 */
import { decide, emptyHall, isRejection } from "./hall.js";
import type { Command } from "./commands.js";
import type { HallEvent } from "./events.js";
import type { HallConfig, HallState, Priority } from "./model.js";
import type { Outcome } from "./outcome.js";
import type { Rejection } from "./rejection.js";

export const HALL = "gx-wuzhou";

/** 2026-11-23 09:00 in Asia/Shanghai. */
export const T0 = Date.parse("2026-11-23T01:00:00Z");

export const MIN = 60_000;

/** `T0` plus `m` minutes. */
export const at = (m: number): number => T0 + m * MIN;

export function demoConfig(overrides: Partial<HallConfig> = {}): HallConfig {
  return {
    name: "梧州市政务服务中心公安窗口",
    timezone: "Asia/Shanghai",
    alarmMinutes: 10,
    targetWaitMinutes: 8.2,
    languages: ["cmn-Hans", "yue-Hant"],
    noShowRequeueMinutes: 30,
    orderBonusMinutes: 2,
    notice: "",
    supervisionUrl: null,
    categories: [
      { id: "household", prefix: "A", names: { "zh-Hans": "户政", "zh-Hant": "戶政", en: "Household" }, serviceMinutes: 6, weight: 1 },
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
    ...overrides,
  };
}

/** The demo hall with only the listed windows open, the rest closed. */
export function openOnly(ids: string[], overrides: Partial<HallConfig> = {}): HallConfig {
  const c = demoConfig(overrides);
  return { ...c, windows: c.windows.map((w) => ({ ...w, state: ids.includes(w.id) ? "open" : "closed" })) };
}

/** Applies a command that must succeed. */
export function ok(state: HallState, command: Command, now: number): Outcome {
  const out = decide(state, command, now);
  if (isRejection(out)) {
    throw new Error(`${command.type} rejected (${out.code}): ${out.message}`);
  }
  return out;
}

/** Applies a command that must be refused, returning the refusal. */
export function refused(state: HallState, command: Command, now: number): Rejection {
  const out = decide(state, command, now);
  if (!isRejection(out)) throw new Error(`${command.type} was accepted, expected a rejection`);
  return out;
}

/** A freshly configured demo hall (or the given configuration). */
export function configured(now: number = T0, config: HallConfig = demoConfig()): HallState {
  return ok(emptyHall(HALL), { type: "configure", config }, now).state;
}

export interface Run {
  state: HallState;
  events: HallEvent[];
  outcomes: Outcome[];
}

/**
 * Applies commands in order, all at `now` (or, given a function, at `now(i)` for the i-th);
 * throws on the first rejection.
 */
export function run(state: HallState, commands: Command[], now: number | ((i: number) => number) = T0): Run {
  const events: HallEvent[] = [];
  const outcomes: Outcome[] = [];
  commands.forEach((command, i) => {
    const out = ok(state, command, typeof now === "number" ? now : now(i));
    events.push(...out.events);
    outcomes.push(out);
    state = out.state;
  });
  return { state, events, outcomes };
}

/** Issues a ticket and returns its number with the new state. */
export function issue(
  state: HallState,
  category: string,
  now: number,
  priority?: Priority,
): { state: HallState; number: string; id: string } {
  const out = ok(state, priority ? { type: "issue", category, priority } : { type: "issue", category }, now);
  const ticket = out.result.ticket!;
  return { state: out.state, number: ticket.number, id: ticket.id };
}

/** Calls at `window` and returns the called ticket's number (or null) with the outcome. */
export function call(state: HallState, window: string, now: number): { state: HallState; number: string | null; outcome: Outcome } {
  const out = ok(state, { type: "call", window }, now);
  return { state: out.state, number: out.result.ticket?.number ?? null, outcome: out };
}

/** The ticket with today's number `number`. */
export function ticketNo(state: HallState, number: string) {
  const t = Object.values(state.tickets).find((x) => x.number === number);
  if (!t) throw new Error(`no ticket ${number}`);
  return t;
}

export function windowOf(state: HallState, id: string) {
  const w = state.windows.find((x) => x.id === id);
  if (!w) throw new Error(`no window ${id}`);
  return w;
}
