/**
 * The day's plan through the API, from the hall's own history: a Monday worked a week before,
 * planned for the Monday after, with that day's bookings on top. The hall's clock is moved with
 * runInDurableObject.
 */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { call, newHall } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

async function clock(hall: string, local: string): Promise<void> {
  const at = Date.parse(`${local.replace(" ", "T")}:00+08:00`);
  await runInDurableObject(stubOf(hall), (o: HallObject) => {
    o.clock = () => at;
  });
}

/** Monday 24 November 2031: 30 citizens between 09:00 and 10:00, served at windows 1–3. */
async function busyMonday(name: string): Promise<string> {
  await clock(name, "2031-11-24 08:55");
  const hall = await newHall(name);
  for (let i = 0; i < 30; i++) {
    const minute = String(i * 2).padStart(2, "0");
    await clock(hall, `2031-11-24 09:${minute}`);
    const res = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: i % 3 ? "household" : "traffic" });
    expect(res.status).toBe(201);
    const w = String((i % 3) + 1);
    await call("counter", "POST", `/api/halls/${hall}/windows/${w}/finish`, {});
    await call("counter", "POST", `/api/halls/${hall}/windows/${w}/call`, {});
  }
  await clock(hall, "2031-11-24 11:00");
  for (const w of ["1", "2", "3"]) await call("counter", "POST", `/api/halls/${hall}/windows/${w}/finish`, {});
  await clock(hall, "2031-11-25 00:00");
  expect(await runDurableObjectAlarm(stubOf(hall))).toBe(true);
  await clock(hall, "2031-12-01 08:00");
  return hall;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** A valid 18-digit ID number (GB 11643 check digit) for person `n`. */
function idNumber(n: number): string {
  const body = `11010519800101${String(n).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

describe("the day's plan from the hall's history", () => {
  it("plans next Monday from last Monday, saying which day it used, in the planner's shape", async () => {
    const hall = await busyMonday("plan-history");
    const res = await call("manager", "GET", `/api/halls/${hall}/plan?date=2031-12-01`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body)).toEqual(["feasible", "windows", "windowHours", "laibin", "simulated", "shortfall", "rules", "closed", "basedOn", "load"]);
    expect(res.body.rules).toEqual({ minShiftMinutes: 120, maxShifts: 2, keepCategories: true });
    expect(res.body.load).toEqual([
      { from: "09:00", to: "09:30", forecast: 15, booked: 0 },
      { from: "09:30", to: "10:00", forecast: 15, booked: 0 },
    ]);
    expect(res.body.basedOn).toEqual({ days: ["2031-11-24"] });
    expect(res.body.feasible).toBe(true);
    expect(res.body.simulated.overall.issued).toBe(30);
    expect(res.body.simulated.overall.meanWaitMinutes).toBeLessThanOrEqual(8.2);
    // 30 tickets a day: Laibin opens half the demo hall's 6 windows, for its hour of arrivals.
    expect(res.body.laibin).toEqual({ windows: 3, windowHours: 3 });
    expect(res.body.windowHours).toBeGreaterThan(0);
    for (const w of res.body.windows) for (const s of w.shifts) expect(`${s.opens} ${s.closes}`).toMatch(/^\d\d:(00|30) \d\d:(00|30)$/);
  }, 60_000);

  it("adds the day's bookings to the demand: more window-hours in the booked half hour, and the booked figures beside the forecast", async () => {
    const [plain, booked] = [await busyMonday("plan-unbooked"), await busyMonday("plan-booked")];
    // Book the half hour full (its capacity is the usual day's share kept for bookings), household and traffic.
    let count = 0;
    for (const category of ["household", "traffic"]) {
      for (let status = 201; status === 201; ) {
        const n = ++count;
        status = (await call(null, "POST", `/api/halls/${booked}/bookings`, { category, date: "2031-12-01", from: "09:30", idNumber: idNumber(n), mobile: "13812345678" }, { "CF-Connecting-IP": `198.51.100.${n}` })).status;
        if (status !== 201) {
          expect(status).toBe(409);
          count--;
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(4);
    const without = await call("manager", "GET", `/api/halls/${plain}/plan?date=2031-12-01`);
    const withBookings = await call("manager", "GET", `/api/halls/${booked}/plan?date=2031-12-01`);
    expect(withBookings.status, JSON.stringify(withBookings.body)).toBe(200);
    expect(withBookings.body.load).toEqual([
      { from: "09:00", to: "09:30", forecast: 15, booked: 0 },
      { from: "09:30", to: "10:00", forecast: 15, booked: count },
    ]);
    expect(withBookings.body.simulated.overall.issued).toBe(without.body.simulated.overall.issued + count);
    /** Window-minutes the plan opens within 09:30–10:00. */
    const inSlot = (plan: any) =>
      plan.windows.reduce((m: number, w: any) => m + w.shifts.reduce((n: number, s: any) => n + Math.max(0, Math.min(600, minutes(s.closes)) - Math.max(570, minutes(s.opens))), 0), 0);
    expect(inSlot(withBookings.body)).toBeGreaterThan(inSlot(without.body));
  }, 120_000);

  it("keeps the hall's plan rules, set in its settings, and refuses rules it cannot keep naming the field", async () => {
    const hall = await busyMonday("plan-rules");
    const set = await call("manager", "PATCH", `/api/halls/${hall}`, { planRules: { minShiftHours: 1, maxShifts: 1, keepCategories: false } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const res = await call("manager", "GET", `/api/halls/${hall}/plan?date=2031-12-01`);
    expect(res.body.rules).toEqual({ minShiftMinutes: 60, maxShifts: 1, keepCategories: false });
    for (const w of res.body.windows) expect(w.shifts.length).toBe(1);
    for (const bad of [{ minShiftHours: 0.75 }, { minShiftHours: 9 }, { maxShifts: 0 }, { keepCategories: "yes" }]) {
      const refused = await call("manager", "PATCH", `/api/halls/${hall}`, { planRules: bad });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(Object.keys(refused.body.details ?? {}).join(), JSON.stringify(refused.body)).toContain("planRules");
    }
    expect((await call("manager", "GET", `/api/halls/${hall}`)).body.hall.planRules).toEqual({ minShiftHours: 1, maxShifts: 1, keepCategories: false });
  }, 60_000);

  it("says so for a date without history, and refuses a date that is not one", async () => {
    const hall = await busyMonday("plan-no-history");
    const none = await call("manager", "GET", `/api/halls/${hall}/plan?date=2031-12-02`);
    expect(none.status).toBe(404);
    expect(none.body.error).toBe("no tickets on 2031-11-25, 2031-11-18, 2031-11-11, 2031-11-04 (the same weekday over the last four weeks) to plan 2031-12-02 from");
    expect((await call("manager", "GET", `/api/halls/${hall}/plan?date=2031-02-30`)).status).toBe(400);
    expect((await call("manager", "GET", `/api/halls/${hall}/plan`)).status).toBe(400);
    expect((await call("counter", "GET", `/api/halls/${hall}/plan?date=2031-12-01`)).status).toBe(403);
  }, 60_000);

  it("says so, with a 404 rather than a fault, when the history is too short a day to plan shifts in", async () => {
    const name = "plan-one-ticket";
    await clock(name, "2031-11-24 23:50");
    const hall = await newHall(name);
    expect((await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" })).status).toBe(201);
    await clock(hall, "2031-12-01 08:00");
    const res = await call("manager", "GET", `/api/halls/${hall}/plan?date=2031-12-01`);
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect(res.body).toMatchObject({ code: "not_found", details: { date: "2031-12-01", days: ["2031-11-24"] } });
    expect(res.body.error).toContain("too little to plan 2031-12-01 from");
  }, 60_000);
});
