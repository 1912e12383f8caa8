import { describe, expect, it } from "vitest";
import { snapshotOf, zoneSnapshot } from "./snapshot.js";
import type { HallConfig, Zone } from "./model.js";
import { zoneProblem, zoneScope, zoneState } from "./zones.js";
import { HALL, T0, at, call, configured, demoConfig, issue, ok, refused, run } from "./fixtures.test-util.js";

const names = (zh: string, en: string) => ({ "zh-Hans": zh, "zh-Hant": zh, en });
/** East: the comprehensive windows 1-3; west: the traffic window 5 and the difficult-cases window 6. */
const ZONES: Zone[] = [
  { id: "east", names: names("东区", "East"), windows: ["1", "2", "3"] },
  { id: "west", names: names("西区", "West"), windows: ["5", "6"] },
];
const zoned = (zones: Zone[] = ZONES): HallConfig => ({ ...demoConfig(), zones });

describe("a hall's zones in its configuration", () => {
  it("keeps the zones and hands them to the snapshot", () => {
    const state = configured(T0, zoned());
    expect(state.settings.zones).toEqual(ZONES);
    const snap = snapshotOf(state, T0);
    expect(snap.zones).toEqual(ZONES);
    expect(snap.hall).not.toHaveProperty("zones");
  });

  it("without zones the hall is one zone: the snapshot lists none", () => {
    expect(snapshotOf(configured(), T0).zones).toEqual([]);
  });

  it.each([
    ["an unknown window", [{ ...ZONES[0]!, windows: ["1", "9"] }], "zones.0.windows.1", /window "9", which this hall does not have/],
    ["a window in two zones", [ZONES[0]!, { ...ZONES[1]!, windows: ["5", "2"] }], "zones.1.windows.1", /"2" is already in zone "east"/],
    ["a window twice in one zone", [{ ...ZONES[0]!, windows: ["1", "1"] }], "zones.0.windows.1", /already in zone "east"/],
    ["a zone id twice", [ZONES[0]!, { ...ZONES[1]!, id: "east" }], "zones.1.id", /zone id "east" appears twice/],
  ])("refuses %s, naming the field", (_, zones, field, message) => {
    const r = refused(configured(), { type: "configure", config: zoned(zones as Zone[]) }, T0);
    expect(r.code).toBe("invalid");
    expect(r.details).toEqual({ [field]: expect.stringMatching(message) });
  });

  it("refuses a new configuration that removes a window a zone lists", () => {
    const config = zoned();
    const r = refused(configured(T0, config), { type: "configure", config: { ...config, windows: config.windows.filter((w) => w.id !== "6") } }, T0);
    expect(r.details).toEqual({ "zones.1.windows.1": expect.stringContaining('"6"') });
  });

  it("changes zones as a settings change: one ordered hall.configured event", () => {
    const before = configured();
    const out = ok(before, { type: "update_settings", settings: { zones: ZONES } }, at(1));
    expect(out.events).toHaveLength(1);
    expect(out.events[0]).toMatchObject({ type: "hall.configured", seq: before.seq + 1, config: { zones: ZONES } });
    expect(out.state.settings.zones).toEqual(ZONES);
    const cleared = ok(out.state, { type: "update_settings", settings: { zones: [] } }, at(2));
    expect(snapshotOf(cleared.state, at(2)).zones).toEqual([]);
  });

  it("refuses a settings change with a window in two zones, and changes nothing", () => {
    const before = configured(T0, zoned());
    const r = refused(before, { type: "update_settings", settings: { zones: [ZONES[0]!, { ...ZONES[1]!, windows: ["3"] }] } }, at(1));
    expect(r.details).toEqual({ "zones.1.windows.0": expect.stringContaining('"3" is already in zone "east"') });
  });
});

describe("what a zone sees", () => {
  it("a zone sees the calls at its windows, its windows and the categories they serve", () => {
    let state = configured(T0, zoned());
    for (const c of ["household", "traffic", "traffic", "security"]) state = issue(state, c, T0).state;
    state = call(state, "1", at(1)).state; // A001 at east window 1
    state = call(state, "5", at(2)).state; // C001 at west window 5
    const snap = snapshotOf(state, at(2));
    const east = zoneSnapshot(snap, zoneScope(state, "east")!);
    expect(east.windows.map((w) => w.id)).toEqual(["1", "2", "3"]);
    expect(east.categories.map((c) => c.id)).toEqual(["household", "exit-entry", "traffic"]);
    expect(east.recentCalls.map((c) => c.ticket.number)).toEqual(["A001"]);
    expect(east.waiting.map((t) => t.number)).toEqual(["C002"]);
    // A line is the hall's: the estimate is the one every screen shows.
    expect(east.categories.find((c) => c.id === "traffic")).toEqual(snap.categories.find((c) => c.id === "traffic"));
    const west = zoneSnapshot(snap, zoneScope(state, "west")!);
    expect(west.categories.map((c) => c.id)).toEqual(["household", "exit-entry", "traffic", "security"]);
    expect(west.recentCalls.map((c) => c.ticket.number)).toEqual(["C001"]);
  });

  it("a zone's figures count the tickets of its lines and those served at its windows", () => {
    let state = configured(T0, { ...zoned(), zones: [{ id: "traffic", names: names("交管区", "Traffic"), windows: ["5"] }] });
    for (const c of ["household", "traffic", "traffic"]) state = issue(state, c, T0).state;
    state = run(state, [{ type: "call", window: "1" }, { type: "call", window: "5" }], at(1)).state;
    const scope = zoneScope(state, "traffic")!;
    const seen = zoneState(state, scope, { tickets: true });
    expect(Object.values(seen.tickets).map((t) => t.number).sort()).toEqual(["C001", "C002"]);
    expect(seen.windows.map((w) => w.id)).toEqual(["5"]);
    expect(seen.categories.map((c) => c.id)).toEqual(["traffic"]);
  });

  it("an unknown zone is a problem for the page; no zone is the whole hall", () => {
    const state = configured(T0, zoned());
    expect(zoneProblem(state, new URLSearchParams("zone=north"))).toMatch(/no zone "north".*east, west/);
    expect(zoneProblem(state, new URLSearchParams("zone=east"))).toBeNull();
    expect(zoneProblem(state, new URLSearchParams(""))).toBeNull();
    expect(zoneScope(state, null)).toBeNull();
  });

  it("a zone removed live leaves its screens with nothing of the hall", () => {
    const state = ok(configured(T0, zoned()), { type: "update_settings", settings: { zones: [] } }, at(1)).state;
    const scope = zoneScope(state, "east")!;
    expect(scope.known).toBe(false);
    expect(zoneSnapshot(snapshotOf(state, at(1)), scope).windows).toEqual([]);
    expect(state.hall).toBe(HALL);
  });
});

describe("a quiet zone in a busy hall", () => {
  it("still shows its last call after a dozen calls in the other zone", () => {
    let state = configured(T0, zoned());
    state = issue(state, "security", T0).state;
    state = call(state, "6", T0).state; // D001 at west window 6
    for (let i = 0; i < 12; i++) {
      state = run(state, [{ type: "issue", category: "household" }, { type: "call", window: "1" }, { type: "finish", window: "1" }], at(i + 1)).state;
    }
    const west = zoneState(state, zoneScope(state, "west")!);
    expect(west.recentCalls.map((c) => c.ticket.number)).toEqual(["D001"]);
    // The API's snapshot keeps to the ten newest calls of the hall.
    expect(snapshotOf(state, at(13)).recentCalls.map((c) => c.ticket.number)).toEqual(
      Array.from({ length: 10 }, (_, i) => `A${String(12 - i).padStart(3, "0")}`),
    );
  });
});
