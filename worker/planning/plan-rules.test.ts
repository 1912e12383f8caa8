/**
 * The hall's plan rules (issue 25 §7): no shift shorter than the minimum, at most `maxShifts`
 * shifts per window, specialist windows planned only for their own categories and opened when
 * those categories need them, and a reason for every spell a window is closed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planDay, type DayPlan } from "./plan.js";
import { planRulesOf } from "./rules.js";
import type { Scenario } from "../insights/scenario.js";

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const two = (n: number) => String(n).padStart(2, "0");
const CATEGORIES = ["household", "traffic", "security"];

/** A small hall's day, 09:00–13:00: windows serving subsets of three categories, and its citizens. */
const hallDay = fc
  .record({
    windows: fc.array(fc.subarray(CATEGORIES, { minLength: 1 }), { minLength: 2, maxLength: 4 }),
    arrivals: fc.array(
      fc.record({ minute: fc.integer({ min: 0, max: 239 }), category: fc.constantFrom(...CATEGORIES), seconds: fc.integer({ min: 120, max: 600 }) }),
      { minLength: 5, maxLength: 60 },
    ),
  })
  .map(({ windows, arrivals }): Scenario => {
    // Every category someone asks for has a window; otherwise the day cannot be played.
    const served = new Set(windows.flat());
    return {
      timezone: "Asia/Shanghai",
      alarmMinutes: 10,
      categories: CATEGORIES.map((id, i) => ({ id, prefix: "ACD"[i]! })),
      windows: windows.map((categories, i) => ({ id: String(i + 1), categories, opens: "09:00", closes: "13:00" })),
      arrivals: arrivals
        .filter((a) => served.has(a.category))
        .map((a) => ({ at: `${two(9 + Math.floor(a.minute / 60))}:${two(a.minute % 60)}`, category: a.category, serviceSeconds: a.seconds })),
    };
  })
  .filter((s) => s.arrivals.length > 0);

const rules = fc.record({ minShiftMinutes: fc.constantFrom(60, 90, 120), maxShifts: fc.integer({ min: 1, max: 3 }) });

function shiftsKeep(plan: DayPlan, min: number, max: number): void {
  for (const w of plan.windows) {
    expect(w.shifts.length, `window ${w.id}: ${JSON.stringify(w.shifts)}`).toBeLessThanOrEqual(max);
    for (const s of w.shifts) expect(minutes(s.closes) - minutes(s.opens), `window ${w.id} ${s.opens}–${s.closes}`).toBeGreaterThanOrEqual(min);
  }
}

describe("the hall's plan rules", () => {
  it("reads the hall's setting, with 2 hours, 2 shifts and specialists kept by default", () => {
    expect(planRulesOf(undefined)).toEqual({ minShiftMinutes: 120, maxShifts: 2, keepCategories: true });
    expect(planRulesOf({ minShiftHours: 1.5, maxShifts: 1, keepCategories: false })).toEqual({ minShiftMinutes: 90, maxShifts: 1, keepCategories: false });
  });

  it("never plans a shift shorter than the minimum nor more shifts than allowed, and windows keep their categories", { timeout: 240_000 }, () => {
    fc.assert(
      fc.property(hallDay, rules, (day, r) => {
        const plan = planDay(day, { rules: { ...r, keepCategories: true } });
        shiftsKeep(plan, r.minShiftMinutes, r.maxShifts);
        for (const w of plan.windows) {
          const own = day.windows.find((x) => x.id === w.id);
          if (own) expect(w.categories, `window ${w.id}`).toEqual(own.categories);
        }
        // Every half hour of each of the hall's windows is either in a shift or in a closed spell with a reason.
        for (const own of day.windows) {
          const open = (plan.windows.find((w) => w.id === own.id)?.shifts ?? []).reduce((m, s) => m + minutes(s.closes) - minutes(s.opens), 0);
          const closed = plan.closed.filter((c) => c.window === own.id).reduce((m, c) => m + minutes(c.to) - minutes(c.from), 0);
          expect(open + closed, `window ${own.id}`).toBe(240);
        }
      }),
      { numRuns: 12, seed: 2511 },
    );
  });

  it("with 2-hour shifts by default, on a day a one-hour plan would do", () => {
    const day: Scenario = {
      timezone: "Asia/Shanghai",
      alarmMinutes: 10,
      categories: [{ id: "household", prefix: "A" }],
      windows: [
        { id: "1", categories: ["household"], opens: "09:00", closes: "13:00" },
        { id: "2", categories: ["household"], opens: "09:00", closes: "13:00" },
      ],
      // A burst at 10:00 that needs a second window for about an hour.
      arrivals: Array.from({ length: 24 }, (_, i) => ({ at: `10:${two(i * 2)}`, category: "household", serviceSeconds: 300 })),
    };
    const plan = planDay(day);
    shiftsKeep(plan, 120, 2);
    expect(planDay(day, { rules: { minShiftMinutes: 60 } }).windowHours).toBeLessThanOrEqual(plan.windowHours);
  });
});

describe("specialist windows", () => {
  /** Two general windows for household and traffic, a 交管专窗 and a 疑难 window that alone takes security cases. */
  const hall: Scenario = {
    timezone: "Asia/Shanghai",
    alarmMinutes: 10,
    categories: CATEGORIES.map((id, i) => ({ id, prefix: "ACD"[i]! })),
    windows: [
      { id: "1", label: "综合窗口", categories: ["household", "traffic"], opens: "09:00", closes: "13:00" },
      { id: "2", label: "综合窗口", categories: ["household", "traffic"], opens: "09:00", closes: "13:00" },
      { id: "5", label: "交管专窗", categories: ["traffic"], opens: "09:00", closes: "13:00" },
      { id: "6", label: "疑难问题窗口", categories: ["security", "household"], opens: "09:00", closes: "13:00" },
    ],
    arrivals: Array.from({ length: 80 }, (_, i) => ({
      at: `${two(9 + Math.floor(i / 20))}:${two((i % 20) * 3)}`,
      category: i % 8 === 0 ? "security" : i % 2 ? "traffic" : "household",
      serviceSeconds: 360,
    })),
  };

  it("are opened when their categories need them, serving only those", () => {
    const plan = planDay(hall);
    const difficult = plan.windows.find((w) => w.id === "6");
    expect(difficult?.categories).toEqual(["security", "household"]);
    // Security cases come all morning and only window 6 takes them: it works the whole morning.
    expect(difficult?.shifts).toEqual([{ opens: "09:00", closes: "13:00" }]);
    for (const w of plan.windows) expect(w.categories).toEqual(hall.windows.find((x) => x.id === w.id)!.categories);
    expect(plan.simulated.overall.turnedAway).toBe(0);
  });

  it("say why a window is closed: not needed, or no citizen for its categories", () => {
    const quietTraffic: Scenario = { ...hall, arrivals: hall.arrivals.filter((a) => a.category !== "traffic") };
    const plan = planDay(quietTraffic);
    expect(plan.closed.find((c) => c.window === "5")).toEqual({ window: "5", from: "09:00", to: "13:00", reason: "no-demand", citizens: 0 });
    for (const c of plan.closed) expect(["not-needed", "quiet", "no-demand"]).toContain(c.reason);
    const allDay = plan.closed.filter((c) => c.from === "09:00" && c.to === "13:00" && c.window !== "5");
    for (const c of allDay) expect(c.reason).toBe("not-needed");
  });

  it("with keepCategories off, serve every category, their own first", () => {
    const plan = planDay(hall, { rules: { keepCategories: false } });
    for (const w of plan.windows) expect(new Set(w.categories)).toEqual(new Set(CATEGORIES));
  });
});
