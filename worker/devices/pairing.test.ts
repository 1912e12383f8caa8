import { describe, expect, it } from "vitest";
import { emptyHall } from "../core/hall.js";
import type { HallState } from "../core/model.js";
import { demoConfig } from "../demo/hall.js";
import { checkAssignment, locationOf, offlineAlarms, onAssignedPage, reassign, type DeviceHealth } from "./devices.js";
import { drawCode, GUESS_WINDOW_MS, judgeClaim, newPairing, PAIRING_TTL_MS, statusOf } from "./pairing.js";

const T0 = Date.parse("2027-03-15T10:00:00+08:00");

describe("pairing codes", () => {
  it("are six digits, zero-padded, never one already taken", () => {
    const draws = [7, 7, 123456];
    const code = drawCode((c) => c === "000007", () => draws.shift()!);
    expect(code).toBe("123456");
    expect(drawCode(() => false, () => 42)).toBe("000042");
  });

  it("throw back draws that would make low codes likelier", () => {
    const draws = [2 ** 32 - 1, 5];
    expect(drawCode(() => false, () => draws.shift()!)).toBe("000005");
  });

  it("draw every digit position from the full range", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => drawCode(() => false)));
    expect(seen.size).toBeGreaterThan(1990);
    for (const c of seen) expect(c).toMatch(/^\d{6}$/);
  });

  it("wait ten minutes, then expire", () => {
    const p = newPairing("123456", "hash", T0);
    expect(statusOf(p, T0 + PAIRING_TTL_MS - 1)).toEqual({ state: "waiting", code: "123456", expiresAt: T0 + PAIRING_TTL_MS });
    expect(statusOf(p, T0 + PAIRING_TTL_MS)).toEqual({ state: "expired" });
    expect(statusOf(null, T0)).toEqual({ state: "expired" });
  });

  it("pair once: a claimed code is no longer claimable, and its device still collects after expiry", () => {
    const p = newPairing("123456", "hash", T0);
    expect(judgeClaim(p, [], T0)).toEqual({ ok: true });
    const delivery = { hall: "h", device: "d1", credential: "c", location: "/halls/h/display" };
    const claimed = { ...p, delivery };
    expect(judgeClaim(claimed, [], T0 + 1)).toEqual({ ok: false, why: "not_found" });
    expect(statusOf(claimed, T0 + PAIRING_TTL_MS + 5000)).toEqual({ state: "paired", delivery });
  });

  it("refuse an expired code as unknown", () => {
    expect(judgeClaim(newPairing("1", "h", T0), [], T0 + PAIRING_TTL_MS)).toEqual({ ok: false, why: "not_found" });
  });

  it("stop a manager after ten wrong codes in a minute, right code or not, until the minute has passed", () => {
    const p = newPairing("123456", "hash", T0);
    const wrong = Array.from({ length: 9 }, (_, i) => T0 + i * 1000);
    expect(judgeClaim(p, wrong, T0 + 9000)).toEqual({ ok: true });
    wrong.push(T0 + 9000);
    expect(judgeClaim(p, wrong, T0 + 10_000)).toEqual({ ok: false, why: "too_many", retryAfterMs: GUESS_WINDOW_MS - 10_000 });
    expect(judgeClaim(p, wrong, T0 + GUESS_WINDOW_MS)).toEqual({ ok: true });
  });
});

function hall(): HallState {
  const config = demoConfig();
  return { ...emptyHall("h"), windows: config.windows.map((w) => ({ ...w, state: "open", categories: w.categories, officer: null, current: null })) } as HallState;
}

describe("a device's assignment", () => {
  it("gives each kind its page, with a zone where the page takes one", () => {
    const a = { name: "x", zone: "east", window: "2" };
    expect(locationOf("h", { ...a, kind: "main-screen" })).toBe("/halls/h/display?zone=east");
    expect(locationOf("h", { ...a, kind: "window-screen" })).toBe("/halls/h/windows/2/screen");
    expect(locationOf("h", { ...a, kind: "data-wall", zone: null })).toBe("/halls/h/dashboard");
    expect(locationOf("h", { ...a, kind: "announcer" })).toBe("/halls/h/announcer?zone=east");
    expect(locationOf("h", { ...a, kind: "kiosk" })).toBe("/halls/h/kiosk");
    expect(locationOf("h", { ...a, kind: "counter" })).toBe("/halls/h/counter/2");
    expect(locationOf("h", { ...a, kind: "evaluator" })).toBe("/halls/h/windows/2/evaluator");
  });

  it("knows when a device's page is not the one it is assigned", () => {
    const screen = { kind: "main-screen" as const, name: "x", zone: null, window: null };
    expect(onAssignedPage("h", screen, "/halls/h/display")).toBe(true);
    expect(onAssignedPage("h", screen, "/halls/h/dashboard")).toBe(false);
    expect(onAssignedPage("h", { ...screen, zone: "east" }, "/halls/h/display")).toBe(false);
    expect(onAssignedPage("h", { ...screen, zone: "east" }, "/halls/h/display?zone=east&label=x")).toBe(true);
    expect(onAssignedPage("h", { kind: "counter", name: "x", zone: null, window: "2" }, "/halls/h/counter/3")).toBe(false);
    expect(onAssignedPage("h", screen, null)).toBe(true);
  });

  it("names the field that does not fit the hall", () => {
    const state = hall();
    const base = { name: "东区主屏", zone: null, window: null };
    expect(checkAssignment(state, { ...base, kind: "main-screen" })).toBeNull();
    expect(checkAssignment(state, { ...base, kind: "tv" as never })?.field).toBe("kind");
    expect(checkAssignment(state, { ...base, kind: "counter" })?.field).toBe("window");
    expect(checkAssignment(state, { ...base, kind: "counter", window: "99" })?.field).toBe("window");
    expect(checkAssignment(state, { ...base, kind: "counter", window: state.windows[0]!.id })).toBeNull();
    expect(checkAssignment(state, { ...base, kind: "main-screen", zone: "east" })?.field).toBe("zone");
    const zoned = { ...state, settings: { ...state.settings, zones: [{ id: "east", names: { "zh-Hans": "东区", "zh-Hant": "東區", en: "East" }, windows: [] }] } } as HallState;
    expect(checkAssignment(zoned, { ...base, kind: "main-screen", zone: "west" })?.field).toBe("zone");
    expect(checkAssignment(zoned, { ...base, kind: "main-screen", zone: "east" })).toBeNull();
  });

  it("drops the window when a counter becomes a main screen", () => {
    expect(reassign({ kind: "counter", name: "x", zone: null, window: "2" }, { kind: "main-screen" }).window).toBeNull();
    expect(reassign({ kind: "counter", name: "x", zone: null, window: "2" }, { name: "y" })).toEqual({ kind: "counter", name: "y", zone: null, window: "2" });
  });
});

describe("offline alarms", () => {
  const device = (over: Partial<DeviceHealth>): DeviceHealth => ({
    id: "d1", kind: "main-screen", name: "东区主屏", zone: null, window: null, pairedAt: new Date(T0).toISOString(),
    online: false, onlineSince: null, lastSeenAt: new Date(T0).toISOString(), userAgent: null, screen: { width: null, height: null }, version: null,
    ...over,
  });

  it("say how long a screen has been offline once a minute has passed", () => {
    const [alarm] = offlineAlarms(hall(), [device({})], T0 + 3 * 60_000 + 5000);
    expect(alarm).toMatchObject({ due: true, zh: "东区主屏离线 3 分钟", dueAt: T0 + 60_000 });
  });

  it("are announced in advance, due at the minute, so a screen shows them without a timer in the hall", () => {
    const [alarm] = offlineAlarms(hall(), [device({})], T0 + 10_000);
    expect(alarm).toMatchObject({ due: false, dueAt: T0 + 60_000 });
  });

  it("leave out online devices, kiosks, and a hall with every window closed", () => {
    expect(offlineAlarms(hall(), [device({ online: true }), device({ kind: "kiosk" })], T0 + 600_000)).toEqual([]);
    const closed = { ...hall(), windows: hall().windows.map((w) => ({ ...w, state: "closed" as const })) };
    expect(offlineAlarms(closed, [device({})], T0 + 600_000)).toEqual([]);
  });
});
