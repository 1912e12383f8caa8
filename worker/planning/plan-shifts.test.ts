import { describe, expect, it } from "vitest";
import { configured, ok, openOnly, run, T0 } from "../core/fixtures.test-util.js";
import { checkPlan, commandsFor, dueChanges, nextPlanInstant, planWindowHours, reminders, remindersMoved, shiftChanges, type PlanWindow } from "./plan-shifts.js";

const TZ = "Asia/Shanghai";
/** 2026-11-23 local time in Shanghai. */
const local = (time: string) => Date.parse(`2026-11-23T${time}:00+08:00`);

const WINDOWS: PlanWindow[] = [
  { id: "1", categories: ["household", "traffic"], shifts: [{ opens: "08:30", closes: "17:00" }] },
  { id: "3", categories: ["traffic", "household"], shifts: [{ opens: "10:00", closes: "12:00" }, { opens: "14:00", closes: "16:00" }] },
  { id: "5", categories: ["traffic"], shifts: [{ opens: "08:30", closes: "12:00" }, { opens: "12:00", closes: "15:00" }] },
];
const PLAN = { date: "2026-11-23", windows: WINDOWS };

describe("a plan against the hall", () => {
  it("accepts the hall's own windows and categories in half-hour shifts of an hour or more", () => {
    expect(checkPlan(configured(), WINDOWS)).toBeNull();
    expect(planWindowHours(WINDOWS)).toBe(8.5 + 4 + 6.5);
  });

  it("names the field of an unknown window or category, a repeat, an odd time and an overlap", () => {
    const problems = checkPlan(configured(), [
      { id: "9", categories: ["traffic"], shifts: [{ opens: "09:00", closes: "12:00" }] },
      { id: "2", categories: ["boats", "traffic", "traffic"], shifts: [{ opens: "09:15", closes: "12:00" }] },
      { id: "2", categories: ["traffic"], shifts: [{ opens: "09:00", closes: "09:30" }] },
      { id: "4", categories: ["traffic"], shifts: [{ opens: "09:00", closes: "12:00" }, { opens: "11:00", closes: "13:00" }] },
    ])!;
    expect(Object.keys(problems).sort()).toEqual(
      ["windows.0.id", "windows.1.categories.0", "windows.1.categories.2", "windows.1.shifts.0.opens", "windows.2.id", "windows.2.shifts.0.closes", "windows.3.shifts.1.opens"].sort(),
    );
    expect(problems["windows.0.id"]).toBe('no window "9" in this hall (windows: 1, 2, 3, 4, 5, 6)');
    expect(problems["windows.3.shifts.1.opens"]).toBe("11:00–13:00 overlaps or comes before 09:00–12:00");
  });
});

describe("the plan's shift changes", () => {
  it("opens and closes each shift in time order, and a shift that follows on at once is no change", () => {
    const changes = shiftChanges(PLAN, TZ);
    expect(changes.map((c) => `${c.time} ${c.action} ${c.window}`)).toEqual([
      "08:30 open 1",
      "08:30 open 5",
      "10:00 open 3",
      "12:00 close 3",
      "14:00 open 3",
      "15:00 close 5",
      "16:00 close 3",
      "17:00 close 1",
    ]);
    expect(changes[2]!.at).toBe(local("10:00"));
  });

  it("after a sleep, makes only the latest change of each window that fell due", () => {
    const changes = shiftChanges(PLAN, TZ);
    const due = dueChanges(changes, local("09:00"), local("12:30"));
    expect(due.map((c) => `${c.time} ${c.action} ${c.window}`)).toEqual(["12:00 close 3"]);
    expect(dueChanges(changes, local("12:30"), local("12:30"))).toEqual([]);
  });

  it("becomes the core's commands: open with the plan's categories, pause after the citizen, nothing when already so", () => {
    const [open3] = shiftChanges(PLAN, TZ).filter((c) => c.window === "3");
    const hall = configured(T0, openOnly(["1", "2"]));
    expect(commandsFor(open3!, hall)).toEqual([{ type: "set_window", window: "3", state: "open", categories: ["traffic", "household"] }]);
    const opened = ok(hall, commandsFor(open3!, hall)[0]!, T0).state;
    expect(commandsFor(open3!, opened)).toEqual([]);
    const close3 = shiftChanges(PLAN, TZ).find((c) => c.window === "3" && c.action === "close")!;
    expect(commandsFor(close3, opened)).toEqual([{ type: "pause", window: "3", afterCitizen: true }]);
    expect(commandsFor(close3, hall)).toEqual([]); // closed by a manager: left alone
  });

  it("resumes a window still closing when its next shift opens", () => {
    const s = run(configured(), [{ type: "issue", category: "traffic" }, { type: "call", window: "5" }, { type: "pause", window: "5", afterCitizen: true }]).state;
    const open5 = { at: 0, time: "13:00", window: "5", action: "open" as const, categories: ["traffic"] };
    expect(commandsFor(open5, s)).toEqual([{ type: "resume", window: "5" }]);
  });
});

describe("reminders of the shift changes", () => {
  const hall = configured();
  const changes = shiftChanges(PLAN, TZ);
  const said = (now: string, windows?: string[]) => reminders(changes, local(now), hall, windows).map((r) => `${r.zh} · ${r.en}${r.soon ? "" : " (next)"}`);

  it("shows the changes of the next 30 minutes, then the next one after them", () => {
    expect(said("09:29")).toEqual(["10:00 开 3 号窗口 · 10:00 open window 3 (next)"]);
    expect(said("09:30")).toEqual(["10:00 开 3 号窗口 · 10:00 open window 3", "12:00 关 3 号窗口 · 12:00 close window 3 (next)"]);
    expect(said("08:00")).toEqual(["08:30 开 1、5 号窗口 · 08:30 open windows 1, 5", "10:00 开 3 号窗口 · 10:00 open window 3 (next)"]);
    expect(said("16:45")).toEqual(["17:00 关 1 号窗口 · 17:00 close window 1"]);
    expect(said("17:00")).toEqual([]);
  });

  it("keeps to a zone's windows when asked", () => {
    expect(said("08:00", ["5"])).toEqual(["08:30 开 5 号窗口 · 08:30 open window 5", "15:00 关 5 号窗口 · 15:00 close window 5 (next)"]);
  });

  it("wakes the hall at each change, and when reminding also as each reminder goes up", () => {
    expect(nextPlanInstant(changes, local("09:00"), false)).toBe(local("10:00"));
    expect(nextPlanInstant(changes, local("09:00"), true)).toBe(local("09:30"));
    expect(nextPlanInstant(changes, local("17:00"), true)).toBeNull();
    expect(remindersMoved(changes, local("09:00"), local("09:29"))).toBe(false);
    expect(remindersMoved(changes, local("09:00"), local("09:30"))).toBe(true);
  });
});
