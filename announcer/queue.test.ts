import { describe, expect, it } from "vitest";
import { nextTurn, type QueuedCall } from "./queue.js";

interface Call extends QueuedCall {
  ticket: string;
}

const RULES = { repeat: 2, maxAgeMs: 180_000 };
const call = (ticket: string, at: number, rounds = 0): Call => ({ ticket, at, rounds });

/**
 * Plays the announcer: calls arrive at their `at`, every round takes `roundMs`, and the
 * announcer asks the queue what to say after each round. Returns what it said, in order.
 */
function announce(arrivals: Call[], roundMs: number, rules = RULES): { said: string[]; stale: string[] } {
  const pending = [...arrivals];
  const queue: Call[] = [];
  const said: string[] = [];
  const stale: string[] = [];
  let now = 0;
  for (;;) {
    while (pending.length && pending[0]!.at <= now) queue.push(pending.shift()!);
    const turn = nextTurn(queue, now, rules);
    for (const c of [...turn.done, ...turn.stale]) queue.splice(queue.indexOf(c), 1);
    stale.push(...turn.stale.map((c) => c.ticket));
    if (turn.next) {
      said.push(`${turn.next.call.ticket}#${turn.next.round}`);
      now += roundMs;
      turn.next.call.rounds = turn.next.round;
    } else if (pending.length) {
      now = pending[0]!.at;
    } else {
      return { said, stale };
    }
  }
}

describe("the announcer's queue", () => {
  it("says a call alone in the queue as often as the hall's repeat", () => {
    expect(announce([call("A001", 0)], 9000).said).toEqual(["A001#1", "A001#2"]);
    expect(announce([call("A001", 0)], 9000, { ...RULES, repeat: 3 }).said).toEqual(["A001#1", "A001#2", "A001#3"]);
    expect(announce([call("A001", 0)], 9000, { ...RULES, repeat: 1 }).said).toEqual(["A001#1"]);
  });

  it("says every call of a burst once, in the order made, and repeats the last, which nothing waits behind", () => {
    const burst = [call("A001", 0), call("C002", 100), call("B003", 200), call("A004", 300)];
    expect(announce(burst, 9000).said).toEqual(["A001#1", "C002#1", "B003#1", "A004#1", "A004#2"]);
  });

  it("drops a call's repeat when another call is made while its first round is said", () => {
    const turn = nextTurn([call("A001", 0, 1), call("C002", 4000)], 9000, RULES);
    expect(turn.done.map((c) => c.ticket)).toEqual(["A001"]);
    expect(turn.next).toMatchObject({ call: { ticket: "C002" }, round: 1 });
  });

  it("repeats again once it has caught up", () => {
    // Calls every 6 s, 9 s a round: behind, each is said once; then a quiet spell, and the next
    // call, made after the backlog is gone, is repeated.
    const calls = [0, 6000, 12_000, 18_000].map((at, i) => call(`A00${i + 1}`, at));
    const { said } = announce([...calls, call("B010", 60_000)], 9000);
    expect(said).toEqual(["A001#1", "A002#1", "A003#1", "A004#1", "A004#2", "B010#1", "B010#2"]);
  });

  it("never drops a call under the age limit, however long the backlog", () => {
    // 30 calls in one second, 9 s a round: the last waits 261 s, under a 5-minute limit.
    const burst = Array.from({ length: 30 }, (_, i) => call(`C${String(i + 1).padStart(3, "0")}`, i * 30));
    const { said, stale } = announce(burst, 9000, { repeat: 2, maxAgeMs: 300_000 });
    expect(stale).toEqual([]);
    expect(said.filter((s) => s.endsWith("#1"))).toEqual(burst.map((c) => `${c.ticket}#1`));
  });

  it("drops, unspoken, the calls that are past the age limit when their turn comes", () => {
    const queue = [call("A001", 0, 1), call("A002", 1000), call("A003", 175_000)];
    const turn = nextTurn(queue, 182_000, RULES);
    expect(turn.stale.map((c) => c.ticket)).toEqual(["A002"]);
    expect(turn.done.map((c) => c.ticket)).toEqual(["A001"]);
    expect(turn.next).toMatchObject({ call: { ticket: "A003" }, round: 1 });
    // A call exactly at the limit is still said.
    expect(nextTurn([call("A002", 2000)], 182_000, RULES).next).toMatchObject({ call: { ticket: "A002" }, round: 1 });
  });

  it("does not repeat a call that has grown too old meanwhile", () => {
    const turn = nextTurn([call("A001", 0, 1)], 181_000, RULES);
    expect(turn).toEqual({ done: [call("A001", 0, 1)], stale: [], next: null });
  });

  it("has nothing to say with an empty queue", () => {
    expect(nextTurn([], 0, RULES)).toEqual({ done: [], stale: [], next: null });
  });
});
