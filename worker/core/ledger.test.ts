import { describe, expect, it } from "vitest";
import { activeTickets, ticketOf, findTicket } from "./ledger.js";
import type { HallState } from "./model.js";
import { T0, call, configured, issue, ok } from "./fixtures.test-util.js";

function dayOf(n: number): HallState {
  let s = configured();
  for (let i = 0; i < n; i++) s = issue(s, i % 2 ? "traffic" : "household", T0).state;
  return s;
}

describe("the day's tickets", () => {
  it("read as a plain record in issue order, through JSON and structuredClone alike", () => {
    let s = dayOf(40);
    s = call(s, "1", T0 + 60_000).state;
    const ids = Object.keys(s.tickets);
    expect(ids).toHaveLength(40);
    expect(ids[0]).toMatch(/-A001$/);
    expect(ids[1]).toMatch(/-C001$/);
    expect(ids[39]).toMatch(/-C020$/);
    const cloned = structuredClone(s);
    expect(Object.getOwnPropertyDescriptor(cloned, "tickets")?.value).toEqual(s.tickets);
    expect(JSON.parse(JSON.stringify(s))).toEqual(cloned);
    expect(Object.keys(JSON.parse(JSON.stringify(s)))).toEqual(Object.keys(s));
  });

  it("keeps a called ticket in its place in the issue order", () => {
    const s = call(dayOf(3), "1", T0 + 60_000).state;
    expect(Object.values(s.tickets).map((t) => [t.number, t.status])).toEqual([
      ["A001", "called"],
      ["C001", "waiting"],
      ["A002", "waiting"],
    ]);
  });

  it("never shows an earlier state a ticket issued after it", () => {
    const before = dayOf(5);
    const later = issue(before, "household", T0).state;
    // Branching from the earlier state again issues a ticket with the same number, its own.
    const branch = issue(before, "traffic", T0).state;
    expect(Object.keys(before.tickets)).toHaveLength(5);
    expect(findTicket(before, "A004")).toBeUndefined();
    expect(findTicket(later, "A004")?.category).toBe("household");
    expect(findTicket(branch, "C003")?.category).toBe("traffic");
    expect(findTicket(branch, "A004")).toBeUndefined();
    expect(Object.keys(later.tickets)).toHaveLength(6);
  });

  it("carries on from a state read back from JSON, as a woken hall does", () => {
    const s = call(dayOf(6), "1", T0 + 60_000).state;
    const woken = JSON.parse(JSON.stringify(s)) as HallState;
    const next = ok(woken, { type: "finish", window: "1" }, T0 + 120_000).state;
    expect(activeTickets(next).map((t) => t.number)).toEqual(["C001", "A002", "C002", "A003", "C003"]);
    expect(ticketOf(next, Object.keys(s.tickets)[0]!)?.status).toBe("done");
    expect(woken.tickets[Object.keys(s.tickets)[0]!]?.status).toBe("called");
  });

  it("starts the new day empty", () => {
    const s = dayOf(4);
    const next = ok(s, { type: "reset" }, T0 + 60_000).state;
    expect(next.tickets).toEqual({});
    expect(activeTickets(next)).toEqual([]);
    expect(Object.keys(s.tickets)).toHaveLength(4);
  });
});
