import { describe, expect, it } from "vitest";
import { buildQueue, chooseNext, take } from "./call-policy.js";
import { waitedMinutes } from "./waits.js";
import type { Category, HallState, Priority } from "./model.js";
import { T0, at, call, configured, demoConfig, issue, ok, run, ticketNo } from "./fixtures.test-util.js";

/** Issues `category` tickets at the given minutes (with optional priorities), in that order. */
function queue(state: HallState, tickets: Array<[category: string, minute: number, priority?: Priority]>): HallState {
  for (const [category, minute, priority] of tickets) state = issue(state, category, at(minute), priority).state;
  return state;
}

/** Calls at `window` repeatedly (finishing each) at `minute`, returning the numbers in call order. */
function drain(state: HallState, window: string, minute: number): string[] {
  const numbers: string[] = [];
  for (;;) {
    const c = call(state, window, at(minute));
    if (!c.number) return numbers;
    numbers.push(c.number);
    state = ok(c.state, { type: "finish", window }, at(minute)).state;
  }
}

describe("which categories a window calls", () => {
  it("calls only the categories the window serves", () => {
    const s = queue(configured(), [
      ["household", 0],
      ["security", 0],
      ["traffic", 1],
    ]);
    expect(call(s, "5", at(2)).number).toBe("C001");
    expect(drain(s, "4", 2)).toEqual(["A001", "C001"]);
    // Security is last in window 6's list: C001's 1 min + 2 min head start beats D001's 2 min.
    expect(drain(s, "6", 2)).toEqual(["A001", "C001", "D001"]);
  });

  it("ignores a category the hall no longer knows in a window's list", () => {
    const s = queue(configured(), [["traffic", 0]]);
    const categories = new Map<string, Category>(s.categories.map((c) => [c.id, c]));
    const choice = chooseNext(buildQueue(Object.values(s.tickets)), { id: "x", categories: ["border", "traffic"] }, categories, s.settings, at(1));
    expect(choice?.ticket.number).toBe("C001");
  });
});

describe("priority tickets", () => {
  it("calls an elderly ticket before an earlier normal one", () => {
    const s = queue(configured(), [
      ["household", 0],
      ["household", 2, "elderly"],
    ]);
    const c = call(s, "1", at(3));
    expect(c.number).toBe("A002");
    expect(c.outcome.result.choice).toMatchObject({ code: "priority", reason: "elderly priority, waited 1 min", reasonZh: "长者优先，已等 1 分钟" });
  });

  it("ranks the green channel first, then elderly and disabled by arrival, then appointments, then the rest", () => {
    const s = queue(configured(), [
      ["household", 0],
      ["household", 1, "appointment"],
      ["traffic", 2, "disabled"],
      ["exit-entry", 3, "elderly"],
      ["traffic", 4, "green"],
      ["household", 5, "appointment"],
    ]);
    expect(drain(s, "1", 6)).toEqual(["C002", "C001", "B001", "A002", "A003", "A001"]);
  });

  it("does not call a priority ticket at a window that does not serve its category", () => {
    const s = queue(configured(), [
      ["traffic", 0],
      ["exit-entry", 1, "green"],
    ]);
    expect(call(s, "4", at(2)).number).toBe("C001");
  });
});

describe("the longest effective wait", () => {
  it("calls the ticket that has waited longest across the window's categories", () => {
    const s = queue(configured(T0, demoConfig({ orderBonusMinutes: 0 })), [
      ["household", 1],
      ["traffic", 0],
      ["exit-entry", 2],
    ]);
    const c = call(s, "1", at(3.5));
    expect(c.number).toBe("C001");
    expect(c.outcome.result.choice).toMatchObject({ code: "longest_wait", reason: "longest wait: 3 min in Traffic", reasonZh: "等候最久：交管 已等 3 分钟", waitedMinutes: 3.5 });
    expect(drain(s, "1", 4)).toEqual(["C001", "A001", "B001"]);
  });

  it("gives categories earlier in the window's list a head start of orderBonusMinutes per place", () => {
    // Window 4 lists household before traffic: household gets a 2 min head start.
    const soon = queue(configured(), [
      ["traffic", 0],
      ["household", 1.5],
    ]);
    expect(call(soon, "4", at(4)).number).toBe("A001"); // 2.5 + 2 > 4
    const late = queue(configured(), [
      ["traffic", 0],
      ["household", 2.5],
    ]);
    expect(call(late, "4", at(4)).number).toBe("C001"); // 1.5 + 2 < 4
  });

  it("follows the window's order, not the hall's: re-ordering a window flips the head start", () => {
    let s = queue(configured(), [
      ["household", 0],
      ["traffic", 1.5],
    ]);
    expect(call(s, "4", at(4)).number).toBe("A001");
    s = ok(s, { type: "set_window", window: "4", categories: ["traffic", "household"] }, at(4)).state;
    expect(call(s, "4", at(4)).number).toBe("C001"); // 2.5 + 2 > 4
  });

  it("counts each minute of a heavier category several times", () => {
    const config = demoConfig({ orderBonusMinutes: 0 });
    config.categories = config.categories.map((c) => (c.id === "household" ? { ...c, weight: 3 } : c));
    const s = queue(configured(T0, config), [
      ["traffic", 0],
      ["household", 3],
    ]);
    expect(call(s, "1", at(3.5)).number).toBe("C001"); // 0.5 × 3 < 3.5
    expect(call(s, "1", at(5)).number).toBe("A001"); // 2 × 3 > 5
  });

  it("breaks an exact tie by the earlier ticket", () => {
    const s = queue(configured(T0, demoConfig({ orderBonusMinutes: 0 })), [
      ["traffic", 0],
      ["household", 0],
    ]);
    // Same queue time; ids compare A before C.
    expect(call(s, "1", at(1)).number).toBe("A001");
  });
});

describe("the alarm line (anti-starvation)", () => {
  it("calls a ticket past the line before any newer ticket, even a green-channel one", () => {
    const s = queue(configured(), [
      ["household", 0],
      ["traffic", 10.5, "green"],
    ]);
    const c = call(s, "1", at(11));
    expect(c.number).toBe("A001");
    expect(c.outcome.result.choice).toMatchObject({
      code: "overdue",
      waitedMinutes: 11,
      reason: "waited 11 min, over the 10 min line",
      reasonZh: "已等 11 分钟，超过 10 分钟警戒线",
    });
    expect(c.outcome.events).toMatchObject([{ type: "ticket.called", reasonCode: "overdue", reason: "waited 11 min, over the 10 min line" }]);
  });

  it("lets priority go first while the older ticket is still under the line", () => {
    const s = queue(configured(), [
      ["household", 0],
      ["traffic", 9, "green"],
    ]);
    expect(call(s, "1", at(9.9)).number).toBe("C001");
    expect(call(s, "1", at(10)).number).toBe("A001");
  });

  it("calls the oldest of several overdue tickets, whatever their weight or place in the window's list", () => {
    const config = demoConfig();
    config.categories = config.categories.map((c) => (c.id === "household" ? { ...c, weight: 5 } : c));
    const s = queue(configured(T0, config), [
      ["traffic", 0],
      ["household", 1],
      ["household", 2, "green"],
    ]);
    expect(drain(s, "4", 20)).toEqual(["C001", "A001", "A002"]);
  });

  it("does not make a window wait for a category it does not serve", () => {
    const s = queue(configured(), [
      ["household", 0],
      ["traffic", 12],
    ]);
    expect(call(s, "5", at(15)).number).toBe("C001");
  });

  it("follows the hall's alarmMinutes", () => {
    const s = queue(configured(T0, demoConfig({ alarmMinutes: 5 })), [
      ["household", 0],
      ["traffic", 4, "elderly"],
    ]);
    const c = call(s, "1", at(6));
    expect(c.number).toBe("A001");
    expect(c.outcome.result.choice?.reason).toBe("waited 6 min, over the 5 min line");
  });

  it("never lets a newer ticket past anyone over the line, through a busy morning", () => {
    // One 二合一 window, a steady flow, every fifth citizen elderly.
    let s = configured();
    let minute = 0;
    for (let i = 0; i < 40; i++) {
      s = issue(s, i % 2 ? "traffic" : "household", at(minute), i % 5 === 0 ? "elderly" : undefined).state;
      if (i % 3 === 2) {
        const c = call(s, "4", at(minute));
        const called = c.outcome.result.ticket!;
        const overdue = Object.values(s.tickets).filter(
          (t) => t.status === "waiting" && (at(minute) - Date.parse(t.queuedAt)) / 60000 >= 10 && t.queuedAt < called.queuedAt,
        );
        expect(overdue).toEqual([]);
        s = ok(c.state, { type: "finish", window: "4" }, at(minute)).state;
      }
      minute += 1.5;
    }
  });
});

describe("tickets transferred to a window", () => {
  function transferredTo6(): HallState {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "call", window: "1" }]).state;
    return ok(s, { type: "transfer", ticket: "A001", window: "6" }, at(1)).state;
  }

  it("are called first at their window, before a green-channel ticket", () => {
    const s = queue(transferredTo6(), [["security", 2, "green"]]);
    const c = call(s, "6", at(3));
    expect(c.number).toBe("A001");
    expect(c.outcome.result.choice).toMatchObject({ code: "targeted", reason: "transferred to this window, waited 3 min" });
  });

  it("wait behind a ticket over the line", () => {
    const s = queue(configured(), [["security", 0]]);
    let t = run(s, [{ type: "issue", category: "household" }, { type: "call", window: "1" }], at(3)).state;
    t = ok(t, { type: "transfer", ticket: "A001", window: "6" }, at(4)).state;
    expect(call(t, "6", at(5)).number).toBe("A001");
    expect(call(t, "6", at(11)).number).toBe("D001");
  });

  it("are called as overdue at their window once over the line", () => {
    const s = queue(transferredTo6(), [["household", 1]]);
    const c = call(s, "6", at(12));
    expect(c.number).toBe("A001");
    expect(c.outcome.result.choice?.code).toBe("overdue");
  });

  it("stay invisible to every other window, however long they wait", () => {
    const s = queue(transferredTo6(), [["household", 5]]);
    expect(drain(s, "1", 40)).toEqual(["A002"]);
    expect(ticketNo(s, "A001").status).toBe("waiting");
  });
});

describe("chooseNext", () => {
  const state = queue(configured(), [
    ["household", 0],
    ["household", 1],
    ["traffic", 2, "appointment"],
  ]);
  const categories = new Map(state.categories.map((c) => [c.id, c]));
  const window = { id: "1", categories: ["household", "exit-entry", "traffic"] };

  it("reads the queue without taking from it; take moves on to the next ticket", () => {
    const q = buildQueue(Object.values(state.tickets));
    const first = chooseNext(q, window, categories, state.settings, at(3));
    expect(chooseNext(q, window, categories, state.settings, at(3))?.ticket.number).toBe(first?.ticket.number);
    expect(first?.ticket.number).toBe("C001");
    const order = [first!.ticket.number];
    take(q, first!.ticket);
    for (let c = chooseNext(q, window, categories, state.settings, at(3)); c; c = chooseNext(q, window, categories, state.settings, at(3))) {
      order.push(c.ticket.number);
      take(q, c.ticket);
    }
    expect(order).toEqual(["C001", "A001", "A002"]);
  });

  it("sees only waiting tickets", () => {
    const s = run(state, [{ type: "call", window: "5" }, { type: "cancel", ticket: "A001" }], at(3)).state;
    const q = buildQueue(Object.values(s.tickets));
    expect(chooseNext(q, window, categories, s.settings, at(3))?.ticket.number).toBe("A002");
  });

  it("returns null for a window that serves nothing", () => {
    const q = buildQueue(Object.values(state.tickets));
    expect(chooseNext(q, { id: "1", categories: [] }, categories, state.settings, at(3))).toBeNull();
  });

  it("never counts a negative wait", () => {
    expect(waitedMinutes(state.tickets["20261123-A001"]!, T0 - 60_000)).toBe(0);
    expect(waitedMinutes(state.tickets["20261123-A001"]!, at(2.5))).toBe(2.5);
  });
});
