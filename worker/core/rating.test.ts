import { describe, expect, it } from "vitest";
import { countEvent, rollupsOf, startTally } from "../statistics/rollup.js";
import { at, configured, ok, refused } from "./fixtures.test-util.js";
import type { HallState } from "./model.js";

/** A07-style morning: C001 served and finished at window 5, C002 still waiting. */
function servedOne(): HallState {
  let s = configured();
  s = ok(s, { type: "sign_in", window: "5", officer: { name: "黄警官", badge: "450401" } }, at(0)).state;
  s = ok(s, { type: "issue", category: "traffic" }, at(1)).state;
  s = ok(s, { type: "issue", category: "traffic" }, at(2)).state;
  s = ok(s, { type: "call", window: "5" }, at(3)).state;
  return ok(s, { type: "finish", window: "5" }, at(7)).state;
}

describe("rating a ticket", () => {
  it("a finished ticket is rated once, and the rating names its category, window and officer", () => {
    const out = ok(servedOne(), { type: "rate", ticket: "C001", score: 4 }, at(8));
    expect(out.events).toEqual([
      {
        type: "ticket.rated",
        seq: expect.any(Number),
        at: new Date(at(8)).toISOString(),
        ticket: { id: "20261123-C001", number: "C001", category: "traffic", window: "5", officer: { name: "黄警官", badge: "450401" } },
        score: 4,
      },
    ]);
    expect(out.state.tickets["20261123-C001"]!.rating).toEqual({ score: 4, at: new Date(at(8)).toISOString() });
    expect(out.result.ticket?.rating?.score).toBe(4);
    const again = refused(out.state, { type: "rate", ticket: "20261123-C001", score: 5 }, at(9));
    expect(again).toMatchObject({ code: "conflict", message: "C001 was already rated (4 of 5); a ticket is rated once" });
  });

  it("refuses a ticket not yet done, an unknown ticket and a score outside 1..5", () => {
    const s = servedOne();
    expect(refused(s, { type: "rate", ticket: "C002", score: 5 }, at(8))).toMatchObject({ code: "conflict", details: { status: "waiting" } });
    expect(refused(s, { type: "rate", ticket: "C099", score: 5 }, at(8)).code).toBe("unknown_ticket");
    for (const score of [0, 6, 2.5, Number.NaN]) expect(refused(s, { type: "rate", ticket: "C001", score }, at(8)).code).toBe("invalid");
  });

  it("lands in the statistics of the groups the ticket was served in", () => {
    let s = configured();
    const tally = startTally("Asia/Shanghai");
    const steps = [
      { type: "sign_in", window: "5", officer: { name: "黄警官", badge: "450401" } },
      { type: "issue", category: "traffic" },
      { type: "call", window: "5" },
      { type: "finish", window: "5" },
      { type: "rate", ticket: "C001", score: 2 },
    ] as const;
    for (const [i, command] of steps.entries()) {
      const out = ok(s, command, at(i));
      for (const e of out.events) countEvent(tally, e);
      s = out.state;
    }
    const rows = rollupsOf(tally);
    for (const by of ["hall", "category", "window", "officer", "hour"]) {
      expect(rows.find((r) => r.by === by)?.rating, by).toEqual({ count: 1, sum: 2, good: 0, bad: 1 });
    }
  });
});
