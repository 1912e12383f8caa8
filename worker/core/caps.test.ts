import { describe, expect, it } from "vitest";
import { MAX_STAFF } from "./staff.js";
import { at, configured, demoConfig, ok, refused } from "./fixtures.test-util.js";
import type { Command } from "./commands.js";
import { MAX_ITEMS } from "./content.js";
import type { ContentDraft } from "./content-types.js";
import { DEFAULT_APPOINTMENT_DAYS, DEFAULT_APPOINTMENTS_PER_DAY } from "./issue.js";
import type { Zone } from "./model.js";
import { MAX_ZONES } from "./zones.js";

describe("caps (issue 22 §3)", () => {
  it("refuses a staff account past MAX_STAFF with a conflict naming the cap, and changes nothing; existing accounts still save", () => {
    let state = configured(at(0));
    for (let i = 0; i < MAX_STAFF; i++) {
      state = ok(state, { type: "save_staff", staff: { id: `s${i}`, name: `员工${i}`, badge: `B${i}`, role: "officer" }, pin: "keep" }, at(1)).state;
    }
    const refusal = refused(state, { type: "save_staff", staff: { id: "extra", name: "多一位", badge: "X1", role: "officer" }, pin: "keep" }, at(2));
    expect(refusal).toMatchObject({ code: "conflict", details: { cap: "staff", limit: MAX_STAFF } });
    expect(refusal.message).toContain(`${MAX_STAFF} staff accounts`);
    expect(state.staff.extra).toBeUndefined();
    const renamed = ok(state, { type: "save_staff", staff: { id: "s0", name: "改名", badge: "B0", role: "officer" }, pin: "keep" }, at(3)).state;
    expect(renamed.staff.s0!.name).toBe("改名");
  });
});

const CATEGORY = "household";

describe("caps on what survives midnight (issue 22 §3)", () => {
  const book = (code: string, day: string): Command => ({ type: "book_appointment", code, category: CATEGORY, day });
  const zone = (i: number): Zone => ({ id: `z${i}`, names: { "zh-Hans": `区${i}`, "zh-Hant": `區${i}`, en: `Zone ${i}` }, windows: [] });
  const notice = (id: string): ContentDraft => ({ id, kind: "notice", text: { "zh-Hans": `通知 ${id}` }, seconds: 10, schedule: {} }) as ContentDraft;

  it("refuses an appointment past the hall's horizon (default 30 days) naming the cap, and books nothing", () => {
    const state = configured(at(0)); // 2026-11-23 in Asia/Shanghai
    expect(ok(state, book("100001", "2026-12-23"), at(1)).state.appointments["100001"]).toBeDefined();
    const before = JSON.stringify(state);
    const refusal = refused(state, book("100002", "2026-12-24"), at(1));
    expect(refusal).toMatchObject({ code: "conflict", details: { cap: "appointments.horizonDays", limit: DEFAULT_APPOINTMENT_DAYS } });
    expect(DEFAULT_APPOINTMENT_DAYS).toBe(30);
    expect(JSON.stringify(state)).toBe(before);
    const nearer = ok(state, { type: "update_settings", settings: { appointmentDays: 7 } }, at(2)).state;
    expect(refused(nearer, book("100003", "2026-12-01"), at(3)).details).toMatchObject({ cap: "appointments.horizonDays", limit: 7 });
  });

  it("refuses one appointment more than a day holds (the hall's appointmentsPerDay, default 500) naming the cap; other days still book", () => {
    let state = configured(at(0));
    expect(DEFAULT_APPOINTMENTS_PER_DAY).toBe(500);
    for (let i = 0; i < DEFAULT_APPOINTMENTS_PER_DAY; i++) state = ok(state, book(String(200000 + i), "2026-11-25"), at(1)).state;
    const before = JSON.stringify(state);
    const refusal = refused(state, book("299999", "2026-11-25"), at(2));
    expect(refusal).toMatchObject({ code: "conflict", details: { cap: "appointments.perDay", limit: 500, day: "2026-11-25" } });
    expect(JSON.stringify(state)).toBe(before);
    expect(ok(state, book("299999", "2026-11-26"), at(2)).state.appointments["299999"]!.day).toBe("2026-11-26");
    const fewer = ok(configured(at(0)), { type: "update_settings", settings: { appointmentsPerDay: 1 } }, at(1)).state;
    const one = ok(fewer, book("300001", "2026-11-24"), at(2)).state;
    expect(refused(one, book("300002", "2026-11-24"), at(3)).details).toMatchObject({ cap: "appointments.perDay", limit: 1 });
  });

  it("refuses a content item past MAX_ITEMS naming the cap, and adds nothing", () => {
    let state = configured(at(0));
    for (let i = 0; i < MAX_ITEMS; i++) state = ok(state, { type: "add_content", item: notice(`n${i}`) }, at(1)).state;
    const before = JSON.stringify(state);
    const refusal = refused(state, { type: "add_content", item: notice("extra") }, at(2));
    expect(refusal).toMatchObject({ code: "conflict", details: { cap: "content.items", limit: MAX_ITEMS } });
    expect(JSON.stringify(state)).toBe(before);
  });

  it("refuses more than MAX_ZONES zones naming the cap, in a configuration and in settings, and changes nothing", () => {
    const state = configured(at(0), { ...demoConfig(), zones: [zone(0)] });
    const before = JSON.stringify(state);
    const many = Array.from({ length: MAX_ZONES + 1 }, (_, i) => zone(i));
    expect(refused(state, { type: "update_settings", settings: { zones: many } }, at(1))).toMatchObject({ code: "conflict", details: { cap: "zones", limit: MAX_ZONES } });
    expect(refused(state, { type: "configure", config: { ...demoConfig(), zones: many } }, at(1))).toMatchObject({ code: "conflict", details: { cap: "zones", limit: MAX_ZONES } });
    expect(JSON.stringify(state)).toBe(before);
    expect(ok(state, { type: "update_settings", settings: { zones: many.slice(0, MAX_ZONES) } }, at(2)).state.settings.zones).toHaveLength(MAX_ZONES);
  });
});
