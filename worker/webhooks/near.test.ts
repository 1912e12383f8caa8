import { describe, expect, it } from "vitest";
import { call, configured, issue, MIN, ok, openOnly, T0 } from "../core/fixtures.test-util.js";
import { snapshotOf } from "../core/snapshot.js";
import type { HallState } from "../core/model.js";
import { nearTickets } from "./near.js";

const never = () => false;

function queue(state: HallState, category: string, n: number): HallState {
  for (let i = 0; i < n; i++) state = issue(state, category, T0 + i * 1000).state;
  return state;
}

describe("ticket.near", () => {
  it("finds the waiting tickets with nearAhead (3) or fewer ahead in their queue, as the status page counts them", () => {
    const state = queue(configured(T0, openOnly(["4"])), "household", 6);
    const near = nearTickets(state, T0 + 10_000, never);
    expect(near.map((n) => [n.ticket.number, n.ahead])).toEqual([["A001", 0], ["A002", 1], ["A003", 2], ["A004", 3]]);
    const screen = snapshotOf(state, T0 + 10_000).waiting;
    for (const n of near) expect(screen.find((t) => t.id === n.ticket.id)?.ahead).toBe(n.ahead);
    expect(near[0]).toMatchObject({ nearAhead: 3, hallName: state.settings.name, categoryNames: { "zh-Hans": "户政" } });
  });

  it("leaves out the tickets already told", () => {
    const state = queue(configured(T0, openOnly(["4"])), "household", 6);
    const told = new Set(nearTickets(state, T0, never).map((n) => n.ticket.id));
    expect(nearTickets(state, T0, (t) => told.has(t))).toEqual([]);
    const after = call(state, "4", T0 + MIN).state;
    expect(nearTickets(after, T0 + MIN, (t) => told.has(t)).map((n) => [n.ticket.number, n.ahead])).toEqual([["A005", 3]]);
  });

  it("follows the hall's nearAhead; 0 is the ticket called next", () => {
    let state = queue(configured(T0, openOnly(["4"])), "household", 4);
    state = { ...state, settings: { ...state.settings, nearAhead: 0 } };
    expect(nearTickets(state, T0, never).map((n) => n.ticket.number)).toEqual(["A001"]);
    state = { ...state, settings: { ...state.settings, nearAhead: 10 } };
    expect(nearTickets(state, T0, never)).toHaveLength(4);
  });

  it("is not near while no open window serves its category", () => {
    const waiting = queue(configured(T0, openOnly(["4", "5"])), "household", 2);
    const closed = ok(waiting, { type: "set_window", window: "4", state: "closed" }, T0 + MIN).state; // window 5 takes traffic only
    expect(nearTickets(closed, T0 + MIN, never)).toEqual([]);
    const reopened = ok(closed, { type: "set_window", window: "4", state: "open" }, T0 + 2 * MIN).state;
    expect(nearTickets(reopened, T0 + 2 * MIN, never)).toHaveLength(2);
  });
});
