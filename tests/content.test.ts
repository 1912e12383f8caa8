/**
 * Issue 15, the hall's side: content items through the API (notices and guides as JSON, images
 * through R2), every bad input refused naming its field with nothing stored, schedules on the
 * hall's clock, and the alarm that brings a scheduled item on at its hour with no event.
 */
import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { PNG_1PX } from "./content-fixtures.js";
import { call, newHall, openFeed, ORIGIN } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
/** Tuesday 2031-03-04, 09:30 in Shanghai: ahead of the suite's clock, so the day only moves forward. */
const TUESDAY_0930 = Date.parse("2031-03-04T09:30:00+08:00");
const HOUR = 3_600_000;

const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>');

async function setClock(hall: string, at: number): Promise<void> {
  await runInDurableObject(stubOf(hall), (o: HallObject) => {
    o.clock = () => at;
  });
}

/** POSTs an image as a browser's form would. */
async function upload(hall: string, bytes: Uint8Array, type: string, item: unknown = {}, role = "manager") {
  const form = new FormData();
  form.set("file", new File([bytes], "picture", { type }));
  form.set("item", JSON.stringify(item));
  const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/content`, { method: "POST", headers: { Authorization: `Bearer dev-${role}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function stored(hall: string): Promise<{ seq: number; objects: number; audit: number }> {
  const objects = (await env.MEDIA!.list({ prefix: `halls/${hall}/` })).objects.length;
  return runInDurableObject(stubOf(hall), (_o: HallObject, state) => {
    const one = (q: string) => state.storage.sql.exec<{ n: number }>(q).one().n;
    return { seq: one("SELECT COALESCE(MAX(seq), 0) AS n FROM events"), audit: one("SELECT COUNT(*) AS n FROM audit"), objects };
  });
}

const notice = (text: string, extra: Record<string, unknown> = {}) => ({ kind: "notice", text: { "zh-Hans": text }, ...extra });

describe("content items through the API", () => {
  it("adds, lists, changes and removes a notice and a guide, each with an audit row", async () => {
    const hall = await newHall("content-crud");
    const added = await call("manager", "POST", `/api/halls/${hall}/content`, notice("今日出入境业务办理至 17:00", { seconds: 8 }));
    expect(added.status).toBe(201);
    expect(added.body.item).toMatchObject({ kind: "notice", seconds: 8, order: 1, schedule: {} });
    const guide = await call("manager", "POST", `/api/halls/${hall}/content`, {
      kind: "guide",
      category: "exit-entry",
      title: { "zh-Hans": "首次申领护照", en: "First passport" },
      materials: [{ "zh-Hans": "居民身份证" }, { "zh-Hans": "近期免冠照片", en: "A recent photo" }],
      fee: { "zh-Hans": "120 元" },
      timeLimit: { "zh-Hans": "7 个工作日" },
      where: { "zh-Hans": "1–3 号综合窗口" },
    });
    expect(guide.status).toBe(201);
    const id = added.body.item.id as string;

    const listed = await call("manager", "GET", `/api/halls/${hall}/content`);
    expect(listed.body.items.map((i: any) => [i.kind, i.onNow])).toEqual([["notice", true], ["guide", true]]);

    const changed = await call("manager", "PATCH", `/api/halls/${hall}/content/${id}`, { order: 5, text: { "zh-Hans": "今日出入境业务办理至 16:30" } });
    expect(changed.status).toBe(200);
    expect(changed.body.item).toMatchObject({ order: 5, text: { "zh-Hans": "今日出入境业务办理至 16:30" } });
    expect((await call("manager", "GET", `/api/halls/${hall}/content`)).body.items[0].kind).toBe("guide");
    expect((await call("manager", "DELETE", `/api/halls/${hall}/content/${id}`)).status).toBe(200);
    expect((await call("manager", "DELETE", `/api/halls/${hall}/content/${id}`)).status).toBe(404);

    const audit = await call("manager", "GET", `/api/halls/${hall}/audit?limit=10`);
    expect(audit.body.entries.slice(0, 4).map((e: any) => [e.action, e.target])).toEqual([
      ["remove_content", `content:${id}`],
      ["change_content", `content:${id}`],
      ["add_content", `content:${guide.body.item.id}`],
      ["add_content", expect.stringMatching(/^content:/)],
    ]);
  });

  it("uploads an image to R2 and serves it with its type, an ETag and immutable caching", async () => {
    const hall = await newHall("content-image");
    const res = await upload(hall, PNG_1PX, "image/png", { seconds: 15, caption: { "zh-Hans": "办事流程" } });
    expect(res.status).toBe(201);
    const { media } = res.body.item;
    expect(media).toMatchObject({ type: "image/png", bytes: PNG_1PX.length, src: `/media/${hall}/${media.hash}` });

    const served = await SELF.fetch(`${ORIGIN}${media.src}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("ETag")).toBe(`"${media.hash}"`);
    expect(served.headers.get("Cache-Control")).toContain("immutable");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG_1PX);
    const again = await SELF.fetch(`${ORIGIN}${media.src}`, { headers: { "If-None-Match": `"${media.hash}"` } });
    expect(again.status).toBe(304);
    await again.arrayBuffer();

    // The same bytes twice are one object; removing one item keeps it for the other.
    const twin = await upload(hall, PNG_1PX, "image/png");
    expect(twin.body.item.media.src).toBe(media.src);
    expect((await stored(hall)).objects).toBe(1);
    await call("manager", "DELETE", `/api/halls/${hall}/content/${res.body.item.id}`);
    expect((await SELF.fetch(`${ORIGIN}${media.src}`)).status).toBe(200);
    await call("manager", "DELETE", `/api/halls/${hall}/content/${twin.body.item.id}`);
    await runInDurableObject(stubOf(hall), () => undefined); // let the removal's background delete finish
    await expect.poll(async () => (await SELF.fetch(`${ORIGIN}${media.src}`)).status).toBe(404);
  });

  it("refuses every bad input naming the field, and stores nothing", async () => {
    const hall = await newHall("content-bad", (c) => {
      c.zones = [{ id: "east", names: { "zh-Hans": "东区", "zh-Hant": "東區", en: "East" }, windows: ["1", "2"] }];
    });
    const before = await stored(hall);
    const big = new Uint8Array(2 * 1024 * 1024 + 10);
    big.set(PNG_1PX);
    const cases: Array<[string, () => Promise<{ status: number; body: any }>, number, string]> = [
      ["SVG", () => upload(hall, SVG, "image/svg+xml"), 415, "file"],
      ["SVG claiming PNG", () => upload(hall, SVG, "image/png"), 415, "file"],
      ["JPEG bytes claiming PNG", () => upload(hall, JPEG_HEAD, "image/png"), 400, "file"],
      ["text claiming JPEG", () => upload(hall, new TextEncoder().encode("hello"), "image/jpeg"), 415, "file"],
      ["over 2 MB", () => upload(hall, big, "image/png"), 413, "file"],
      ["an unknown zone", () => upload(hall, PNG_1PX, "image/png", { zones: ["north"] }), 400, "zones.0"],
      ["seconds out of range", () => upload(hall, PNG_1PX, "image/png", { seconds: 1 }), 400, "seconds"],
      ["item not JSON", async () => {
        const form = new FormData();
        form.set("file", new File([PNG_1PX], "a.png", { type: "image/png" }));
        form.set("item", "{seconds:");
        const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/content`, { method: "POST", headers: { Authorization: "Bearer dev-manager" }, body: form });
        return { status: res.status, body: await res.json() };
      }, 400, "item"],
      ["no file", async () => {
        const form = new FormData();
        form.set("item", "{}");
        const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/content`, { method: "POST", headers: { Authorization: "Bearer dev-manager" }, body: form });
        return { status: res.status, body: await res.json() };
      }, 400, "file"],
      ["an image sent as JSON", () => call("manager", "POST", `/api/halls/${hall}/content`, { kind: "image", seconds: 5 }), 400, "kind"],
      ["a guide for an unknown category", () => call("manager", "POST", `/api/halls/${hall}/content`, { kind: "guide", category: "boats", title: { "zh-Hans": "船" }, materials: [{ "zh-Hans": "证" }] }), 400, "category"],
      ["a notice without zh-Hans", () => call("manager", "POST", `/api/halls/${hall}/content`, { kind: "notice", text: { en: "English only" } }), 400, "text.zh-Hans"],
      ["a schedule with no weekday", () => call("manager", "POST", `/api/halls/${hall}/content`, notice("x", { schedule: { weekdays: [] } })), 400, "schedule.weekdays"],
      ["a schedule that ended", () => call("manager", "POST", `/api/halls/${hall}/content`, notice("x", { schedule: { to: "2020-01-01" } })), 400, "schedule.to"],
      ["hours the wrong way round", () => call("manager", "POST", `/api/halls/${hall}/content`, notice("x", { schedule: { hours: [{ from: "17:00", to: "09:00" }] } })), 400, "schedule.hours.0"],
      ["a bad time", () => call("manager", "POST", `/api/halls/${hall}/content`, notice("x", { schedule: { hours: [{ from: "9:00", to: "25:00" }] } })), 400, "schedule.hours.0.from"],
    ];
    for (const [why, send, status, field] of cases) {
      const res = await send();
      expect(res.status, `${why}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(Object.keys(res.body.details ?? {}), why).toContain(field);
    }
    expect(await stored(hall)).toEqual(before);
  });

  it("refuses a declared Content-Length over the limit before reading the body", async () => {
    const hall = await newHall("content-length");
    const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/content`, {
      method: "POST",
      headers: { Authorization: "Bearer dev-manager", "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(3 * 1024 * 1024) },
      body: "--x--",
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).details).toHaveProperty("file");
  });

  it("never sends a notice's markup to a screen: text is escaped", async () => {
    const hall = await newHall("content-escape");
    await call("manager", "POST", `/api/halls/${hall}/content`, notice('<img src=x onerror="alert(1)">注意'));
    const page = await (await SELF.fetch(`${ORIGIN}/halls/${hall}/display?token=dev-display`)).text();
    expect(page).toContain("&lt;img src=x onerror=");
    expect(page).not.toContain('<img src=x onerror="alert(1)">');
  });

  it("takes idleMinutes as a hall setting", async () => {
    const hall = await newHall("content-idle-setting");
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { idleMinutes: 0 })).body.hall.idleMinutes).toBe(0);
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { idleMinutes: 300 })).status).toBe(400);
  });
});

describe("schedules on the hall's clock", () => {
  it("lists an item as on only in its hours and on its weekdays", async () => {
    const hall = await newHall("content-schedule");
    await setClock(hall, TUESDAY_0930);
    const weekdayMornings = notice("工作日上午", { schedule: { weekdays: [1, 2, 3, 4, 5], hours: [{ from: "09:00", to: "12:00" }] } });
    const weekend = notice("周末", { schedule: { weekdays: [6, 7] } });
    await call("manager", "POST", `/api/halls/${hall}/content`, weekdayMornings);
    await call("manager", "POST", `/api/halls/${hall}/content`, weekend);
    const onNow = async () => (await call("manager", "GET", `/api/halls/${hall}/content`)).body.items.map((i: any) => i.onNow);
    expect(await onNow()).toEqual([true, false]);
    await setClock(hall, TUESDAY_0930 + 3 * HOUR); // 12:30
    expect(await onNow()).toEqual([false, false]);
    await setClock(hall, TUESDAY_0930 + 4 * 24 * HOUR); // Saturday 09:30
    expect(await onNow()).toEqual([false, true]);
  });

  it("wakes the hall at an item's hour and puts it on a watching screen, with no event", async () => {
    const hall = await newHall("content-waker");
    await setClock(hall, TUESDAY_0930);
    await call("manager", "POST", `/api/halls/${hall}/content`, notice("下午两点开始的通知", { schedule: { hours: [{ from: "14:00", to: "17:00" }] } }));
    const feed = await openFeed(hall, "&view=main");
    const [first] = await feed.waitFor(1);
    const shows = () => feed.messages.filter((m) => m.html?.includes("下午两点开始的通知"));
    expect(shows()).toEqual([]);
    const alarm = await runInDurableObject(stubOf(hall), async (_o: HallObject, state) => (await state.storage.getAlarm())! - Date.now());
    expect(alarm).toBeGreaterThan(4.5 * HOUR - 60_000);
    expect(alarm).toBeLessThanOrEqual(4.5 * HOUR + 1000);

    await setClock(hall, Date.parse("2031-03-04T14:00:00+08:00"));
    expect(await runDurableObjectAlarm(stubOf(hall))).toBe(true);
    await expect.poll(() => shows().length).toBeGreaterThan(0);
    feed.close();
    expect(shows()[0].seq).toBe(first.seq);
  });
});
