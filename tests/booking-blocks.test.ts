/**
 * The manager's 预约 tab (issue 26 §5): a blocked half hour is no longer offered, booking it is
 * 409 naming the block, unblocking offers it again; bookings already on it are kept and listed
 * for a call with the whole mobile — for managers only; bad input is a 4xx that changes nothing.
 */
import { env, evictDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { idNumber, setClock, trafficHall } from "./booking-setup.js";
import { call, openFeed } from "./helpers.js";

// The hall's clock: Tuesday 2031-03-04 08:00 in Shanghai; 2031-03-05 is a Wednesday it is open.
const DAY = "2031-03-05";
const slots = (hall: string, date = DAY) => call(null, "GET", `/api/halls/${hall}/booking-slots?date=${date}&category=traffic`);
const board = (hall: string, role: "manager" | "display" | "counter" = "manager", date = DAY) => call(role, "GET", `/api/halls/${hall}/booking-board?date=${date}&category=traffic`);
const book = (hall: string, n: number, from = "09:00") =>
  call(null, "POST", `/api/halls/${hall}/bookings`, { category: "traffic", date: DAY, from, idNumber: idNumber(n), mobile: `1381234${String(n).padStart(4, "0")}` }, { "CF-Connecting-IP": `198.51.100.${n}` });
const block = (hall: string, body: Record<string, unknown>, role: "manager" | "display" = "manager") => call(role, "POST", `/api/halls/${hall}/booking-blocks`, { date: DAY, reason: "消防演练", ...body }, {});

describe("blocking bookings", () => {
  it("a blocked half hour is not offered and booking it is 409 naming the block; unblocked, it is offered and booked again", async () => {
    const hall = await trafficHall("block-slot");
    const made = await block(hall, { from: "09:30", category: "traffic" });
    expect(made.status).toBe(201);
    expect(made.body.block).toMatchObject({ id: `${DAY}.0930.traffic`, day: DAY, from: "09:30", category: "traffic", reason: "消防演练" });
    const offered = (await slots(hall)).body.slots.map((s: any) => [s.from, s.open, s.blocked]);
    expect(offered).toEqual([
      ["09:00", true, null],
      ["09:30", false, "消防演练"],
      ["10:00", true, null],
      ["10:30", true, null],
    ]);
    const refused = await book(hall, 1, "09:30");
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "conflict", details: { from: "blocked", block: `${DAY}.0930.traffic`, reason: "消防演练" } });
    expect(refused.body.error).toContain("消防演练");
    expect((await call("manager", "GET", `/api/halls/${hall}/appointments?date=${DAY}`)).body.appointments).toEqual([]);

    expect((await call("manager", "DELETE", `/api/halls/${hall}/booking-blocks/${DAY}.0930.traffic`)).status).toBe(200);
    expect((await slots(hall)).body.slots[1]).toMatchObject({ from: "09:30", open: true, blocked: null });
    expect((await book(hall, 1, "09:30")).status).toBe(201);
  });

  it("keeps the bookings on a blocked day and lists them for a call with the whole mobile; 已通知 is marked once; the plan still counts them", async () => {
    const hall = await trafficHall("block-keep");
    expect((await book(hall, 1, "09:00")).status).toBe(201);
    const second = await book(hall, 2, "10:00");
    expect(second.status).toBe(201);
    const typed = await call("manager", "POST", `/api/halls/${hall}/appointments`, { category: "traffic", day: DAY, note: "王女士" });
    expect(typed.status).toBe(201);
    const loadBefore = (await call("manager", "GET", `/api/halls/${hall}/plan?date=${DAY}`)).body.load;

    expect((await block(hall, { reason: "系统升级 outage" })).status).toBe(201);
    const id = `${DAY}.day.*`;
    expect((await slots(hall)).body.slots.every((s: any) => !s.open && s.blocked === "系统升级 outage")).toBe(true);
    const listed = await board(hall);
    expect(listed.status).toBe(200);
    expect(listed.body.toCall).toEqual([
      { block: id, code: typed.body.appointment.code, day: DAY, slot: null, category: "traffic", note: "王女士", mobile: null, contacted: false },
      { block: id, code: expect.any(String), day: DAY, slot: "09:00", category: "traffic", note: null, mobile: "13812340001", contacted: false },
      { block: id, code: second.body.code, day: DAY, slot: "10:00", category: "traffic", note: null, mobile: "13812340002", contacted: false },
    ]);
    expect(listed.body.slots.map((s: any) => [s.from, s.capacity, s.booked])).toEqual([
      ["09:00", 2, 1],
      ["09:30", 2, 0],
      ["10:00", 2, 1],
      ["10:30", 2, 0],
    ]);
    expect((await call("manager", "GET", `/api/halls/${hall}/appointments?date=${DAY}`)).body.appointments).toHaveLength(3);
    expect((await call("manager", "GET", `/api/halls/${hall}/plan?date=${DAY}`)).body.load).toEqual(loadBefore);

    const marked = await call("manager", "POST", `/api/halls/${hall}/booking-blocks/${id}/contacted`, { code: second.body.code });
    expect(marked.status).toBe(200);
    expect((await board(hall)).body.toCall.find((b: any) => b.code === second.body.code).contacted).toBe(true);
    expect((await call("manager", "POST", `/api/halls/${hall}/booking-blocks/${id}/contacted`, { code: second.body.code })).status).toBe(409);
    // The audit names the manager's commands.
    const audit = (await call("manager", "GET", `/api/halls/${hall}/audit?limit=5`)).body.entries.map((e: any) => e.action);
    expect(audit).toEqual(expect.arrayContaining(["block_bookings", "mark_contacted"]));
  });

  it("refuses bad input with a 4xx naming it, and changes nothing", async () => {
    const hall = await trafficHall("block-bad");
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ date: "2031-03-03" }, 400, "day"], // yesterday
      [{ date: "2031-04-04" }, 400, "day"], // past appointmentDays (30)
      [{ from: "09:15" }, 400, "from"],
      [{ category: "passports" }, 404, "category"],
      [{ reason: "" }, 400, "reason"],
      [{ date: "5 March" }, 400, "date"],
    ];
    for (const [body, status, field] of cases) {
      const r = await block(hall, body);
      expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), status]);
      expect(JSON.stringify(r.body.details ?? r.body.fields)).toContain(field);
    }
    expect((await call("manager", "DELETE", `/api/halls/${hall}/booking-blocks/${DAY}.0930.traffic`)).status).toBe(404);
    expect((await board(hall)).body.blocks).toEqual([]);
    expect((await slots(hall)).body.slots.every((s: any) => s.open)).toBe(true);
    expect((await board(hall, "manager", "2031-03-05").then((r) => r.status))).toBe(200);
  });

  it("a display or counter token can neither block nor read the call list, and a display's feed carries no block", async () => {
    const hall = await trafficHall("block-roles");
    expect((await book(hall, 1, "09:00")).status).toBe(201);
    const feed = await openFeed(hall);
    expect((await block(hall, { from: "09:00" }, "display")).status).toBe(403);
    expect((await block(hall, { from: "09:00" })).status).toBe(201);
    for (const role of ["display", "counter"] as const) {
      const r = await board(hall, role);
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain("13812340001");
    }
    // A ticket after the block: once the display has it, it would have had the block before it.
    await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await feed.waitFor(2);
    await new Promise((r) => setTimeout(r, 100));
    feed.close();
    expect(feed.messages.map((m) => m.type)).not.toContain("bookings.blocked");
    expect(JSON.stringify(feed.messages)).not.toContain("消防演练");
  });

  it("lists the last week's no-shows masked, and who the no-show rule stops from booking, until when", async () => {
    const hall = await trafficHall("block-noshows", { days: 30 });
    const post = (n: number, date: string) =>
      call(null, "POST", `/api/halls/${hall}/bookings`, { category: "traffic", date, from: "09:00", idNumber: idNumber(n), mobile: "13912345678" }, { "CF-Connecting-IP": `198.51.100.${n}${date.slice(-1)}` });
    // Person 9 books three Wednesdays and never comes; person 8 misses one.
    for (const date of ["2031-03-05", "2031-03-12", "2031-03-19"]) expect((await post(9, date)).status).toBe(201);
    expect((await post(8, "2031-03-19")).status).toBe(201);
    await setClock(hall, Date.parse("2031-03-24T08:00:00+08:00"));
    const r = await board(hall, "manager", "2031-03-26");
    expect(r.status).toBe(200);
    // The last 7 days (from 2031-03-17): the two no-shows of 2031-03-19, masked.
    expect(r.body.noShows.map((m: any) => [m.day, m.slot, m.mobile])).toEqual([
      ["2031-03-19", "09:00", "139****5678"],
      ["2031-03-19", "09:00", "139****5678"],
    ]);
    expect(r.body.blockedPeople).toEqual([{ person: expect.stringMatching(/^[A-Za-z0-9_-]{8}$/), noShows: 3, until: "2031-09-01", mobile: "139****5678" }]);
    expect(JSON.stringify(r.body)).not.toContain("13912345678");
  });

  it("a block survives the hall object's eviction", async () => {
    const hall = await trafficHall("block-evict");
    expect((await block(hall, { from: "10:00" })).status).toBe(201);
    await evictDurableObject(env.HALL.get(env.HALL.idFromName(hall)));
    await setClock(hall, Date.parse("2031-03-04T08:00:00+08:00"));
    expect((await slots(hall)).body.slots.find((s: any) => s.from === "10:00")).toMatchObject({ open: false, blocked: "消防演练" });
  });
});
