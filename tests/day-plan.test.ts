/**
 * Issue 13 §2: a plan applied as the hall's plan for a day (PUT/GET/DELETE /plan/{date}), its
 * reminders on the data wall as the hall's clock passes, and `autoOpen`: the hall opens, pauses
 * and re-assigns windows itself at the shift changes, as "plan", after the citizen at a window,
 * once even when it was evicted in between. The hall's clock is moved with runInDurableObject.
 */
import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { call, issue, newHall, openFeed, snapshot } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
/** Tuesday 4 March 2031, ahead of the suite's clock so the hall's day only moves forward. */
const DAY = "2031-03-04";
const local = (time: string) => Date.parse(`${DAY}T${time}:00+08:00`);

async function clock(hall: string, time: string): Promise<void> {
  const at = local(time);
  await runInDurableObject(stubOf(hall), (o: HallObject) => {
    o.clock = () => at;
  });
}

/** Moves the clock to `time` and fires the hall's alarm, as the runtime would at that instant. */
async function alarmAt(hall: string, time: string): Promise<void> {
  await clock(hall, time);
  await runDurableObjectAlarm(stubOf(hall));
}

/** The hall clock's instant the alarm is set for, to the second (the machine's clock moves on meanwhile), or null. */
async function alarmFor(hall: string): Promise<number | null> {
  return runInDurableObject(stubOf(hall), async (o: HallObject, state) => {
    const at = await state.storage.getAlarm();
    return at === null ? null : Math.round((at + (o.clock() - Date.now())) / 1000) * 1000;
  });
}

/** Window 3 works 10:00–12:00 on traffic first; windows 1 and 2 all day. */
const WINDOWS = [
  { id: "3", categories: ["traffic", "household"], shifts: [{ opens: "10:00", closes: "12:00" }] },
  { id: "1", categories: ["household", "exit-entry", "traffic"], shifts: [{ opens: "08:30", closes: "17:00" }] },
];

/** A hall at 09:00 with window 3 closed, and the plan applied for the day. */
async function plannedHall(name: string, autoOpen: boolean): Promise<string> {
  await clock(name, "08:00");
  const hall = await newHall(name, (c) => {
    c.windows = c.windows.map((w) => (w.id === "3" ? { ...w, state: "closed" } : w));
    if (autoOpen) c.autoOpen = true;
  });
  await clock(hall, "09:00");
  const put = await call("manager", "PUT", `/api/halls/${hall}/plan/${DAY}`, { windows: WINDOWS });
  expect(put.status, JSON.stringify(put.body)).toBe(201);
  return hall;
}

const window3 = async (hall: string) => (await snapshot(hall)).windows.find((w: any) => w.id === "3");
const planRows = async (hall: string) => {
  const res = await call("manager", "GET", `/api/halls/${hall}/audit?limit=200`);
  return (res.body.entries as any[]).filter((e) => e.actor === "plan").reverse();
};

describe("the plan applied for a day", () => {
  it("is saved, read back, replaced and removed, each audited", async () => {
    await clock("plan-store", "08:00");
    const hall = await newHall("plan-store");
    await clock(hall, "09:00");
    const put = await call("manager", "PUT", `/api/halls/${hall}/plan/${DAY}`, { windows: WINDOWS, basedOn: ["2031-02-25"] });
    expect(put.status).toBe(201);
    expect(put.body.plan).toMatchObject({ date: DAY, windows: WINDOWS, windowHours: 10.5, basedOn: ["2031-02-25"], savedBy: "dev-manager" });
    expect((await call("manager", "GET", `/api/halls/${hall}/plan/${DAY}`)).body).toEqual(put.body);
    const again = await call("manager", "PUT", `/api/halls/${hall}/plan/${DAY}`, { windows: WINDOWS.slice(0, 1) });
    expect(again.status).toBe(200);
    expect(again.body.plan.windowHours).toBe(2);
    expect((await call("manager", "PUT", `/api/halls/${hall}/plan/2031-03-05`, { windows: WINDOWS })).status).toBe(201);
    const gone = await call("manager", "DELETE", `/api/halls/${hall}/plan/${DAY}`);
    expect(gone.status).toBe(200);
    expect(gone.body.plan.windowHours).toBe(2);
    expect((await call("manager", "GET", `/api/halls/${hall}/plan/${DAY}`)).status).toBe(404);
    expect((await call("manager", "DELETE", `/api/halls/${hall}/plan/${DAY}`)).status).toBe(404);
    expect((await call("manager", "GET", `/api/halls/${hall}/plan/2031-03-05`)).status).toBe(200);
    const audit = (await call("manager", "GET", `/api/halls/${hall}/audit?limit=10`)).body.entries as any[];
    expect(audit.slice(0, 4).map((e) => `${e.action} ${e.target} ${e.actor}`)).toEqual([
      `remove_plan plan:${DAY} dev-manager`,
      "save_plan plan:2031-03-05 dev-manager",
      `save_plan plan:${DAY} dev-manager`,
      `save_plan plan:${DAY} dev-manager`,
    ]);
  });

  it("refuses a plan that does not fit the hall with a 400 naming the field, and saves nothing", async () => {
    await clock("plan-refused", "08:00");
    const hall = await newHall("plan-refused");
    await clock(hall, "09:00");
    const shift = (opens: string, closes: string) => ({ windows: [{ id: "3", categories: ["traffic"], shifts: [{ opens, closes }] }] });
    const cases: Array<[unknown, string]> = [
      [{ windows: [{ id: "9", categories: ["traffic"], shifts: [{ opens: "10:00", closes: "12:00" }] }] }, "windows.0.id"],
      [{ windows: [{ id: "3", categories: ["boats"], shifts: [{ opens: "10:00", closes: "12:00" }] }] }, "windows.0.categories.0"],
      [{ windows: [WINDOWS[0], WINDOWS[0]] }, "windows.1.id"],
      [shift("10:00", "25:00"), "windows.0.shifts.0.closes"],
      [shift("10:00", "24:00"), "windows.0.shifts.0.closes"],
      [shift("09:15", "12:00"), "windows.0.shifts.0.opens"],
      [shift("12:00", "10:00"), "windows.0.shifts.0.closes"],
      [shift("10:00", "10:30"), "windows.0.shifts.0.closes"],
      [{ windows: [{ id: "3", categories: ["traffic"], shifts: [{ opens: "09:00", closes: "12:00" }, { opens: "11:00", closes: "13:00" }] }] }, "windows.0.shifts.1.opens"],
      [{ windows: [] }, "windows"],
      [{}, "windows"],
      [{ windows: WINDOWS, extra: 1 }, ""],
    ];
    const before = (await call("manager", "GET", `/api/halls/${hall}/audit`)).body.entries.length;
    for (const [body, field] of cases) {
      const res = await call("manager", "PUT", `/api/halls/${hall}/plan/${DAY}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe("invalid");
      if (field) expect(Object.keys(res.body.details), JSON.stringify(res.body)).toContain(field);
    }
    const past = await call("manager", "PUT", `/api/halls/${hall}/plan/2031-03-03`, { windows: WINDOWS });
    expect(past.status).toBe(400);
    expect(past.body.details).toEqual({ date: `from ${DAY} on` });
    expect((await call("manager", "PUT", `/api/halls/${hall}/plan/2031-02-30`, { windows: WINDOWS })).status).toBe(400);
    expect((await call("manager", "GET", `/api/halls/${hall}/plan/${DAY}`)).status).toBe(404);
    expect((await call("manager", "GET", `/api/halls/${hall}/audit`)).body.entries.length).toBe(before);
    expect((await call("manager", "PUT", `/api/halls/no-such-hall/plan/${DAY}`, { windows: WINDOWS })).status).toBe(404);
    expect((await call("manager", "GET", `/api/halls/no-such-hall/plan/${DAY}`)).status).toBe(404);
  });
});

describe("reminders of the plan's shift changes", () => {
  it("go up on the data wall 30 minutes ahead and come down at the change, woken by the hall's clock alone", async () => {
    const hall = await plannedHall("plan-remind", false);
    const feed = await openFeed(hall, "&view=dashboard");
    const [first] = await feed.waitFor(1);
    expect(first.html).toContain("下一次</b> 10:00 开 3 号窗口");
    // Nobody waits: only the plan wakes the hall, as the 10:00 reminder goes up at 09:30.
    expect(await alarmFor(hall)).toBe(local("09:30"));
    await alarmAt(hall, "09:30");
    const [, soon] = await feed.waitFor(2);
    expect(soon.html).toContain("即将</b> 10:00 开 3 号窗口");
    expect(soon.html).toContain("下一次</b> 12:00 关 3 号窗口");
    expect(await alarmFor(hall)).toBe(local("10:00"));
    await alarmAt(hall, "10:00");
    const [, , after] = await feed.waitFor(3);
    expect(after.html).not.toContain("10:00 开 3 号窗口");
    expect(after.html).toContain("下一次</b> 12:00 关 3 号窗口");
    feed.close();
    // Reminders only: window 3 is still closed, and the plan did nothing.
    expect((await window3(hall)).state).toBe("closed");
    expect(await planRows(hall)).toEqual([]);
  });
});

describe("autoOpen: the hall follows the plan itself", () => {
  it("opens window 3 at 10:00 with the plan's categories and pauses it at 12:00, as the plan", async () => {
    const hall = await plannedHall("plan-auto", true);
    expect(await alarmFor(hall)).toBe(local("10:00"));
    await alarmAt(hall, "10:00");
    expect(await window3(hall)).toMatchObject({ state: "open", categories: ["traffic", "household"] });
    expect(await alarmFor(hall)).toBe(local("12:00"));
    await alarmAt(hall, "12:00");
    expect((await window3(hall)).state).toBe("paused");
    const rows = await planRows(hall);
    expect(rows.map((r) => `${r.role} ${r.action} ${r.target}`)).toEqual(["system set_window window:3", "system pause window:3"]);
    expect(rows[0].at).toBe(new Date(local("10:00")).toISOString());
    // Window 1 was open already: the plan had nothing to do there.
    expect((await snapshot(hall)).windows.find((w: any) => w.id === "1").state).toBe("open");
  });

  it("lets the citizen at a window finish at its closing time, then pauses it (one press of call next)", async () => {
    const hall = await plannedHall("plan-auto-busy", true);
    await alarmAt(hall, "10:00");
    await clock(hall, "11:50");
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/3/call`)).body.ticket.number).toBe("C001");
    await alarmAt(hall, "12:00");
    expect(await window3(hall)).toMatchObject({ state: "open", closing: true, current: { number: "C001" } });
    await clock(hall, "12:04");
    const next = await call("counter", "POST", `/api/halls/${hall}/windows/3/call`);
    expect(next.body).toMatchObject({ ticket: null, finished: { number: "C001", status: "done" } });
    expect(await window3(hall)).toMatchObject({ state: "paused", current: null });
    expect((await snapshot(hall)).waiting.map((t: any) => t.number)).toEqual(["C002"]);
    expect((await planRows(hall)).map((r) => r.action)).toEqual(["set_window", "pause"]);
  });

  it("makes a change that fell due while the hall was evicted once it wakes, and only once", async () => {
    const hall = await plannedHall("plan-auto-evicted", true);
    await evictDurableObject(stubOf(hall));
    await alarmAt(hall, "10:05");
    expect((await window3(hall)).state).toBe("open");
    await evictDurableObject(stubOf(hall));
    await clock(hall, "10:06");
    await runDurableObjectAlarm(stubOf(hall));
    expect((await snapshot(hall)).windows.find((w: any) => w.id === "3").state).toBe("open");
    expect((await planRows(hall)).map((r) => r.action)).toEqual(["set_window"]);
  });

  it("is a hall setting: PATCH turns it on, and refuses anything but true or false naming it", async () => {
    const hall = await plannedHall("plan-auto-setting", false);
    const bad = await call("manager", "PATCH", `/api/halls/${hall}`, { autoOpen: "yes" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(["autoOpen"]);
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { autoOpen: true })).body.hall.autoOpen).toBe(true);
    await alarmAt(hall, "10:00");
    expect((await window3(hall)).state).toBe("open");
  });

  it("asleep through a whole shift, makes only its end; and a manager who reopens the window is not overruled", async () => {
    const hall = await plannedHall("plan-auto-asleep", true);
    // Window 3 opened early on traffic alone, so the shift's end (a pause) has something to do.
    expect((await call("manager", "PATCH", `/api/halls/${hall}/windows/3`, { state: "open", categories: ["traffic"] })).status).toBe(200);
    await alarmAt(hall, "12:30");
    // The end was made; its start (the plan's categories) was not, since it fell due long ago.
    expect(await window3(hall)).toMatchObject({ state: "paused", categories: ["traffic"] });
    expect((await planRows(hall)).map((r) => r.action)).toEqual(["pause"]);
    await call("manager", "PATCH", `/api/halls/${hall}/windows/3`, { state: "open" });
    await alarmAt(hall, "13:00");
    expect((await window3(hall)).state).toBe("open");
  });
});

describe("the demo hall", () => {
  it("comes with four weeks of history, so the 排班 tab plans the next open day from it", async () => {
    const today: string = (await call("manager", "GET", "/api/halls/demo")).body.hall.day;
    const after = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000);
    // The demo hall is closed on Sundays, so a Sunday has no history to plan from.
    const date = (after(1).getUTCDay() === 0 ? after(2) : after(1)).toISOString().slice(0, 10);
    const res = await call("manager", "GET", `/api/halls/demo/plan?date=${date}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.basedOn.days).toHaveLength(4);
    expect(res.body.feasible).toBe(true);
    expect(res.body.windowHours).toBeLessThan(res.body.laibin.windowHours);
    const applied = await call("manager", "PUT", `/api/halls/demo/plan/${date}`, { windows: res.body.windows, basedOn: res.body.basedOn.days });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  }, 60_000);
});
