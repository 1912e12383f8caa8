import { describe, expect, it } from "vitest";
import { estimateHall } from "./estimates.js";
import { at, configured, ok, run, windowOf } from "./fixtures.test-util.js";

/** Window 5 (traffic) holds C001, and C002 waits. */
function serving() {
  return run(configured(), [
    { type: "issue", category: "traffic" },
    { type: "issue", category: "traffic" },
    { type: "call", window: "5" },
  ]).state;
}

describe("a window paused after its citizen (a shift's end)", () => {
  it("stays open for the citizen at it, marked closing, and pauses when they are finished", () => {
    const marked = ok(serving(), { type: "pause", window: "5", afterCitizen: true }, at(1));
    expect(marked.events).toMatchObject([{ type: "window.updated", changes: ["state"], window: { state: "open", closing: true, current: "20261123-C001" } }]);
    const done = ok(marked.state, { type: "finish", window: "5" }, at(4));
    expect(done.events.map((e) => e.type)).toEqual(["ticket.finished", "window.updated"]);
    expect(windowOf(done.state, "5")).toMatchObject({ state: "paused", current: null });
    expect(windowOf(done.state, "5").closing).toBeUndefined();
  });

  it("a call next there finishes the citizen and calls nobody new, then pauses", () => {
    const s = ok(serving(), { type: "pause", window: "5", afterCitizen: true }, at(1)).state;
    const out = ok(s, { type: "call", window: "5" }, at(4));
    expect(out.result).toMatchObject({ ticket: null, finished: { number: "C001", status: "done" } });
    expect(windowOf(out.state, "5").state).toBe("paused");
    expect(Object.values(out.state.tickets).find((t) => t.number === "C002")!.status).toBe("waiting");
  });

  it("pauses at once when nobody is at the window, and pauses on a no-show or a transfer away", () => {
    const free = run(configured(), [{ type: "pause", window: "5", afterCitizen: true }]).state;
    expect(windowOf(free, "5")).toMatchObject({ state: "paused" });
    const noShow = ok(ok(serving(), { type: "pause", window: "5", afterCitizen: true }, at(1)).state, { type: "no_show", window: "5" }, at(2));
    expect(windowOf(noShow.state, "5").state).toBe("paused");
    const moved = ok(ok(serving(), { type: "pause", window: "5", afterCitizen: true }, at(1)).state, { type: "transfer", ticket: "C001", window: "4" }, at(2));
    expect(windowOf(moved.state, "5").state).toBe("paused");
  });

  it("keeps closing across a change of settings, and a resume ends it", () => {
    let s = ok(serving(), { type: "pause", window: "5", afterCitizen: true }, at(1)).state;
    s = ok(s, { type: "update_settings", settings: { notice: "午间休息" } }, at(2)).state;
    expect(windowOf(s, "5").closing).toBe(true);
    s = ok(s, { type: "resume", window: "5" }, at(3)).state;
    expect(windowOf(s, "5").closing).toBeUndefined();
    s = ok(s, { type: "finish", window: "5" }, at(4)).state;
    expect(windowOf(s, "5").state).toBe("open");
  });

  it("takes nobody new in the wait estimates", () => {
    const s = ok(serving(), { type: "pause", window: "5", afterCitizen: true }, at(1)).state;
    const only5 = run(s, ["1", "2", "3", "4", "6"].map((w) => ({ type: "set_window" as const, window: w, state: "paused" as const }))).state;
    expect(estimateHall(only5, at(2)).categories.get("traffic")!.estimatedWaitMinutes).toBeNull();
  });
});
