import { describe, expect, it } from "vitest";
import { at, call, configured, issue, ok, openOnly, refused, ticketNo } from "./fixtures.test-util.js";
import type { HallState } from "./model.js";
import { expiryReason, remoteCap } from "./remote.js";

/** One window serving household only: the order of calls is plain to read. */
const hall = (settings: { remoteShare?: number; remoteHolds?: number } = {}) => configured(at(0), openOnly(["5"], { ...settings, windows: openOnly(["5"]).windows.map((w) => (w.id === "5" ? { ...w, categories: ["household"] } : w)) }));

function join(state: HallState, code: string, person: string, m: number) {
  return ok(state, { type: "join_remote", category: "household", code, citizen: { idHash: person } }, at(m));
}

describe("a ticket taken from home (线上取号)", () => {
  it("is issued on the way, with its code, and is called once checked in by that code", () => {
    let s = join(hall(), "111111", "p1", 0).state;
    const t = ticketNo(s, "A001");
    expect(t.remote).toEqual({ code: "111111", holds: 0, arrivedAt: null });
    const arrived = ok(s, { type: "check_in", code: "111111" }, at(20));
    expect(arrived.events.map((e) => e.type)).toEqual(["ticket.arrived"]);
    s = arrived.state;
    expect(ticketNo(s, "A001").remote?.arrivedAt).toBe(new Date(at(20)).toISOString());
    expect(call(s, "5", at(21)).number).toBe("A001");
  });

  it("steps back behind the next waiting citizen when it would be called before check-in", () => {
    let s = join(hall(), "111111", "p1", 0).state;
    s = issue(s, "household", at(1)).state; // A002 walks in
    s = issue(s, "household", at(2)).state; // A003
    const first = call(s, "5", at(3));
    expect(first.number).toBe("A002");
    expect(first.outcome.events.map((e) => e.type)).toEqual(["ticket.held", "ticket.called"]);
    expect(first.outcome.events[0]).toMatchObject({ behind: "A002", ticket: { number: "A001", remote: { holds: 1 } } });
    // It stands just behind A002 now, still before A003: checked in, it is called next.
    s = ok(first.outcome.state, { type: "check_in", code: "111111" }, at(4)).state;
    expect(call(s, "5", at(5)).number).toBe("A001");
  });

  it("keeps its place when nobody else waits: nobody is called and nothing is counted", () => {
    const s = join(hall(), "111111", "p1", 0).state;
    const out = call(s, "5", at(3));
    expect(out.number).toBeNull();
    expect(out.outcome.events).toEqual([]);
  });

  it("expires after stepping back remoteHolds times, with the reason on the ticket, and its code then says so", () => {
    let s = join(hall({ remoteHolds: 2 }), "111111", "p1", 0).state;
    for (let i = 1; i <= 3; i++) s = issue(s, "household", at(i)).state; // A002..A004
    const calls: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const c = call(s, "5", at(10 + i));
      calls.push(c.number);
      s = c.state;
    }
    expect(calls).toEqual(["A002", "A003", "A004"]);
    const t = ticketNo(s, "A001");
    expect(t.status).toBe("cancelled");
    expect(t.remote?.holds).toBe(2);
    expect(t.cancelReason).toBe(expiryReason(2));
    const late = refused(s, { type: "check_in", code: "111111" }, at(20));
    expect(late.code).toBe("conflict");
    expect(late.message).toContain("expired");
  });

  it("is refused past the service's remoteShare, naming the cap, with nothing changed", () => {
    let s = hall({ remoteShare: 0.3 });
    s = join(s, "111111", "p1", 0).state; // 1 of a line of 1: the floor of one
    const r = refused(s, { type: "join_remote", category: "household", code: "222222", citizen: { idHash: "p2" } }, at(1));
    expect(r.code).toBe("conflict");
    expect(r.details).toMatchObject({ cap: "remoteShare", limit: 1, onTheWay: 1, waiting: 1 });
    // Walk-ins make room: 5 waiting and a newcomer is 0.3 × 6 = 1.8, still 1; 6 waiting and a newcomer, 2.
    for (let i = 0; i < 4; i++) s = issue(s, "household", at(2 + i)).state;
    expect(refused(s, { type: "join_remote", category: "household", code: "222222", citizen: { idHash: "p2" } }, at(8)).details).toMatchObject({ limit: 1 });
    s = issue(s, "household", at(9)).state;
    expect(join(s, "222222", "p2", 10).result.ticket?.remote?.code).toBe("222222");
  });

  it("is once a day per person, and refused when the hall turned it off or the service is unknown", () => {
    const s = join(hall(), "111111", "p1", 0).state;
    expect(refused(s, { type: "join_remote", category: "household", code: "222222", citizen: { idHash: "p1" } }, at(1)).details).toMatchObject({ ticket: "A001" });
    expect(refused(hall({ remoteShare: 0 }), { type: "join_remote", category: "household", code: "1", citizen: { idHash: "p" } }, at(1)).details).toMatchObject({ cap: "remoteShare", limit: 0 });
    expect(refused(s, { type: "join_remote", category: "nope", code: "3", citizen: { idHash: "p3" } }, at(1)).code).toBe("unknown_category");
    expect(refused(s, { type: "check_in", code: "999999" }, at(1)).code).toBe("unknown_appointment");
  });
});

describe("remoteCap", () => {
  it("is the share of the line rounded down, at least one while the share is above 0", () => {
    expect([remoteCap(0.3, 1), remoteCap(0.3, 6), remoteCap(0.3, 7), remoteCap(0.3, 10), remoteCap(0, 10)]).toEqual([1, 1, 2, 3, 0]);
  });
});
