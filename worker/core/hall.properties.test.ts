/**
 * Property tests: random days in the demo hall, checked after every command.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactDay, localDay } from "./day.js";
import { estimateHall } from "./estimates.js";
import { decide, emptyHall, evolve, isRejection } from "./hall.js";
import type { Command } from "./commands.js";
import type { HallEvent } from "./events.js";
import type { HallConfig, HallState, Priority, Ticket, Window, WindowState } from "./model.js";
import { HALL, demoConfig } from "./fixtures.test-util.js";

const CATEGORIES = ["household", "exit-entry", "traffic", "security"] as const;
const WINDOWS = ["1", "2", "3", "4", "5", "6"] as const;
const PRIORITIES: Priority[] = ["normal", "elderly", "disabled", "appointment", "green"];
const CODES = new Set(["unknown_hall", "unknown_category", "unknown_window", "unknown_ticket", "invalid", "conflict"]);
const RANK: Record<Priority, number> = { green: 0, elderly: 1, disabled: 1, appointment: 2, normal: 3 };

/** Configurations a manager might switch to during the day. */
const CONFIGS: Array<() => HallConfig> = [
  () => demoConfig(),
  () => demoConfig({ alarmMinutes: 5, orderBonusMinutes: 0 }),
  () => {
    const c = demoConfig();
    return {
      ...c,
      categories: c.categories.filter((x) => x.id !== "security"),
      windows: c.windows.map((w) => ({ ...w, categories: w.categories.filter((x) => x !== "security") })),
    };
  },
  () => {
    const c = demoConfig({ noShowRequeueMinutes: 0 });
    return { ...c, windows: c.windows.map((w) => (w.id === "6" ? { ...w, state: "closed" as const } : w)) };
  },
  () => {
    const c = demoConfig();
    return { ...c, windows: c.windows.filter((w) => w.id !== "3") };
  },
];

/** A command with its ticket left open: resolved against the state when it runs. */
type Spec =
  | Exclude<Command, { type: "requeue" | "cancel" | "transfer" | "configure" }>
  | { type: "requeue" | "cancel"; pick: number }
  | { type: "transfer"; pick: number; category?: string; window?: string }
  | { type: "configure"; variant: number };

const category = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...CATEGORIES) }, { weight: 1, arbitrary: fc.constant("border") });
const windowId = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...WINDOWS) }, { weight: 1, arbitrary: fc.constant("7") });
const atWindow = (type: "call" | "recall" | "start" | "finish" | "no_show" | "sign_out") =>
  fc.record({ type: fc.constant(type), window: windowId });

const spec: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 16, arbitrary: fc.record({ type: fc.constant("issue" as const), category, priority: fc.constantFrom(...PRIORITIES) }) },
  { weight: 12, arbitrary: atWindow("call") },
  { weight: 2, arbitrary: atWindow("recall") },
  { weight: 4, arbitrary: atWindow("start") },
  { weight: 8, arbitrary: atWindow("finish") },
  { weight: 3, arbitrary: atWindow("no_show") },
  { weight: 3, arbitrary: fc.record({ type: fc.constant("requeue" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("cancel" as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record(
      { type: fc.constant("transfer" as const), pick: fc.nat(), category, window: windowId },
      { requiredKeys: ["type", "pick"] },
    ),
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        type: fc.constant("set_window" as const),
        window: windowId,
        state: fc.constantFrom<WindowState>("open", "open", "paused", "closed"),
        categories: fc.oneof(
          { weight: 6, arbitrary: fc.shuffledSubarray<string>([...CATEGORIES], { minLength: 1 }) },
          { weight: 1, arbitrary: fc.constant<string[]>(["traffic", "traffic"]) },
          { weight: 1, arbitrary: fc.constant<string[]>(["border"]) },
        ),
      },
      { requiredKeys: ["type", "window"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("sign_in" as const),
      window: windowId,
      officer: fc.constantFrom({ name: "李", badge: "001" }, { name: "王", badge: "002" }, { name: "张", badge: "003" }),
    }),
  },
  { weight: 1, arbitrary: atWindow("sign_out") },
  { weight: 1, arbitrary: fc.constant({ type: "rollover" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("update_settings" as const),
      settings: fc.record(
        {
          notice: fc.constantFrom("", "今日出入境业务办理至17:00"),
          alarmMinutes: fc.constantFrom(5, 10, 15),
          orderBonusMinutes: fc.constantFrom(0, 2, 5),
          noShowRequeueMinutes: fc.constantFrom(0, 30),
        },
        { requiredKeys: [] },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("configure" as const), variant: fc.nat({ max: CONFIGS.length - 1 }) }) },
);

/** Mostly a busy hall (commands seconds apart), now and then a lull of up to ten minutes. */
const seconds = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 90 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 600 }) });
const step = fc.record({ spec, seconds });

function resolve(state: HallState, s: Spec): Command {
  switch (s.type) {
    case "configure":
      return { type: "configure", config: CONFIGS[s.variant]!() };
    case "requeue":
    case "cancel":
    case "transfer": {
      // Mostly tickets the command can act on: no-shows for a re-queue, tickets still in the hall otherwise.
      const all = Object.values(state.tickets);
      const active = all.filter((t) =>
        s.type === "requeue" ? t.status === "no_show" : t.status === "waiting" || t.status === "called" || t.status === "serving",
      );
      const tickets = s.pick % 4 === 0 || active.length === 0 ? all : active;
      // Now and then a ticket that does not exist; otherwise by id or by number.
      const ref = tickets.length === 0 || s.pick % 13 === 0 ? "Z999" : s.pick % 2 ? tickets[s.pick % tickets.length]!.id : tickets[s.pick % tickets.length]!.number;
      if (s.type !== "transfer") return { type: s.type, ticket: ref };
      const { pick: _, ...rest } = s;
      return { ...rest, ticket: ref };
    }
    default:
      return s;
  }
}

const minutesWaited = (t: Ticket, now: number) => (now - Date.parse(t.queuedAt)) / 60000;

/** Waiting tickets window `w` may call: its categories, not sent to another window. */
function eligible(state: HallState, w: Window): Ticket[] {
  return Object.values(state.tickets).filter(
    (t) => t.status === "waiting" && (t.targetWindow === w.id || (t.targetWindow === null && w.categories.includes(t.category))),
  );
}

function checkHall(state: HallState): void {
  const holders = new Map<string, string[]>();
  for (const w of state.windows) {
    if (!w.current) continue;
    const t = state.tickets[w.current];
    expect(t, `window ${w.id} holds a ticket that does not exist`).toBeDefined();
    expect(["called", "serving"]).toContain(t!.status);
    expect(t!.window).toBe(w.id);
    holders.set(w.current, [...(holders.get(w.current) ?? []), w.id]);
  }
  for (const t of Object.values(state.tickets)) {
    if (t.status === "called" || t.status === "serving") {
      expect(holders.get(t.id), `${t.number} is ${t.status} but held by ${holders.get(t.id)}`).toHaveLength(1);
    }
    if (t.status === "waiting") expect(t.window).toBeNull();
  }
  // Today's numbers are unique, and each prefix's numbers are exactly 1..counter.
  const numbers = Object.values(state.tickets).map((t) => t.number);
  expect(new Set(numbers).size).toBe(numbers.length);
  for (const [prefix, count] of Object.entries(state.counters)) {
    const seqs = numbers.filter((n) => n.startsWith(prefix)).map((n) => Number(n.slice(prefix.length)));
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  }
  // Only today's tickets: every one was issued on the hall's current local day.
  const part = compactDay(state.day) + (state.dayPart > 1 ? `.${state.dayPart}` : "");
  for (const t of Object.values(state.tickets)) {
    expect(t.id).toBe(`${part}-${t.number}`);
    expect(localDay(Date.parse(t.issuedAt), state.settings.timezone)).toBe(state.day);
  }
}

/** The call policy, checked against the state the call was made in. */
function checkCall(before: HallState, e: Extract<HallEvent, { type: "ticket.called" }>, now: number): void {
  const w = before.windows.find((x) => x.id === e.window.id)!;
  const was = before.tickets[e.ticket.id]!;
  expect(w.state).toBe("open");
  expect(w.current).toBeNull();
  expect(was.status).toBe("waiting");
  const others = eligible(before, w).filter((t) => t.id !== was.id);
  expect(eligible(before, w).map((t) => t.id)).toContain(was.id);
  const alarm = before.settings.alarmMinutes;
  // Nobody over the line watches a newer ticket be called.
  const passed = others.filter((t) => minutesWaited(t, now) >= alarm && t.queuedAt < was.queuedAt);
  expect(passed.map((t) => t.number), `called ${was.number} (${e.reasonCode}) past overdue tickets`).toEqual([]);
  const overdueLeft = others.some((t) => minutesWaited(t, now) >= alarm);
  const targetedHere = others.filter((t) => t.targetWindow === w.id);
  const priorityHere = others.filter((t) => t.targetWindow === null && t.priority !== "normal");
  switch (e.reasonCode) {
    case "overdue":
      expect(minutesWaited(was, now)).toBeGreaterThanOrEqual(alarm);
      expect(e.reason).toMatch(new RegExp(`^waited \\d+ min, over the ${alarm} min line$`));
      break;
    case "targeted":
      expect(overdueLeft || minutesWaited(was, now) >= alarm).toBe(false);
      expect(was.targetWindow).toBe(w.id);
      break;
    case "priority":
      expect(overdueLeft || minutesWaited(was, now) >= alarm).toBe(false);
      expect(targetedHere).toEqual([]);
      expect(was.priority).not.toBe("normal");
      expect(priorityHere.filter((t) => RANK[t.priority] < RANK[was.priority])).toEqual([]);
      expect(priorityHere.filter((t) => RANK[t.priority] === RANK[was.priority] && t.queuedAt < was.queuedAt)).toEqual([]);
      break;
    case "longest_wait":
      expect(overdueLeft || minutesWaited(was, now) >= alarm).toBe(false);
      expect(targetedHere).toEqual([]);
      expect(priorityHere).toEqual([]);
      expect(was.priority).toBe("normal");
      // Minutes × weight, plus the head start for categories earlier in the window's list.
      const score = (t: Ticket) => {
        const weight = before.categories.find((c) => c.id === t.category)!.weight;
        const place = w.categories.filter((c) => before.categories.some((x) => x.id === c)).indexOf(t.category);
        const served = w.categories.filter((c) => before.categories.some((x) => x.id === c)).length;
        return minutesWaited(t, now) * weight + (served - 1 - place) * before.settings.orderBonusMinutes;
      };
      for (const t of others) expect(score(t)).toBeLessThanOrEqual(score(was) + 1e-9);
      break;
  }
}

/** Every waiting ticket is listed once; it gets an estimate exactly when an open window could call it. */
function checkEstimates(state: HallState, now: number): void {
  const e = estimateHall(state, now);
  const waiting = Object.values(state.tickets).filter((t) => t.status === "waiting");
  expect(e.order.map((t) => t.id).sort()).toEqual(waiting.map((t) => t.id).sort());
  const open = state.windows.filter((w) => w.state === "open");
  for (const t of waiting) {
    const reachable = t.targetWindow ? open.some((w) => w.id === t.targetWindow) : open.some((w) => w.categories.includes(t.category));
    const estimate = e.tickets.get(t.id)!.estimatedWaitMinutes;
    expect(estimate === null, `${t.number}: estimate ${estimate}, reachable ${reachable}`).toBe(!reachable);
  }
  for (const c of state.categories) {
    const aheads = waiting.filter((t) => t.category === c.id).map((t) => e.tickets.get(t.id)!.ahead);
    expect(aheads.sort((a, b) => a - b)).toEqual(aheads.map((_, i) => i));
    expect(e.categories.get(c.id)?.waiting).toBe(aheads.length);
  }
}

interface Day {
  state: HallState;
  log: HallEvent[];
  issued: Set<string>;
}

function play(start: number, steps: Array<{ spec: Spec; seconds: number }>): Day {
  const first = decide(emptyHall(HALL), { type: "configure", config: demoConfig() }, start);
  if (isRejection(first)) throw new Error(first.message);
  const day: Day = { state: first.state, log: [...first.events], issued: new Set() };
  let now = start;
  for (const { spec: s, seconds } of steps) {
    now += seconds * 1000;
    const command = resolve(day.state, s);
    const before = day.state;
    const frozen = structuredClone(before);
    const out = decide(before, command, now);
    expect(before, "decide changed the state it was given").toEqual(frozen);
    if (isRejection(out)) {
      expect(CODES.has(out.code)).toBe(true);
      expect(out.message.length).toBeGreaterThan(0);
      continue;
    }
    const iso = new Date(now).toISOString();
    expect(out.state.seq).toBe(before.seq + out.events.length);
    expect(out.events.map((e) => e.seq)).toEqual(out.events.map((_, i) => before.seq + 1 + i));
    let replayed = before;
    for (const e of out.events) {
      expect(e.at).toBe(iso);
      if (e.type === "ticket.called") checkCall(replayed, e, now);
      if (e.type === "ticket.finished") {
        // Service at this window began no earlier than the call to it.
        const calledAt = Date.parse(replayed.tickets[e.ticket.id]!.calledAt!);
        expect(e.serviceMinutes).toBeLessThanOrEqual((now - calledAt) / 60000 + 0.005);
        expect(e.serviceMinutes).toBeGreaterThanOrEqual(0);
      }
      if (e.type === "ticket.issued") {
        expect(day.issued.has(e.ticket.id), `ticket id ${e.ticket.id} issued twice`).toBe(false);
        day.issued.add(e.ticket.id);
      }
      replayed = evolve(replayed, e);
    }
    expect(replayed).toEqual(out.state);
    checkHall(out.state);
    checkEstimates(out.state, now);
    day.log.push(...out.events);
    day.state = out.state;
  }
  return day;
}

describe("random days in the hall", () => {
  it("keep every rule after every command, from 09:00 to at most 22:20 the same day", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const day = play(Date.parse("2026-11-23T01:00:00Z"), steps);
        expect(day.state.day).toBe("2026-11-23");
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it("rebuild exactly from their events, replayed over an empty hall", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const day = play(Date.parse("2026-11-23T01:00:00Z"), steps);
        expect(day.log.reduce(evolve, emptyHall(HALL))).toEqual(day.state);
        expect(day.log.map((e) => e.seq)).toEqual(day.log.map((_, i) => i + 1));
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it("keep every rule across midnight, with manual resets too", () => {
    const withReset = fc.record({
      spec: fc.oneof({ weight: 30, arbitrary: spec }, { weight: 1, arbitrary: fc.constant({ type: "reset" as const }) }),
      seconds,
    });
    fc.assert(
      fc.property(fc.array(withReset, { maxLength: 80 }), (steps) => {
        const day = play(Date.parse("2026-11-23T14:00:00Z"), steps);
        expect(day.log.reduce(evolve, emptyHall(HALL))).toEqual(day.state);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("start the new day with whatever command comes first after midnight", () => {
    const midnight = Date.parse("2026-11-23T16:00:00Z");
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), spec, fc.integer({ min: 0, max: 8 * 3600 }), (steps, first, late) => {
        // 40 steps of at most 10 min from 15:00 stay before midnight.
        const day = play(Date.parse("2026-11-23T07:00:00Z"), steps);
        const before = day.state;
        const frozen = structuredClone(before);
        const command = resolve(before, first);
        const now = midnight + late * 1000;
        const out = decide(before, command, now);
        expect(before, "decide changed the state it was given").toEqual(frozen);
        if (isRejection(out)) {
          // Refused as the new day refuses it: judged after the reset, which it does not keep.
          expect(CODES.has(out.code), out.code).toBe(true);
          expect(out.message.length).toBeGreaterThan(0);
          expect(out).not.toHaveProperty("events");
          const newDay = decide(before, { type: "rollover" }, now);
          if (isRejection(newDay)) throw new Error(`the rollover was refused: ${newDay.message}`);
          expect(decide(newDay.state, command, now), `${command.type} after midnight`).toEqual(out);
          return;
        }
        expect(out.events[0]).toMatchObject({ type: "hall.reset", day: "2026-11-24", previousDay: "2026-11-23" });
        expect(out.state.day).toBe("2026-11-24");
        expect(Object.values(out.state.tickets).every((t) => t.id.startsWith("20261124-"))).toBe(true);
        checkHall(out.state);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("actually exercise the policy: overdue, priority, targeted and longest-wait calls all happen", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 40, maxLength: 80 }), (steps) => {
        for (const s of steps) seen.add(s.spec.type);
        for (const e of play(Date.parse("2026-11-23T01:00:00Z"), steps).log) {
          if (e.type === "ticket.called") seen.add(e.reasonCode);
          seen.add(e.type);
        }
      }),
      { numRuns: 40, seed: 20261123 },
    );
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        "overdue",
        "priority",
        "targeted",
        "longest_wait",
        "ticket.requeued",
        "ticket.transferred",
        "ticket.no_show",
        "ticket.finished",
        "hall.configured",
        "window.updated",
        "update_settings",
      ]),
    );
  }, 60_000);
});
