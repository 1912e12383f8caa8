import { describe, expect, it } from "vitest";
import { itemsOnNow, nextContentChange } from "./content.js";
import type { ContentDraft, ContentItem } from "./content-types.js";
import { checkImage, MAX_IMAGE_BYTES } from "../signage/media.js";
import type { HallState } from "./model.js";
import { T0, at, configured, demoConfig, ok, refused } from "./fixtures.test-util.js";

const zh = (t: string) => ({ "zh-Hans": t });
const names = (t: string) => ({ "zh-Hans": t, "zh-Hant": t, en: t });
const zoned = () =>
  configured(T0, { ...demoConfig(), zones: [{ id: "east", names: names("东区"), windows: ["1", "2", "3"] }, { id: "west", names: names("西区"), windows: ["5", "6"] }] });

const notice = (id: string, extra: Partial<ContentDraft> = {}): ContentDraft => ({ id, kind: "notice", text: zh(`通知 ${id}`), seconds: 10, schedule: {}, ...extra }) as ContentDraft;

function add(state: HallState, draft: ContentDraft, now = T0) {
  return ok(state, { type: "add_content", item: draft }, now).state;
}

const ids = (items: ContentItem[]) => items.map((i) => i.id);

describe("content items in the hall", () => {
  it("adds an item as an event, last in order, and plays it on every screen", () => {
    let state = add(configured(), notice("a"));
    const out = ok(state, { type: "add_content", item: notice("b") }, T0);
    expect(out.events).toMatchObject([{ type: "content.changed", change: "added", item: { id: "b", order: 2 } }]);
    state = out.state;
    expect(ids(itemsOnNow(state, null, T0))).toEqual(["a", "b"]);
  });

  it("plays by order, then age", () => {
    let state = add(configured(), notice("late", { order: 5 }));
    state = add(state, notice("early", { order: 1 }));
    state = add(state, notice("tie", { order: 5 }), at(1));
    expect(ids(itemsOnNow(state, null, at(2)))).toEqual(["early", "late", "tie"]);
  });

  it("shows a zoned item only on that zone's screens", () => {
    let state = add(zoned(), notice("all"));
    state = add(state, notice("east-only", { zones: ["east"] }));
    expect(ids(itemsOnNow(state, "east", T0))).toEqual(["all", "east-only"]);
    expect(ids(itemsOnNow(state, "west", T0))).toEqual(["all"]);
    expect(ids(itemsOnNow(state, null, T0))).toEqual(["all"]);
  });

  it("refuses an unknown zone or category, a bad length of time, a schedule that never shows, naming the field", () => {
    const state = zoned();
    expect(refused(state, { type: "add_content", item: notice("x", { zones: ["north"] }) }, T0).details).toHaveProperty("zones.0");
    const guide = { id: "g", kind: "guide", category: "passports", title: zh("护照"), materials: [zh("身份证")], seconds: 20, schedule: {} } as ContentDraft;
    expect(refused(state, { type: "add_content", item: guide }, T0).details).toHaveProperty("category");
    expect(refused(state, { type: "add_content", item: notice("x", { seconds: 200 }) }, T0).details).toHaveProperty("seconds");
    expect(refused(state, { type: "add_content", item: notice("x", { schedule: { weekdays: [] } }) }, T0).details).toHaveProperty(["schedule.weekdays"]);
  });

  it("hides an item off its schedule, and says when the next one changes", () => {
    // T0 is Monday 09:00 in Shanghai.
    const state = add(configured(), notice("afternoon", { schedule: { hours: [{ from: "14:00", to: "17:00" }] } }));
    expect(itemsOnNow(state, null, T0)).toEqual([]);
    expect(nextContentChange(state, T0)).toBe(at(5 * 60));
    expect(ids(itemsOnNow(state, null, at(5 * 60)))).toEqual(["afternoon"]);
  });

  it("changes and removes an item, and refuses a field its kind does not have", () => {
    let state = add(configured(), notice("a"));
    const changed = ok(state, { type: "change_content", id: "a", change: { text: zh("新通知"), seconds: 20 } }, at(1));
    expect(changed.events[0]).toMatchObject({ type: "content.changed", change: "updated", item: { text: { "zh-Hans": "新通知" }, seconds: 20 } });
    state = changed.state;
    expect(refused(state, { type: "change_content", id: "a", change: { materials: [zh("x")] } }, at(1)).details).toHaveProperty("materials");
    expect(refused(state, { type: "change_content", id: "nope", change: { seconds: 5 } }, at(1)).code).toBe("unknown_content");
    state = ok(state, { type: "remove_content", id: "a" }, at(2)).state;
    expect(state.content?.items).toEqual({});
  });
});

describe("region items in a hall", () => {
  const fromRegion = (id: string, text: string) => ({ ...notice(id), text: zh(text), order: 1, createdAt: "2026-11-20T00:00:00.000Z", updatedAt: "2026-11-20T00:00:00.000Z" }) as ContentItem;

  it("come after the hall's own, and a newer list replaces the older", () => {
    let state = add(configured(), notice("own", { order: 50 }));
    state = ok(state, { type: "sync_region_content", region: "gx", version: 1, items: [fromRegion("r1", "全区通知")] }, T0).state;
    expect(ids(itemsOnNow(state, null, T0))).toEqual(["own", "r1"]);
    expect(state.content?.items.r1?.region).toBe("gx");
    state = ok(state, { type: "sync_region_content", region: "gx", version: 2, items: [fromRegion("r2", "新政策")] }, T0).state;
    expect(ids(itemsOnNow(state, null, T0))).toEqual(["own", "r2"]);
    // An older or repeated version changes nothing.
    expect(ok(state, { type: "sync_region_content", region: "gx", version: 1, items: [] }, T0).events).toEqual([]);
  });

  it("may be hidden by the hall, stay hidden when republished, but not be edited or removed there", () => {
    let state = ok(configured(), { type: "sync_region_content", region: "gx", version: 1, items: [fromRegion("r1", "全区通知")] }, T0).state;
    state = ok(state, { type: "change_content", id: "r1", change: { hidden: true } }, T0).state;
    expect(itemsOnNow(state, null, T0)).toEqual([]);
    state = ok(state, { type: "sync_region_content", region: "gx", version: 2, items: [fromRegion("r1", "全区通知（修订）")] }, T0).state;
    expect(state.content?.items.r1).toMatchObject({ hidden: true, text: { "zh-Hans": "全区通知（修订）" } });
    const edit = refused(state, { type: "change_content", id: "r1", change: { text: zh("改") } }, T0);
    expect(edit.code).toBe("conflict");
    expect(edit.details).toHaveProperty("text");
    expect(refused(state, { type: "remove_content", id: "r1" }, T0).code).toBe("conflict");
    state = ok(state, { type: "change_content", id: "r1", change: { hidden: false } }, T0).state;
    expect(ids(itemsOnNow(state, null, T0))).toEqual(["r1"]);
  });
});

describe("a hall that leaves a region", () => {
  const item = { ...notice("r1"), order: 1, createdAt: "2026-11-20T00:00:00.000Z", updatedAt: "2026-11-20T00:00:00.000Z" } as ContentItem;
  it("drops the region's items at version 0, and takes the region's list again when it returns", () => {
    let state = ok(configured(), { type: "sync_region_content", region: "gx", version: 5, items: [item] }, T0).state;
    state = ok(state, { type: "sync_region_content", region: "gx", version: 0, items: [] }, T0).state;
    expect(state.content).toEqual({ items: {}, regions: {} });
    state = ok(state, { type: "sync_region_content", region: "gx", version: 5, items: [item] }, T0).state;
    expect(ids(itemsOnNow(state, null, T0))).toEqual(["r1"]);
  });
});

describe("what an uploaded image is", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
  const webp = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
  const svg = new TextEncoder().encode('\n  <svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  it("is read from its bytes", () => {
    expect(checkImage(png, "image/png")).toEqual({ type: "image/png" });
    expect(checkImage(jpeg, "image/jpeg")).toEqual({ type: "image/jpeg" });
    expect(checkImage(webp, "")).toEqual({ type: "image/webp" });
  });

  it("refuses SVG, bytes that are not the image they claim, nothing, and over 2 MB", () => {
    expect(checkImage(svg, "image/svg+xml")).toMatchObject({ status: 415 });
    expect(checkImage(svg, "image/png")).toMatchObject({ status: 415 });
    expect(checkImage(jpeg, "image/png")).toMatchObject({ status: 400 });
    expect(checkImage(new TextEncoder().encode("GIF89a"), "image/gif")).toMatchObject({ status: 415 });
    expect(checkImage(new Uint8Array(0), "image/png")).toMatchObject({ status: 400 });
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(png);
    expect(checkImage(big, "image/png")).toMatchObject({ status: 413 });
  });
});
