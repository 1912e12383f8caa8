import { describe, expect, it } from "vitest";
import { blockOn, blocksOf } from "./booking-blocks.js";
import { configured, ok, refused, T0 } from "./fixtures.test-util.js";
import { evolve } from "./hall.js";

// T0 is 2026-11-23 09:00 in Asia/Shanghai; the hall takes appointments 30 days ahead by default.
const TODAY = "2026-11-23";
// Appointments (and so bookings) reach appointmentDays ahead, 30 by default: the last day to block is 2026-12-23.

describe("blocking bookings", () => {
  it("a manager blocks one half hour of one service with a reason; the hall holds it and names it for that slot only", () => {
    const out = ok(configured(), { type: "block_bookings", day: "2026-11-25", from: "10:00", category: "traffic", reason: " 消防演练 " }, T0);
    expect(out.events.map((e) => e.type)).toEqual(["bookings.blocked"]);
    expect(out.result.block).toMatchObject({ id: "2026-11-25.1000.traffic", day: "2026-11-25", from: "10:00", category: "traffic", reason: "消防演练", contacted: [] });
    expect(blockOn(out.state, "2026-11-25", "10:00", "traffic")?.reason).toBe("消防演练");
    expect(blockOn(out.state, "2026-11-25", "10:00", "household")).toBeNull();
    expect(blockOn(out.state, "2026-11-25", "10:30", "traffic")).toBeNull();
  });

  it("a whole-day block for every service covers every half hour of every service that day, and unblocking opens them again", () => {
    const blocked = ok(configured(), { type: "block_bookings", day: TODAY, from: null, category: null, reason: "停电 outage" }, T0).state;
    expect(blockOn(blocked, TODAY, "16:30", "security")?.id).toBe(`${TODAY}.day.*`);
    const out = ok(blocked, { type: "unblock_bookings", block: `${TODAY}.day.*` }, T0);
    expect(out.events.map((e) => e.type)).toEqual(["bookings.unblocked"]);
    expect(blockOn(out.state, TODAY, "16:30", "security")).toBeNull();
    expect(blocksOf(out.state)).toEqual([]);
  });

  it("refuses a past day, a day past the horizon, a slot off the half hour, an unknown service, no reason, and the same block twice, changing nothing", () => {
    const hall = configured();
    const base = { day: "2026-11-25", from: "10:00", category: "traffic", reason: "会议" };
    expect(refused(hall, { type: "block_bookings", ...base, day: "2026-11-22" }, T0)).toMatchObject({ code: "invalid", details: { day: "in the past" } });
    expect(refused(hall, { type: "block_bookings", ...base, day: "2026-12-24" }, T0)).toMatchObject({ code: "invalid", details: { day: "past the booking horizon", last: "2026-12-23" } });
    expect(refused(hall, { type: "block_bookings", ...base, from: "10:15" }, T0)).toMatchObject({ code: "invalid", details: { from: "HH:00 or HH:30" } });
    expect(refused(hall, { type: "block_bookings", ...base, category: "passports" }, T0)).toMatchObject({ code: "unknown_category" });
    expect(refused(hall, { type: "block_bookings", ...base, reason: "  " }, T0)).toMatchObject({ code: "invalid", details: { reason: "1–200 characters" } });
    const once = ok(hall, { type: "block_bookings", ...base }, T0).state;
    expect(refused(once, { type: "block_bookings", ...base }, T0)).toMatchObject({ code: "conflict", details: { block: "2026-11-25.1000.traffic" } });
    expect(refused(hall, { type: "unblock_bookings", block: "2026-11-25.1000.traffic" }, T0)).toMatchObject({ code: "unknown_block" });
    expect(hall.bookingBlocks ?? {}).toEqual({});
  });

  it("bookings on a blocked day are kept; each is marked contacted once, and only one the block covers", () => {
    let hall = ok(configured(), { type: "book_appointment", code: "111111", category: "traffic", day: "2026-11-25" }, T0).state;
    hall = ok(hall, { type: "book_appointment", code: "222222", category: "household", day: "2026-11-25" }, T0).state;
    hall = ok(hall, { type: "block_bookings", day: "2026-11-25", from: null, category: "traffic", reason: "系统升级" }, T0).state;
    expect(Object.keys(hall.appointments).sort()).toEqual(["111111", "222222"]);
    const id = "2026-11-25.day.traffic";
    const marked = ok(hall, { type: "mark_contacted", block: id, code: "111111" }, T0);
    expect(marked.state.bookingBlocks?.[id]?.contacted).toEqual(["111111"]);
    expect(refused(marked.state, { type: "mark_contacted", block: id, code: "111111" }, T0)).toMatchObject({ code: "conflict" });
    expect(refused(hall, { type: "mark_contacted", block: id, code: "222222" }, T0)).toMatchObject({ code: "unknown_appointment" });
  });

  it("a day's blocks go at its midnight; later days' stay", () => {
    let hall = ok(configured(), { type: "block_bookings", day: TODAY, from: "10:00", category: null, reason: "会议" }, T0).state;
    hall = ok(hall, { type: "block_bookings", day: "2026-11-24", from: "10:00", category: null, reason: "会议" }, T0).state;
    const next = evolve(hall, { type: "hall.reset", day: "2026-11-24", previousDay: TODAY, cancelled: [], seq: hall.seq + 1, at: "2026-11-23T16:00:00.000Z" });
    expect(Object.keys(next.bookingBlocks ?? {})).toEqual(["2026-11-24.1000.*"]);
  });
});
