import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateHall, serviceMinutesOf } from "./estimates.js";
import { decide, isRejection } from "./hall.js";
import { snapshotOf } from "./snapshot.js";
import type { HallState, Priority } from "./model.js";
import { MIN, T0, at, configured, issue, ok, openOnly, run, ticketNo } from "./fixtures.test-util.js";

function issueAll(state: HallState, tickets: Array<[category: string, minute: number, priority?: Priority]>): HallState {
  for (const [category, minute, priority] of tickets) state = issue(state, category, at(minute), priority).state;
  return state;
}

function estimateOf(state: HallState, number: string, now: number) {
  return estimateHall(state, now).tickets.get(ticketNo(state, number).id);
}

describe("wait estimates", () => {
  it("counts people ahead and minutes to wait at one traffic window taking 4 min a ticket", () => {
    const s = issueAll(configured(T0, openOnly(["5"])), [
      ["traffic", 0],
      ["traffic", 0],
      ["traffic", 0],
    ]);
    const e = estimateHall(s, T0);
    expect(e.order.map((t) => t.number)).toEqual(["C001", "C002", "C003"]);
    expect(["C001", "C002", "C003"].map((n) => e.tickets.get(ticketNo(s, n).id))).toEqual([
      { ahead: 0, estimatedWaitMinutes: 0 },
      { ahead: 1, estimatedWaitMinutes: 4 },
      { ahead: 2, estimatedWaitMinutes: 8 },
    ]);
    expect(e.categories.get("traffic")).toEqual({ waiting: 3, estimatedWaitMinutes: 12 });
  });

  it("gives no estimate for a category no open window serves", () => {
    const s = issueAll(configured(T0, openOnly(["5"])), [["traffic", 0]]);
    const e = estimateHall(s, T0);
    expect(e.categories.get("household")).toEqual({ waiting: 0, estimatedWaitMinutes: null });
    expect(e.categories.get("security")).toEqual({ waiting: 0, estimatedWaitMinutes: null });
  });

  it("shares the line between windows and plays the call policy forward", () => {
    // Window 4 lists household first (2 min head start); window 5 takes traffic only.
    const s = issueAll(configured(T0, openOnly(["4", "5"])), [
      ["traffic", 0],
      ["traffic", 0],
      ["traffic", 0],
      ["traffic", 0],
      ["household", 0],
    ]);
    const e = estimateHall(s, T0);
    expect(e.order.map((t) => t.number)).toEqual(["A001", "C001", "C002", "C003", "C004"]);
    const waits = Object.fromEntries(e.order.map((t) => [t.number, e.tickets.get(t.id)]));
    expect(waits).toEqual({
      A001: { ahead: 0, estimatedWaitMinutes: 0 }, // window 4 at 0
      C001: { ahead: 0, estimatedWaitMinutes: 0 }, // window 5 at 0
      C002: { ahead: 1, estimatedWaitMinutes: 4 }, // window 5 at 4
      C003: { ahead: 2, estimatedWaitMinutes: 6 }, // window 4 at 6, after A001's 6 min
      C004: { ahead: 3, estimatedWaitMinutes: 8 }, // window 5 at 8
    });
    expect(e.categories.get("traffic")).toEqual({ waiting: 4, estimatedWaitMinutes: 10 });
    // A household newcomer at window 4 at minute 6: 6 min + 2 min head start beats C003's 6.
    expect(e.categories.get("household")).toEqual({ waiting: 1, estimatedWaitMinutes: 6 });
    expect(e.categories.get("exit-entry")).toEqual({ waiting: 0, estimatedWaitMinutes: null });
  });

  it("waits for the ticket at the window to finish its expected service time", () => {
    let s = issueAll(configured(T0, openOnly(["5"])), [
      ["traffic", 0],
      ["traffic", 0],
    ]);
    s = ok(s, { type: "call", window: "5" }, T0).state;
    expect(estimateOf(s, "C002", at(1))).toEqual({ ahead: 0, estimatedWaitMinutes: 3 });
    s = ok(s, { type: "start", window: "5" }, at(2)).state;
    expect(estimateOf(s, "C002", at(2))).toEqual({ ahead: 0, estimatedWaitMinutes: 4 });
    expect(estimateHall(s, at(2)).categories.get("traffic")?.estimatedWaitMinutes).toBe(8);
    // Service running over its time: the window is expected free now, not in the past.
    expect(estimateOf(s, "C002", at(30))).toEqual({ ahead: 0, estimatedWaitMinutes: 0 });
  });

  it("uses the service time the hall learnt, not the manager's guess", () => {
    let s = configured(T0, openOnly(["5"]));
    s = run(s, [{ type: "issue", category: "traffic" }, { type: "call", window: "5" }]).state;
    s = ok(s, { type: "finish", window: "5" }, at(9)).state; // 4 → 5 min
    expect(serviceMinutesOf(s, "traffic")).toBe(5);
    expect(serviceMinutesOf(s, "household")).toBe(6);
    s = issueAll(s, [
      ["traffic", 9],
      ["traffic", 9],
    ]);
    expect(estimateOf(s, "C003", at(9))).toEqual({ ahead: 1, estimatedWaitMinutes: 5 });
    expect(estimateHall(s, at(9)).categories.get("traffic")?.estimatedWaitMinutes).toBe(10);
  });

  it("lists the waiting in the order they would be called: priority first", () => {
    const s = issueAll(configured(T0, openOnly(["1"])), [
      ["household", 0],
      ["traffic", 1],
      ["exit-entry", 2, "elderly"],
      ["household", 3, "green"],
    ]);
    const e = estimateHall(s, at(3));
    expect(e.order.map((t) => t.number)).toEqual(["A002", "B001", "A001", "C001"]);
    expect(e.tickets.get(ticketNo(s, "A001").id)).toEqual({ ahead: 1, estimatedWaitMinutes: 14 });
    expect(e.tickets.get(ticketNo(s, "B001").id)).toEqual({ ahead: 0, estimatedWaitMinutes: 6 });
  });

  it("does not count paused windows, and still lists stranded tickets, priority first", () => {
    let s = configured(T0, openOnly(["5"]));
    s = issueAll(s, [
      ["traffic", 0],
      ["traffic", 1, "elderly"],
      ["traffic", 2],
    ]);
    s = ok(s, { type: "set_window", window: "5", state: "paused" }, at(3)).state;
    const e = estimateHall(s, at(3));
    expect(e.order.map((t) => t.number)).toEqual(["C002", "C001", "C003"]);
    expect(e.order.map((t) => e.tickets.get(t.id))).toEqual([
      { ahead: 0, estimatedWaitMinutes: null },
      { ahead: 1, estimatedWaitMinutes: null },
      { ahead: 2, estimatedWaitMinutes: null },
    ]);
    expect(e.categories.get("traffic")).toEqual({ waiting: 3, estimatedWaitMinutes: null });
  });

  it("leaves a ticket transferred to a window that has since paused without an estimate", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "issue", category: "household" }, { type: "call", window: "1" }]).state;
    s = run(s, [{ type: "transfer", ticket: "A001", window: "6" }, { type: "set_window", window: "6", state: "paused" }], at(1)).state;
    const e = estimateHall(s, at(1));
    expect(e.tickets.get(ticketNo(s, "A001").id)).toEqual({ ahead: 1, estimatedWaitMinutes: null });
    expect(e.tickets.get(ticketNo(s, "A002").id)).toEqual({ ahead: 0, estimatedWaitMinutes: 0 });
    expect(e.order.map((t) => t.number)).toEqual(["A002", "A001"]);
  });

  it("foresees the alarm line: a long-waiting ticket overtakes newer priority ones in the forecast", () => {
    // One window, household 6 min: A001 (normal) then three elderly citizens.
    const s = issueAll(configured(T0, openOnly(["4"])), [
      ["household", 0],
      ["household", 1, "elderly"],
      ["household", 1, "elderly"],
      ["household", 1, "elderly"],
    ]);
    const e = estimateHall(s, at(1));
    // At 1: A002; at 7: A003; at 13: A001 has waited 13 min, over the line.
    expect(e.order.map((t) => t.number)).toEqual(["A002", "A003", "A001", "A004"]);
    expect(e.tickets.get(ticketNo(s, "A001").id)?.estimatedWaitMinutes).toBe(12);
  });

  it("matches what the hall then does when every service takes its expected time", () => {
    const ticket = fc.record({
      category: fc.constantFrom("household", "exit-entry", "traffic", "security"),
      priority: fc.constantFrom<Priority>("normal", "normal", "normal", "elderly", "appointment", "green"),
      seconds: fc.integer({ min: 0, max: 120 }),
    });
    const windows = fc.subarray(["1", "2", "3", "4", "5", "6"], { minLength: 1 });
    fc.assert(
      fc.property(windows, fc.array(ticket, { maxLength: 25 }), (open, tickets) => {
        let s = configured(T0, openOnly(open));
        let now = T0;
        for (const t of tickets) {
          now += t.seconds * 1000;
          const out = decide(s, { type: "issue", category: t.category, priority: t.priority }, now);
          if (!isRejection(out)) s = out.state;
        }
        const e = estimateHall(s, now);

        // Play the day: the window free first (lowest number on a tie) calls; service takes the expected time.
        const free = new Map(s.windows.filter((w) => w.state === "open").map((w) => [w.id, { number: w.number, at: now }]));
        const calledAt = new Map<string, number>();
        const order: string[] = [];
        while (free.size > 0) {
          const [id, slot] = [...free].sort(([, a], [, b]) => a.at - b.at || a.number - b.number)[0]!;
          const c = ok(s, { type: "call", window: id }, slot.at);
          if (!c.result.ticket) {
            free.delete(id);
            continue;
          }
          const called = c.result.ticket;
          calledAt.set(called.id, slot.at);
          order.push(called.number);
          slot.at += serviceMinutesOf(s, called.category) * MIN;
          s = ok(c.state, { type: "finish", window: id }, slot.at).state;
        }

        expect(e.order.filter((t) => calledAt.has(t.id)).map((t) => t.number)).toEqual(order);
        for (const t of e.order) {
          const estimate = e.tickets.get(t.id)!.estimatedWaitMinutes;
          const actual = calledAt.get(t.id);
          expect(estimate).toBe(actual === undefined ? null : Math.round((actual - now) / MIN));
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe("the hall snapshot", () => {
  it("shows windows with their tickets, the waiting with estimates, and categories with learnt times", () => {
    let s = configured(T0, openOnly(["5", "6"]));
    s = run(s, [
      { type: "sign_in", window: "5", officer: { name: "黄警官", badge: "450400-0042" } },
      { type: "issue", category: "traffic" },
      { type: "call", window: "5" },
      { type: "finish", window: "5" },
      { type: "issue", category: "traffic" },
      { type: "issue", category: "security" },
      { type: "call", window: "5" },
    ]).state;
    const snap = snapshotOf(s, at(1));
    expect(snap.hall).toMatchObject({ id: s.hall, day: "2026-11-23", timezone: "Asia/Shanghai", alarmMinutes: 10 });
    expect(snap.seq).toBe(s.seq);
    expect(snap.windows.find((w) => w.id === "5")?.current).toMatchObject({ number: "C002", status: "called", officer: { badge: "450400-0042" } });
    expect(snap.windows.find((w) => w.id === "6")?.current).toBeNull();
    expect(snap.waiting.map((t) => [t.number, t.ahead, t.estimatedWaitMinutes])).toEqual([["D001", 0, 0]]);
    const traffic = snap.categories.find((c) => c.id === "traffic");
    // C001 finished at once: the sample counts as 0.5 min, 4 + 0.2 × (0.5 − 4) = 3.3.
    expect(traffic).toMatchObject({ waiting: 0, learntServiceMinutes: 3.3, prefix: "C" });
    // Window 6 is free now and lists traffic before security: a newcomer's 2 min head start beats D001's 1 min.
    expect(traffic?.estimatedWaitMinutes).toBe(0);
    expect(snap.categories.find((c) => c.id === "household")?.learntServiceMinutes).toBeNull();
    expect(snap.recentCalls.map((c) => c.ticket.number)).toEqual(["C002", "C001"]);
  });
});
