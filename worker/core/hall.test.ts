import { describe, expect, it } from "vitest";
import { emptyHall, evolve } from "./hall.js";
import { findTicket } from "./ledger.js";
import type { HallEvent } from "./events.js";
import type { HallState } from "./model.js";
import { HALL, MIN, T0, at, call, configured, demoConfig, issue, ok, refused, run, ticketNo, windowOf } from "./fixtures.test-util.js";

const LAST_MINUTE_23RD = Date.parse("2026-11-23T15:59:00Z");
const MIDNIGHT_24TH = Date.parse("2026-11-23T16:00:00Z");
const officer = { name: "李警官", badge: "450400-0117" };

function types(events: HallEvent[]): string[] {
  return events.map((e) => e.type);
}

describe("the hall before it is configured", () => {
  it("refuses every command but configure as an unknown hall", () => {
    const empty = emptyHall(HALL);
    for (const type of ["reset", "rollover"] as const) {
      expect(refused(empty, { type }, T0).code).toBe("unknown_hall");
    }
    expect(refused(empty, { type: "issue", category: "household" }, T0).code).toBe("unknown_hall");
    expect(refused(empty, { type: "call", window: "1" }, T0).code).toBe("unknown_hall");
  });

  it("takes its day from the configuration time in the hall's zone", () => {
    const out = ok(emptyHall(HALL), { type: "configure", config: demoConfig() }, MIDNIGHT_24TH);
    expect(out.events).toMatchObject([{ type: "hall.configured", day: "2026-11-24", seq: 1 }]);
    expect(out.state.day).toBe("2026-11-24");
    expect(out.state.windows.every((w) => w.current === null && w.officer === null)).toBe(true);
  });
});

describe("ticket numbering", () => {
  it("gives each category its prefix and a three-digit daily sequence: A001, A002, C001", () => {
    let s = configured();
    const numbers: string[] = [];
    for (const c of ["household", "household", "traffic", "exit-entry", "security", "household"]) {
      const r = issue(s, c, T0);
      s = r.state;
      numbers.push(r.number);
    }
    expect(numbers).toEqual(["A001", "A002", "C001", "B001", "D001", "A003"]);
    expect(s.counters).toEqual({ A: 3, B: 1, C: 1, D: 1 });
  });

  it("issues a waiting normal ticket with its place in line set to the issue time", () => {
    const out = ok(configured(), { type: "issue", category: "traffic" }, at(3));
    const t = out.result.ticket!;
    expect(t).toMatchObject({
      id: "20261123-C001",
      number: "C001",
      category: "traffic",
      priority: "normal",
      status: "waiting",
      issuedAt: new Date(at(3)).toISOString(),
      queuedAt: new Date(at(3)).toISOString(),
      window: null,
      callCount: 0,
    });
    expect(out.events).toEqual([{ type: "ticket.issued", ticket: t, seq: 2, at: t.issuedAt }]);
    expect(out.state.tickets[t.id]).toEqual(t);
  });

  it("keeps counting past 999 (A1000) and never repeats a ticket id", () => {
    let s = configured();
    const ids = new Set<string>();
    let last = "";
    for (let i = 0; i < 1001; i++) {
      const r = issue(s, "household", T0);
      s = r.state;
      ids.add(r.id);
      last = r.number;
      if (i === 998) expect(r.number).toBe("A999");
      if (i === 999) expect(r.number).toBe("A1000");
    }
    expect(last).toBe("A1001");
    expect(ids.size).toBe(1001);
    expect(Object.keys(s.tickets)).toHaveLength(1001);
  });

  it("finds a ticket by id or by today's number, whatever the case", () => {
    const { state, id } = issue(configured(), "exit-entry", T0);
    expect(findTicket(state, id)?.number).toBe("B001");
    expect(findTicket(state, "b001")?.id).toBe(id);
    expect(findTicket(state, "B002")).toBeUndefined();
  });
});

describe("the day ends at local midnight in the hall's zone", () => {
  it("does not end the day again when the clock steps back over midnight", () => {
    const afterMidnight = Date.parse("2026-11-23T16:05:00Z");
    let s = run(configured(), [{ type: "issue", category: "household" }], afterMidnight).state;
    expect(s.day).toBe("2026-11-24");
    const back = ok(s, { type: "issue", category: "household" }, Date.parse("2026-11-23T15:59:00Z"));
    expect(back.events.map((e) => e.type)).toEqual(["ticket.issued"]);
    expect(back.result.ticket?.number).toBe("A002");
  });

  /** A day with one ticket in every state and an officer at window 1. */
  function busyDay(): HallState {
    let s = configured();
    s = run(s, [
      { type: "sign_in", window: "1", officer },
      { type: "issue", category: "household" }, // A001 → done
      { type: "issue", category: "household" }, // A002 → no-show
      { type: "issue", category: "household" }, // A003 → cancelled
      { type: "issue", category: "household" }, // A004 → serving at 1
      { type: "issue", category: "traffic" }, // C001 → called at 5
      { type: "issue", category: "exit-entry" }, // B001 → waiting
      { type: "call", window: "1" },
      { type: "finish", window: "1" },
      { type: "call", window: "1" },
      { type: "no_show", window: "1" },
      { type: "cancel", ticket: "A003" },
      { type: "call", window: "1" },
      { type: "start", window: "1" },
      { type: "call", window: "5" },
    ]).state;
    expect(ticketNo(s, "A004").status).toBe("serving");
    expect(ticketNo(s, "C001").status).toBe("called");
    return s;
  }

  it("still numbers on the 23rd at 23:59 Shanghai time (15:59 UTC)", () => {
    const s = busyDay();
    const out = ok(s, { type: "issue", category: "household" }, LAST_MINUTE_23RD);
    expect(types(out.events)).toEqual(["ticket.issued"]);
    expect(out.result.ticket).toMatchObject({ number: "A005", id: "20261123-A005" });
  });

  it("resets at 00:00 (16:00 UTC): open tickets are cancelled, numbering restarts at 001", () => {
    const s = busyDay();
    const open = ["A004", "C001", "B001"].map((n) => ticketNo(s, n).id).sort();
    const out = ok(s, { type: "issue", category: "household" }, MIDNIGHT_24TH);
    expect(types(out.events)).toEqual(["hall.reset", "ticket.issued"]);
    const reset = out.events[0] as Extract<HallEvent, { type: "hall.reset" }>;
    expect(reset).toMatchObject({ day: "2026-11-24", previousDay: "2026-11-23", seq: s.seq + 1 });
    expect([...reset.cancelled].sort()).toEqual(open);
    expect(out.result.ticket).toMatchObject({ number: "A001", id: "20261124-A001" });
    expect(Object.keys(out.state.tickets)).toEqual(["20261124-A001"]);
    expect(out.state.counters).toEqual({ A: 1 });
    expect(out.state.day).toBe("2026-11-24");
    expect(out.state.dayPart).toBe(1);
    expect(out.state.recentCalls).toEqual([]);
  });

  it("clears every window's ticket and officer at the reset but keeps windows open or closed as they were", () => {
    let s = busyDay();
    s = ok(s, { type: "set_window", window: "3", state: "paused" }, at(30)).state;
    const out = ok(s, { type: "rollover" }, MIDNIGHT_24TH);
    expect(types(out.events)).toEqual(["hall.reset"]);
    expect(out.state.windows.map((w) => [w.current, w.officer])).toEqual(s.windows.map(() => [null, null]));
    expect(windowOf(out.state, "3").state).toBe("paused");
    expect(out.result).toEqual({});
  });

  it("keeps what it learnt about service times across the night", () => {
    let s = configured();
    s = run(s, [{ type: "issue", category: "household" }, { type: "call", window: "1" }], T0).state;
    s = ok(s, { type: "finish", window: "1" }, at(16)).state;
    const learnt = s.learnt.household;
    expect(learnt).toEqual({ minutes: 8, samples: 1 });
    expect(ok(s, { type: "rollover" }, MIDNIGHT_24TH).state.learnt.household).toEqual(learnt);
  });

  it("does nothing on a rollover before midnight", () => {
    const s = busyDay();
    const out = ok(s, { type: "rollover" }, LAST_MINUTE_23RD);
    expect(out.events).toEqual([]);
    expect(out.state).toEqual(s);
    expect(out.result).toEqual({});
  });

  it("does not reset twice: the first command after midnight resets, the next does not", () => {
    let s = busyDay();
    s = ok(s, { type: "rollover" }, MIDNIGHT_24TH).state;
    const out = ok(s, { type: "issue", category: "traffic" }, MIDNIGHT_24TH + MIN);
    expect(types(out.events)).toEqual(["ticket.issued"]);
    expect(out.result.ticket?.number).toBe("C001");
  });

  it("starts the new day when the first command after midnight is a reconfiguration", () => {
    const s = busyDay();
    const out = ok(s, { type: "configure", config: demoConfig() }, MIDNIGHT_24TH + 8 * 60 * MIN);
    expect(types(out.events)).toEqual(["hall.reset", "hall.configured"]);
    expect(out.state.tickets).toEqual({});
    const next = ok(out.state, { type: "issue", category: "household" }, MIDNIGHT_24TH + 8 * 60 * MIN);
    expect(next.result.ticket).toMatchObject({ number: "A001", id: "20261124-A001" });
  });

  it("gives a manual reset on the same day a new day part, so ids never repeat", () => {
    let s = issue(configured(), "household", T0).state;
    const out = ok(s, { type: "reset" }, at(60));
    expect(out.events).toMatchObject([{ type: "hall.reset", day: "2026-11-23", previousDay: "2026-11-23", cancelled: ["20261123-A001"] }]);
    s = out.state;
    expect(s.dayPart).toBe(2);
    const second = issue(s, "household", at(61));
    expect(second.number).toBe("A001");
    expect(second.id).toBe("20261123.2-A001");
    const third = issue(ok(second.state, { type: "reset" }, at(62)).state, "household", at(63));
    expect(third.id).toBe("20261123.3-A001");
    const tomorrow = issue(third.state, "household", MIDNIGHT_24TH);
    expect(tomorrow.id).toBe("20261124-A001");
  });

  it("throws away a rejected command's midnight reset along with the rest of it", () => {
    const s = busyDay();
    expect(refused(s, { type: "call", window: "99" }, MIDNIGHT_24TH).code).toBe("unknown_window");
    expect(s.day).toBe("2026-11-23");
  });
});

describe("a window and its ticket", () => {
  it("calls a ticket: the ticket records the window, the officer and the call; the window holds it", () => {
    let s = ok(configured(), { type: "sign_in", window: "2", officer }, T0).state;
    s = issue(s, "household", T0).state;
    const out = ok(s, { type: "call", window: "2" }, at(2));
    const t = out.result.ticket!;
    expect(t).toMatchObject({ number: "A001", status: "called", window: "2", officer, callCount: 1, calledAt: new Date(at(2)).toISOString() });
    expect(out.events).toMatchObject([
      {
        type: "ticket.called",
        callId: `${HALL}:1`,
        window: { id: "2", number: 2, label: "三合一综合窗口" },
        reasonCode: "longest_wait",
        reason: "longest wait: 2 min in Household",
        reasonZh: "等候最久：户政 已等 2 分钟",
      },
    ]);
    expect(windowOf(out.state, "2").current).toBe(t.id);
    expect(out.state.recentCalls[0]).toMatchObject({ callId: `${HALL}:1`, recall: false, ticket: { number: "A001" }, window: { id: "2" } });
    expect(out.result.choice).toMatchObject({ code: "longest_wait", waitedMinutes: 2 });
  });

  it("calls the next at a window that still holds a ticket by finishing that one first, in one command", () => {
    let s = run(configured(), [
      { type: "issue", category: "household" },
      { type: "issue", category: "household" },
      { type: "issue", category: "household" },
      { type: "call", window: "1" },
    ]).state;
    // Never started: its service counts from its call.
    const one = ok(s, { type: "call", window: "1" }, at(4));
    expect(one.events.map((e) => e.type)).toEqual(["ticket.finished", "ticket.called"]);
    expect(one.result.finished).toMatchObject({ number: "A001", status: "done", servedAt: s.tickets[one.result.finished!.id]!.calledAt });
    expect(one.events[0]).toMatchObject({ type: "ticket.finished", serviceMinutes: 4 });
    expect(one.result.ticket).toMatchObject({ number: "A002", status: "called", window: "1" });
    s = ok(one.state, { type: "start", window: "1" }, at(5)).state;
    // Started: its service counts from its start.
    const two = ok(s, { type: "call", window: "1" }, at(8));
    expect(two.events[0]).toMatchObject({ type: "ticket.finished", serviceMinutes: 3, ticket: { number: "A002" } });
    expect(two.result.ticket!.number).toBe("A003");
    // Nobody waiting: the citizen at the window is still finished, and the window is free.
    const three = ok(two.state, { type: "call", window: "1" }, at(9));
    expect(three.events.map((e) => e.type)).toEqual(["ticket.finished"]);
    expect(three.result).toMatchObject({ ticket: null, finished: { number: "A003", status: "done" } });
  });

  it("with callNextFinishes off, refuses a second call while the window still holds a called or serving ticket", () => {
    let s = run(configured(), [
      { type: "update_settings", settings: { callNextFinishes: false } },
      { type: "issue", category: "household" },
      { type: "issue", category: "household" },
      { type: "call", window: "1" },
    ]).state;
    const r = refused(s, { type: "call", window: "1" }, at(1));
    expect(r).toMatchObject({ code: "conflict", details: { window: "1", ticket: "A001" } });
    expect(r.message).toContain("A001");
    s = ok(s, { type: "start", window: "1" }, at(1)).state;
    expect(refused(s, { type: "call", window: "1" }, at(2)).code).toBe("conflict");
    s = ok(s, { type: "finish", window: "1" }, at(3)).state;
    expect(call(s, "1", at(3)).number).toBe("A002");
  });

  it("never calls one ticket at two windows", () => {
    let s = issue(configured(), "traffic", T0).state;
    s = call(s, "5", T0).state;
    const second = call(s, "1", T0);
    expect(second.number).toBeNull();
    expect(second.outcome.events).toEqual([]);
    expect(second.outcome.state).toEqual(s);
  });

  it("returns no ticket and emits nothing when nobody is waiting", () => {
    const s = configured();
    const out = ok(s, { type: "call", window: "1" }, T0);
    expect(out.result).toEqual({ ticket: null, choice: null });
    expect(out.events).toEqual([]);
  });

  it("cannot call at a paused or closed window, nor at one that does not exist", () => {
    let s = issue(configured(), "household", T0).state;
    s = ok(s, { type: "set_window", window: "1", state: "paused" }, T0).state;
    s = ok(s, { type: "set_window", window: "2", state: "closed" }, T0).state;
    expect(refused(s, { type: "call", window: "1" }, T0)).toMatchObject({ code: "conflict", details: { state: "paused" } });
    expect(refused(s, { type: "call", window: "2" }, T0)).toMatchObject({ code: "conflict", details: { state: "closed" } });
    expect(refused(s, { type: "call", window: "7" }, T0).code).toBe("unknown_window");
  });

  it("recalls the same ticket under a new call id and counts the calls", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "call", window: "1" }]).state;
    const out = ok(s, { type: "recall", window: "1" }, at(1));
    expect(out.events).toMatchObject([{ type: "ticket.recalled", callId: `${HALL}:2`, ticket: { number: "A001", callCount: 2 } }]);
    expect(out.state.calls).toBe(2);
    expect(out.state.recentCalls.map((c) => [c.callId, c.recall])).toEqual([
      [`${HALL}:2`, true],
      [`${HALL}:1`, false],
    ]);
    expect(windowOf(out.state, "1").current).toBe(ticketNo(s, "A001").id);
    s = ok(out.state, { type: "start", window: "1" }, at(2)).state;
    expect(refused(s, { type: "recall", window: "1" }, at(2)).message).toContain("A001 (serving)");
    expect(refused(configured(), { type: "recall", window: "1" }, T0).code).toBe("conflict");
  });

  it("keeps only the ten most recent calls for the screens, newest first", () => {
    let s = configured();
    for (let i = 0; i < 12; i++) {
      s = run(s, [{ type: "issue", category: "traffic" }, { type: "call", window: "5" }, { type: "finish", window: "5" }], at(i)).state;
    }
    expect(s.recentCalls).toHaveLength(10);
    expect(s.recentCalls[0]!.ticket.number).toBe("C012");
    expect(s.recentCalls[9]!.ticket.number).toBe("C003");
    expect(s.calls).toBe(12);
  });

  it("starts service on a called ticket, once", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "call", window: "1" }]).state;
    const out = ok(s, { type: "start", window: "1" }, at(1));
    expect(out.result.ticket).toMatchObject({ status: "serving", servedAt: new Date(at(1)).toISOString(), window: "1" });
    expect(out.events).toMatchObject([{ type: "ticket.serving", window: { id: "1" } }]);
    expect(refused(out.state, { type: "start", window: "1" }, at(2)).code).toBe("conflict");
    expect(refused(configured(), { type: "start", window: "1" }, at(2)).code).toBe("conflict");
  });

  it("finishes a served ticket, frees the window and learns from the minutes served", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "call", window: "1" }]).state;
    s = ok(s, { type: "start", window: "1" }, at(2)).state;
    const out = ok(s, { type: "finish", window: "1" }, at(18));
    expect(out.events).toMatchObject([{ type: "ticket.finished", serviceMinutes: 16, ticket: { status: "done" } }]);
    expect(out.result.ticket).toMatchObject({ finishedAt: new Date(at(18)).toISOString(), servedAt: new Date(at(2)).toISOString() });
    expect(windowOf(out.state, "1").current).toBeNull();
    // 6 min configured, a 16 min sample: a fifth of the way there.
    expect(out.state.learnt.household).toEqual({ minutes: 8, samples: 1 });
  });

  it("finishes straight from called, counting service from the call", () => {
    let s = run(configured(), [{ type: "issue", category: "traffic" }, { type: "call", window: "5" }], at(1)).state;
    const out = ok(s, { type: "finish", window: "5" }, at(3.5));
    expect(out.events).toMatchObject([{ type: "ticket.finished", serviceMinutes: 2.5 }]);
    expect(out.result.ticket?.servedAt).toBe(new Date(at(1)).toISOString());
    // 4 + 0.2 × (2.5 − 4)
    expect(out.state.learnt.traffic).toEqual({ minutes: 3.7, samples: 1 });
  });

  it("moves the learnt service time a fifth of the way toward each sample, within sane bounds", () => {
    let s = configured();
    const serve = (minutes: number, from: number) => {
      s = run(s, [{ type: "issue", category: "exit-entry" }, { type: "call", window: "6" }], at(from)).state;
      s = ok(s, { type: "finish", window: "6" }, at(from + minutes)).state;
    };
    serve(18, 0); // 8 → 10
    expect(s.learnt["exit-entry"]).toEqual({ minutes: 10, samples: 1 });
    serve(5, 20); // 10 → 9
    expect(s.learnt["exit-entry"]).toEqual({ minutes: 9, samples: 2 });
    serve(600, 30); // counted as 120: 9 → 31.2
    expect(s.learnt["exit-entry"]).toEqual({ minutes: 31.2, samples: 3 });
    serve(0, 700); // counted as 0.5: 31.2 → 25.06
    expect(s.learnt["exit-entry"]).toEqual({ minutes: 25.06, samples: 4 });
    expect(s.learnt.household).toBeUndefined();
  });

  it("refuses to finish when the window holds nothing", () => {
    expect(refused(configured(), { type: "finish", window: "1" }, T0)).toMatchObject({ code: "conflict", details: { window: "1" } });
  });

  it("marks an absent citizen a no-show and frees the window for the next", () => {
    let s = run(configured(), [
      { type: "issue", category: "household" },
      { type: "issue", category: "household" },
      { type: "call", window: "1" },
    ]).state;
    const out = ok(s, { type: "no_show", window: "1" }, at(2));
    expect(out.result.ticket).toMatchObject({ number: "A001", status: "no_show", noShowAt: new Date(at(2)).toISOString() });
    expect(windowOf(out.state, "1").current).toBeNull();
    expect(call(out.state, "1", at(2)).number).toBe("A002");
  });

  it("cannot mark a ticket already being served as a no-show", () => {
    const s = run(configured(), [{ type: "issue", category: "household" }, { type: "call", window: "1" }, { type: "start", window: "1" }]).state;
    expect(refused(s, { type: "no_show", window: "1" }, at(1)).code).toBe("conflict");
  });
});

describe("re-queueing a no-show", () => {
  /** A001 is called and missed at minute 1; A002 and A003 wait behind it. */
  function missed(config = demoConfig()): HallState {
    let s = configured(T0, config);
    s = run(s, [{ type: "issue", category: "household" }, { type: "issue", category: "household" }, { type: "issue", category: "household" }]).state;
    s = ok(s, { type: "call", window: "4" }, at(1)).state;
    return ok(s, { type: "no_show", window: "4" }, at(1)).state;
  }

  it("sends a citizen who comes back within the limit to the back of the line", () => {
    let s = missed();
    const out = ok(s, { type: "requeue", ticket: "A001" }, at(5));
    expect(out.result.ticket).toMatchObject({ status: "waiting", queuedAt: new Date(at(5)).toISOString(), issuedAt: new Date(T0).toISOString(), requeues: 1, window: null });
    expect(out.events).toMatchObject([{ type: "ticket.requeued" }]);
    s = out.state;
    const calls: (string | null)[] = [];
    for (const m of [6, 7, 8]) {
      const c = call(s, "4", at(m));
      calls.push(c.number);
      s = ok(c.state, { type: "finish", window: "4" }, at(m)).state;
    }
    expect(calls).toEqual(["A002", "A003", "A001"]);
  });

  it("re-queues a ticket only once", () => {
    let s = ok(missed(), { type: "requeue", ticket: "A001" }, at(2)).state;
    s = run(s, [{ type: "call", window: "4" }], at(2)).state;
    expect(windowOf(s, "4").current).toBe(ticketNo(s, "A002").id);
    s = run(s, [{ type: "finish", window: "4" }, { type: "call", window: "4" }, { type: "finish", window: "4" }, { type: "call", window: "4" }, { type: "no_show", window: "4" }], at(3)).state;
    expect(ticketNo(s, "A001").status).toBe("no_show");
    expect(refused(s, { type: "requeue", ticket: "A001" }, at(4)).message).toContain("already re-queued once");
  });

  it("accepts a return at exactly the limit and refuses one a minute later", () => {
    const s = missed();
    expect(ok(s, { type: "requeue", ticket: "A001" }, at(31)).result.ticket?.status).toBe("waiting");
    const late = refused(s, { type: "requeue", ticket: "A001" }, at(32));
    expect(late.code).toBe("conflict");
    expect(late.message).toContain("31 min ago, past the 30 min limit");
  });

  it("does not re-queue at all when the hall turns it off (limit 0)", () => {
    const s = missed(demoConfig({ noShowRequeueMinutes: 0 }));
    expect(refused(s, { type: "requeue", ticket: "A001" }, at(1))).toMatchObject({ code: "conflict", message: "this hall does not re-queue no-shows" });
  });

  it("re-queues only no-shows, and only tickets that exist", () => {
    const s = missed();
    expect(refused(s, { type: "requeue", ticket: "A002" }, at(2)).message).toBe("A002 is waiting, not a no-show");
    expect(refused(s, { type: "requeue", ticket: "A404" }, at(2)).code).toBe("unknown_ticket");
  });
});

describe("transfers", () => {
  it("moves a ticket to another category with its number and its original place in line", () => {
    let s = issue(configured(), "household", T0).state; // A001 at minute 0
    s = ok(s, { type: "call", window: "1" }, at(1)).state;
    s = issue(s, "exit-entry", at(2)).state; // B001
    s = issue(s, "exit-entry", at(3)).state; // B002
    const out = ok(s, { type: "transfer", ticket: "A001", category: "exit-entry" }, at(4));
    const t = out.result.ticket!;
    expect(t).toMatchObject({ number: "A001", category: "exit-entry", status: "waiting", window: null, targetWindow: null, queuedAt: new Date(T0).toISOString() });
    expect(t.transfers).toEqual([{ at: new Date(at(4)).toISOString(), from: { category: "household", window: "1" }, to: { category: "exit-entry", window: null } }]);
    expect(windowOf(out.state, "1").current).toBeNull();
    expect(out.events).toMatchObject([{ type: "ticket.transferred", transfer: t.transfers[0] }]);
    expect(call(out.state, "2", at(5)).number).toBe("A001");
  });

  it("times service at the new window from the new call, not from the start at the old one", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "call", window: "1" }]).state;
    s = ok(s, { type: "start", window: "1" }, at(1)).state;
    s = ok(s, { type: "transfer", ticket: "A001", category: "exit-entry" }, at(10)).state;
    const called = ok(s, { type: "call", window: "2" }, at(11));
    expect(called.result.ticket).toMatchObject({ status: "called", servedAt: null, calledAt: new Date(at(11)).toISOString() });
    const out = ok(called.state, { type: "finish", window: "2" }, at(13));
    expect(out.events).toMatchObject([{ type: "ticket.finished", serviceMinutes: 2 }]);
    // 8 + 0.2 × (2 − 8)
    expect(out.state.learnt["exit-entry"]).toEqual({ minutes: 6.8, samples: 1 });
  });

  it("lets only the window a ticket is transferred to call it", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "call", window: "1" }]).state;
    s = ok(s, { type: "transfer", ticket: "A001", window: "6" }, at(1)).state;
    expect(ticketNo(s, "A001")).toMatchObject({ status: "waiting", targetWindow: "6", category: "household" });
    expect(call(s, "1", at(2)).number).toBeNull();
    expect(call(s, "4", at(30)).number).toBeNull();
    const at6 = call(s, "6", at(2));
    expect(at6.number).toBe("A001");
    expect(at6.outcome.result.choice?.code).toBe("targeted");
    expect(at6.outcome.result.ticket).toMatchObject({ targetWindow: null, window: "6", callCount: 2 });
  });

  it("may send a ticket to a window that does not list its category, or to a paused one", () => {
    let s = issue(configured(), "household", T0).state;
    s = ok(s, { type: "set_window", window: "5", state: "paused" }, T0).state;
    s = ok(s, { type: "transfer", ticket: "A001", window: "5" }, T0).state;
    s = ok(s, { type: "set_window", window: "5", state: "open" }, T0).state;
    expect(call(s, "5", at(1)).number).toBe("A001");
  });

  it("refuses transfers that would lose the citizen or change nothing", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "issue", category: "traffic" }]).state;
    s = ok(s, { type: "set_window", window: "3", state: "closed" }, T0).state;
    s = ok(s, { type: "set_window", window: "6", state: "closed" }, T0).state;
    expect(refused(s, { type: "transfer", ticket: "A001", window: "3" }, T0)).toMatchObject({ code: "conflict", message: "window 3 is closed" });
    expect(refused(s, { type: "transfer", ticket: "A001", category: "household" }, T0).message).toBe("A001 is already in 户政");
    expect(refused(s, { type: "transfer", ticket: "A001", category: "security" }, T0)).toMatchObject({ code: "conflict", details: { category: "security" } });
    expect(refused(s, { type: "transfer", ticket: "A001" }, T0).code).toBe("invalid");
    expect(refused(s, { type: "transfer", ticket: "A001", category: "border" }, T0).code).toBe("unknown_category");
    expect(refused(s, { type: "transfer", ticket: "A001", window: "9" }, T0).code).toBe("unknown_window");
    expect(refused(s, { type: "transfer", ticket: "Z001", category: "traffic" }, T0).code).toBe("unknown_ticket");
    s = run(s, [{ type: "call", window: "5" }, { type: "finish", window: "5" }]).state;
    expect(refused(s, { type: "transfer", ticket: "C001", category: "household" }, T0).message).toBe("C001 is done and cannot be transferred");
  });
});

describe("cancelling", () => {
  it("takes a waiting ticket out of the line with its reason", () => {
    let s = run(configured(), [{ type: "issue", category: "traffic" }, { type: "issue", category: "traffic" }]).state;
    const out = ok(s, { type: "cancel", ticket: "C001", reason: "left the hall" }, at(1));
    expect(out.result.ticket).toMatchObject({ status: "cancelled", cancelReason: "left the hall", finishedAt: new Date(at(1)).toISOString() });
    expect(out.events).toMatchObject([{ type: "ticket.cancelled", reason: "left the hall" }]);
    expect(call(out.state, "5", at(2)).number).toBe("C002");
  });

  it("frees the window when the cancelled ticket was at it, and says 'cancelled' when no reason is given", () => {
    const s = run(configured(), [{ type: "issue", category: "traffic" }, { type: "call", window: "5" }]).state;
    const out = ok(s, { type: "cancel", ticket: "C001" }, at(1));
    expect(out.result.ticket?.cancelReason).toBe("cancelled");
    expect(windowOf(out.state, "5").current).toBeNull();
  });

  it("cannot cancel a ticket that is already over", () => {
    let s = run(configured(), [{ type: "issue", category: "traffic" }, { type: "cancel", ticket: "C001" }]).state;
    expect(refused(s, { type: "cancel", ticket: "C001" }, T0).message).toBe("C001 is already cancelled");
    s = run(s, [{ type: "issue", category: "traffic" }, { type: "call", window: "5" }, { type: "finish", window: "5" }]).state;
    expect(refused(s, { type: "cancel", ticket: "C002" }, T0).code).toBe("conflict");
  });
});

describe("managing windows", () => {
  it("changes the categories a window takes during the day, and calls by the new list", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "issue", category: "traffic" }], at(0)).state;
    s = issue(s, "traffic", at(1)).state;
    const out = ok(s, { type: "set_window", window: "4", categories: ["traffic"] }, at(2));
    expect(out.events).toMatchObject([{ type: "window.updated", changes: ["categories"], window: { id: "4", categories: ["traffic"] } }]);
    expect(out.result.window?.categories).toEqual(["traffic"]);
    expect(call(out.state, "4", at(2)).number).toBe("C001");
  });

  it("pauses a window that still holds a ticket but will not close it", () => {
    let s = run(configured(), [{ type: "issue", category: "traffic" }, { type: "call", window: "5" }]).state;
    const r = refused(s, { type: "set_window", window: "5", state: "closed" }, T0);
    expect(r).toMatchObject({ code: "conflict", details: { window: "5", ticket: "C001" } });
    s = ok(s, { type: "set_window", window: "5", state: "paused" }, T0).state;
    s = ok(s, { type: "finish", window: "5" }, at(3)).state;
    const closed = ok(s, { type: "set_window", window: "5", state: "closed", categories: ["traffic", "household"] }, at(3));
    expect(closed.events).toMatchObject([{ type: "window.updated", changes: ["categories", "state"], window: { state: "closed", categories: ["traffic", "household"] } }]);
  });

  it("will not close a window while a ticket transferred to it is still waiting", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "transfer", ticket: "A001", window: "6" }]).state;
    const r = refused(s, { type: "set_window", window: "6", state: "closed" }, T0);
    expect(r).toMatchObject({ code: "conflict", details: { window: "6", ticket: "A001" } });
    s = ok(s, { type: "call", window: "6" }, at(1)).state;
    s = ok(s, { type: "finish", window: "6" }, at(2)).state;
    expect(ok(s, { type: "set_window", window: "6", state: "closed" }, at(2)).events).toHaveLength(1);
  });

  it("refuses unknown or repeated categories", () => {
    const s = configured();
    expect(refused(s, { type: "set_window", window: "1", categories: ["household", "border"] }, T0)).toMatchObject({ code: "unknown_category", details: { category: "border" } });
    expect(refused(s, { type: "set_window", window: "1", categories: ["traffic", "traffic"] }, T0).code).toBe("invalid");
    expect(refused(s, { type: "set_window", window: "8", state: "open" }, T0).code).toBe("unknown_window");
  });

  it("emits nothing when the setting is already so", () => {
    const s = configured();
    const out = ok(s, { type: "set_window", window: "4", state: "open", categories: ["household", "traffic"] }, T0);
    expect(out.events).toEqual([]);
    expect(out.result.window).toEqual(windowOf(s, "4"));
  });

  it("treats a new order of the same categories as a change", () => {
    const out = ok(configured(), { type: "set_window", window: "4", categories: ["traffic", "household"] }, T0);
    expect(out.events).toMatchObject([{ changes: ["categories"] }]);
  });

  it("issues tickets only for categories some window that is not closed serves", () => {
    let s = ok(configured(), { type: "set_window", window: "6", state: "closed" }, T0).state;
    const r = refused(s, { type: "issue", category: "security" }, T0);
    expect(r).toMatchObject({ code: "conflict", details: { category: "security" } });
    expect(r.message).toContain("治安");
    s = ok(s, { type: "set_window", window: "6", state: "paused" }, T0).state;
    expect(issue(s, "security", T0).number).toBe("D001");
    expect(refused(s, { type: "issue", category: "border" }, T0).code).toBe("unknown_category");
  });
});

describe("officers at windows", () => {
  it("signs an officer in; the window's calls carry the officer", () => {
    let s = configured();
    const out = ok(s, { type: "sign_in", window: "3", officer }, T0);
    expect(out.events).toMatchObject([{ type: "window.updated", changes: ["officer"], window: { id: "3", officer } }]);
    s = issue(out.state, "household", T0).state;
    expect(ok(s, { type: "call", window: "3" }, T0).result.ticket?.officer).toEqual(officer);
  });

  it("will not sign one badge in at two windows", () => {
    let s = ok(configured(), { type: "sign_in", window: "3", officer }, T0).state;
    const r = refused(s, { type: "sign_in", window: "4", officer: { ...officer, name: "someone else" } }, T0);
    expect(r).toMatchObject({ code: "conflict", details: { window: "3" } });
    s = ok(s, { type: "sign_out", window: "3" }, T0).state;
    expect(windowOf(s, "3").officer).toBeNull();
    s = ok(s, { type: "sign_in", window: "4", officer }, T0).state;
    expect(windowOf(s, "4").officer).toEqual(officer);
  });

  it("signs out quietly when nobody is signed in", () => {
    const out = ok(configured(), { type: "sign_out", window: "2" }, T0);
    expect(out.events).toEqual([]);
    expect(out.result.window?.officer).toBeNull();
  });
});

describe("events", () => {
  it("numbers events one after another and stamps them with the command time", () => {
    let s = configured();
    const out = run(s, [{ type: "issue", category: "traffic" }, { type: "call", window: "5" }, { type: "start", window: "5" }, { type: "finish", window: "5" }], (i) => at(i));
    expect(out.events.map((e) => e.seq)).toEqual([2, 3, 4, 5]);
    expect(out.events.map((e) => e.at)).toEqual([0, 1, 2, 3].map((m) => new Date(at(m)).toISOString()));
    expect(out.state.seq).toBe(5);
  });

  it("rebuilds the same hall from its events, across a midnight reset", () => {
    const r = run(emptyHall(HALL), [
      { type: "configure", config: demoConfig() },
      { type: "sign_in", window: "1", officer },
      { type: "issue", category: "traffic" },
      { type: "issue", category: "household", priority: "elderly" },
      { type: "call", window: "1" },
      { type: "transfer", ticket: "A001", category: "exit-entry" },
      { type: "call", window: "5" },
      { type: "finish", window: "5" },
      { type: "set_window", window: "2", state: "paused" },
    ], (i) => at(i));
    const after = ok(r.state, { type: "issue", category: "household" }, MIDNIGHT_24TH);
    const events = [...r.events, ...after.events];
    expect(events.reduce(evolve, emptyHall(HALL))).toEqual(after.state);
  });
});
