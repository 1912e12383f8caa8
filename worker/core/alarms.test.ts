import { describe, expect, it } from "vitest";
import { heard, lateArrivals, noteCalls, unspokenCalls, zoneNames, type UnspokenTally } from "./alarms.js";
import { at, call, configured, demoConfig, issue, ok } from "./fixtures.test-util.js";
import type { HallState } from "./model.js";

const SECOND = 1000;

/** A002 called at window 3 at minute 2; A001 called at window 1 at minute 1 and then served. */
function hall(config = demoConfig()): HallState {
  let state = configured(at(0), config);
  state = issue(state, "household", at(0)).state;
  state = issue(state, "household", at(0)).state;
  state = call(state, "1", at(1)).state;
  state = ok(state, { type: "start", window: "1" }, at(1.5)).state;
  return call(state, "3", at(2)).state;
}

describe("a called citizen not at the window (issue 25 §3)", () => {
  it("is late from the instant the hall's calledAlarmMinutes (default 5) have passed since the call, naming the ticket and window", () => {
    const state = hall();
    expect(lateArrivals(state, at(7) - SECOND)).toEqual([]);
    expect(lateArrivals(state, at(7))).toEqual([{ ticket: expect.any(String), number: "A002", window: { id: "3", number: 3, label: "三合一综合窗口" }, minutes: 5 }]);
    expect(lateArrivals(state, at(13)).map((l) => [l.number, l.minutes])).toEqual([["A002", 11]]);
  });

  it("follows the hall's setting, and a ticket being served (status serving) is never late", () => {
    const state = ok(hall(), { type: "update_settings", settings: { calledAlarmMinutes: 2 } }, at(3)).state;
    expect(lateArrivals(state, at(4) - SECOND)).toEqual([]);
    expect(lateArrivals(state, at(4)).map((l) => l.number)).toEqual(["A002"]);
    const served = ok(state, { type: "start", window: "3" }, at(5)).state;
    expect(lateArrivals(served, at(60))).toEqual([]);
  });
});

describe("calls nobody spoke (issue 25 §3)", () => {
  const zones = [
    { id: "traffic", names: { "zh-Hans": "交管区", "zh-Hant": "交管區", en: "Traffic area" }, windows: ["5"] },
    { id: "main", names: { "zh-Hans": "综合区", "zh-Hant": "綜合區", en: "Main area" }, windows: ["1", "2", "3", "4"] },
  ];
  const empty: UnspokenTally = { day: "", zones: {} };

  function callsAt(state: HallState, window: string, now: number) {
    const issued = issue(state, "traffic", now);
    const out = ok(issued.state, { type: "call", window }, now);
    return out;
  }

  it("counts a call only in a zone no announcer with its sound on speaks, and drops the zone once one does", () => {
    const state = configured(at(0), demoConfig({ zones }));
    const atTraffic = callsAt(state, "5", at(1));
    // An announcer for the main area only: the traffic area's call is not spoken.
    let tally = noteCalls(empty, atTraffic.state, atTraffic.events, ["main"], at(1));
    const second = callsAt(atTraffic.state, "5", at(2));
    tally = noteCalls(tally, second.state, second.events, ["main"], at(2));
    const atMain = callsAt(second.state, "1", at(3));
    tally = noteCalls(tally, atMain.state, atMain.events, ["main"], at(3));
    expect(unspokenCalls(tally, state.day)).toEqual([{ zone: "traffic", count: 2, since: at(1), last: "C002" }]);
    expect(zoneNames(state, "traffic")["zh-Hans"]).toBe("交管区");
    // A recall nobody speaks counts too; an announcer for the whole hall speaks every zone.
    const recall = ok(atMain.state, { type: "recall", window: "5" }, at(4));
    expect(unspokenCalls(noteCalls(tally, recall.state, recall.events, ["main"], at(4)), state.day)[0]!.count).toBe(3);
    expect(noteCalls(tally, recall.state, recall.events, [null], at(4))).toBe(tally);
    // Another zone's announcer does not clear it; the traffic area's, or the whole hall's, does.
    expect(heard(tally, ["main"])).toBe(tally);
    expect(unspokenCalls(heard(tally, ["traffic"]), state.day)).toEqual([]);
    expect(unspokenCalls(heard(tally, [null]), state.day)).toEqual([]);
    // Yesterday's tally is not today's.
    expect(unspokenCalls(tally, "2026-11-24")).toEqual([]);
  });

  it("in a hall without zones, counts every call while no announcer is on", () => {
    const state = configured(at(0));
    const first = callsAt(state, "2", at(1));
    const tally = noteCalls(empty, first.state, first.events, [], at(1));
    expect(unspokenCalls(tally, state.day)).toEqual([{ zone: null, count: 1, since: at(1), last: "C001" }]);
    expect(zoneNames(state, null).en).toBe("the hall");
  });
});
