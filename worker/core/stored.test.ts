import { describe, expect, it } from "vitest";
import { boundedPart, collectionsOf, holdsEntries, joined } from "./stored.js";
import { at, configured, ok } from "./fixtures.test-util.js";
import type { HallState } from "./model.js";

/** The largest row the hall may store: half the platform's 2 MB limit (issue 22). */
const ROW_BUDGET = 1024 * 1024;

/** 10,000 tickets in one day: issued from 08:30 on, called and finished at six windows in turn. */
function biggestDay(): HallState {
  let state = configured(at(-30));
  const windows = state.windows.map((w) => w.id);
  const categories = ["household", "exit-entry", "traffic"];
  const serving = new Set<string>();
  for (let i = 0; i < 10_000; i++) {
    const now = at(-30 + i * 0.05); // one every 3 s, to 17:00
    state = ok(state, { type: "issue", category: categories[i % 3]! }, now).state;
    const window = windows[i % 5]!; // window 6 (security only) stays idle
    if (serving.has(window)) state = ok(state, { type: "finish", window }, now).state;
    const called = ok(state, { type: "call", window }, now);
    state = called.state;
    if (called.result.ticket) serving.add(window);
    else serving.delete(window);
  }
  return state;
}

describe("the stored state (core/stored.ts)", () => {
  it("keeps a 10,000-ticket day out of the snapshot row: the row stays small, every entry far under the row budget", () => {
    const state = biggestDay();
    expect(Object.keys(state.tickets)).toHaveLength(10_000);
    // One row holding all of it would be several megabytes: over the platform's limit.
    expect(JSON.stringify(state).length).toBeGreaterThan(2_000_000);
    const row = JSON.stringify(boundedPart(state)).length;
    expect(row).toBeLessThan(32 * 1024);
    const entries = Object.values(collectionsOf(state)).flatMap((c) => Object.values(c).map((e) => JSON.stringify(e).length));
    expect(Math.max(...entries)).toBeLessThan(ROW_BUDGET / 100);
    expect(joined(boundedPart(state), collectionsOf(state))).toEqual(state);
  });

  it("reads an old one-row snapshot as it was, and tells it holds entries", () => {
    let state = configured(at(0));
    state = ok(state, { type: "issue", category: "traffic" }, at(1)).state;
    const empty = { tickets: {}, appointments: {}, staff: {}, content: {} };
    expect(holdsEntries(state)).toBe(true);
    expect(holdsEntries(boundedPart(state))).toBe(false);
    expect(joined(state, empty)).toEqual(state);
  });
});
