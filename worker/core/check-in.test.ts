import { describe, expect, it } from "vitest";
import { at, call, configured, issue, ok, openOnly, refused, ticketNo } from "./fixtures.test-util.js";
import type { HallState } from "./model.js";

/** Window 5 serves household only; window 1 is closed (its terminal may still check citizens in). */
const hall = (): HallState => configured(at(0), openOnly(["5"], { windows: openOnly(["5"]).windows.map((w) => (w.id === "5" ? { ...w, categories: ["household"] } : w)) }));

describe("checking in by code at a window", () => {
  it("turns a booking into an appointment ticket that joins its category's queue, not the window's desk", () => {
    let s = ok(hall(), { type: "book_appointment", code: "482913", category: "household", day: "" }, at(0)).state;
    s = issue(s, "household", at(1)).state; // A001 walks in first
    const out = ok(s, { type: "check_in", code: "482913", window: "5" }, at(2));
    expect(out.events.map((e) => e.type)).toEqual(["ticket.issued"]);
    const t = out.result.ticket!;
    expect([t.number, t.priority, t.status, t.window]).toEqual(["A002", "appointment", "waiting", null]);
    expect(out.state.windows.find((w) => w.id === "5")!.current).toBeNull();
    // Then it is called in turn, as a booking checked in at the kiosk would be (appointment priority first).
    expect(call(out.state, "5", at(3)).number).toBe("A002");
  });

  it("checks in a ticket from home, which keeps the place it held", () => {
    let s = ok(hall(), { type: "join_remote", category: "household", code: "111111", citizen: { idHash: "p1" } }, at(0)).state;
    s = issue(s, "household", at(1)).state; // A002
    const out = ok(s, { type: "check_in", code: "111111", window: "1" }, at(2));
    expect(out.events.map((e) => e.type)).toEqual(["ticket.arrived"]);
    expect(ticketNo(out.state, "A001").remote?.arrivedAt).toBe(new Date(at(2)).toISOString());
    expect(call(out.state, "5", at(3)).number).toBe("A001");
  });

  it("refuses a window the hall does not have, an unknown code and a code already used, changing nothing", () => {
    const s = ok(hall(), { type: "book_appointment", code: "482913", category: "household", day: "" }, at(0)).state;
    expect(refused(s, { type: "check_in", code: "482913", window: "99" }, at(1))).toMatchObject({ code: "unknown_window", details: { window: "99" } });
    expect(refused(s, { type: "check_in", code: "000000", window: "5" }, at(1)).code).toBe("unknown_appointment");
    const once = ok(s, { type: "check_in", code: "482913", window: "5" }, at(1)).state;
    expect(refused(once, { type: "check_in", code: "482913", window: "5" }, at(2))).toMatchObject({ code: "conflict", details: { ticket: "A001" } });
  });
});
