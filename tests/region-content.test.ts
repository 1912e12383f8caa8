/**
 * Issue 15 §4: a region publishes content to every hall below it. The region pushes its list to
 * the halls its tree knows; a hall that joins later gets it when it first reports, a hall that
 * leaves drops it; halls show their own items first and may hide a region's item, not edit it.
 */
import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import type { RegionObject } from "../worker/regions/region.object.js";
import { PNG_1PX } from "./content-fixtures.js";
import { call, newHall, ORIGIN } from "./helpers.js";

const hallStub = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
const regionStub = (region: string) => env.REGION.get(env.REGION.idFromName(region));
const zh = (t: string) => ({ "zh-Hans": t });

async function putRegion(region: string, parent: string | null) {
  const res = await call("admin", "PUT", `/api/regions/${region}`, { name: zh(region), parent });
  if (res.status !== 201 && res.status !== 200) throw new Error(`region ${region}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Moves the clocks on past every throttle and runs the alarms, halls first, then up the path. */
async function settle(halls: string[], path: string[]) {
  for (const h of halls) {
    await runInDurableObject(hallStub(h), (o: HallObject) => {
      const before = o.clock;
      o.clock = () => before() + 2100;
    });
  }
  for (const r of path) {
    await runInDurableObject(regionStub(r), (o: RegionObject) => {
      const before = o.clock;
      o.clock = () => before() + 2100;
    });
  }
  for (const h of halls) await runDurableObjectAlarm(hallStub(h));
  for (const r of path) await runDurableObjectAlarm(regionStub(r));
}

const listed = async (hall: string) => (await call("manager", "GET", `/api/halls/${hall}/content`)).body.items as any[];
const waitForItems = (hall: string, check: (items: any[]) => void) =>
  vi.waitFor(async () => {
    const items = await listed(hall);
    check(items);
    return items;
  }, { timeout: 5000, interval: 50 });

describe("content from the region down", () => {
  it("reaches every hall below the province, after each hall's own items; a hall hides it but may not edit it", async () => {
    await putRegion("rc", null);
    await putRegion("rc-city", "rc");
    await putRegion("rc-county", "rc-city");
    const county = await newHall("rc-hall-1", (c) => (c.region = "rc-county"));
    const city = await newHall("rc-hall-2", (c) => (c.region = "rc-city"));
    await settle([county, city], ["rc-county", "rc-city", "rc"]);
    await call("manager", "POST", `/api/halls/${county}/content`, { kind: "notice", text: zh("本厅通知"), order: 50 });

    const published = await call("manager", "POST", "/api/regions/rc/content", { kind: "notice", text: zh("全区政策通知：新版居住证即日起办理") });
    expect(published.status).toBe(201);
    const id = published.body.item.id as string;
    const items = await waitForItems(county, (items) => expect(items.map((i) => i.id)).toContain(id));
    expect(items.map((i) => [i.region ?? "hall", i.onNow])).toEqual([["hall", true], ["rc", true]]);
    await waitForItems(city, (items) => expect(items.map((i) => i.id)).toEqual([id]));
    const page = await (await SELF.fetch(`${ORIGIN}/halls/${city}/display?token=dev-display`)).text();
    expect(page).toContain("全区政策通知");
    expect((await call("manager", "GET", "/api/regions/rc/content")).body).toMatchObject({ halls: 2, delivered: 2 });

    // The hall may hide it, not change or remove it.
    expect((await call("manager", "PATCH", `/api/halls/${county}/content/${id}`, { text: zh("改") })).status).toBe(409);
    expect((await call("manager", "DELETE", `/api/halls/${county}/content/${id}`)).status).toBe(409);
    expect((await call("manager", "PATCH", `/api/halls/${county}/content/${id}`, { hidden: true })).status).toBe(200);
    // The region's change reaches both halls; the hall's hiding stays.
    expect((await call("manager", "PATCH", `/api/regions/rc/content/${id}`, { text: zh("全区政策通知（修订）") })).status).toBe(200);
    await waitForItems(city, (items) => expect(items[0].text["zh-Hans"]).toBe("全区政策通知（修订）"));
    const hidden = await waitForItems(county, (items) => expect(items.find((i) => i.id === id).text["zh-Hans"]).toBe("全区政策通知（修订）"));
    expect(hidden.find((i) => i.id === id)).toMatchObject({ hidden: true, onNow: false });

    // Withdrawn by the region: gone from every hall.
    expect((await call("manager", "DELETE", `/api/regions/rc/content/${id}`)).status).toBe(200);
    await waitForItems(city, (items) => expect(items).toEqual([]));
  });

  it("reaches a hall that joins the region after it was published", async () => {
    await putRegion("rl", null);
    const published = await call("manager", "POST", "/api/regions/rl/content", { kind: "notice", text: zh("先发布的通知") });
    expect(published.status).toBe(201);
    const late = await newHall("rl-late", (c) => (c.region = "rl"));
    expect(await listed(late)).toEqual([]);
    await settle([late], ["rl"]);
    await waitForItems(late, (items) => expect(items.map((i) => i.id)).toEqual([published.body.item.id]));

    // It moves to a region of its own: the first region's items leave its screens.
    await putRegion("rl-other", null);
    const { demoConfig } = await import("../worker/demo/hall.js");
    const moved = await call("admin", "PUT", `/api/halls/${late}`, { ...demoConfig(), name: "test rl-late", region: "rl-other" });
    expect(moved.status).toBe(200);
    await settle([late], ["rl", "rl-other"]);
    await waitForItems(late, (items) => expect(items).toEqual([]));
  });

  it("tries a hall it could not reach again later, with backoff, until it takes the list", async () => {
    await putRegion("rr", null);
    const hall = await newHall("rr-hall", (c) => (c.region = "rr"));
    await settle([hall], ["rr"]);
    // The region knows a second hall that cannot take anything yet (its object has no hall in it).
    const row = await runInDurableObject(regionStub("rr"), (_o: RegionObject, state) => JSON.parse(state.storage.sql.exec<{ body: string }>("SELECT body FROM hall_rows").one().body));
    await regionStub("rr").report(null, [{ ...row, hall: "rr-unready", name: "未就绪" }]);
    const published = await call("manager", "POST", "/api/regions/rr/content", { kind: "notice", text: zh("全区通知") });
    await waitForItems(hall, (items) => expect(items).toHaveLength(1));
    await vi.waitFor(async () => expect((await call("manager", "GET", "/api/regions/rr/content")).body).toMatchObject({ halls: 2, delivered: 1 }));
    const retry = await runInDurableObject(regionStub("rr"), (_o: RegionObject, state) => state.storage.sql.exec<{ failures: number }>("SELECT failures FROM region_content_sent WHERE hall = 'rr-unready'").one());
    expect(retry.failures).toBe(1);

    // Now that hall exists; once its retry falls due, the region delivers.
    await newHall("rr-unready", (c) => (c.region = "rr"));
    await runInDurableObject(regionStub("rr"), (o: RegionObject) => {
      const before = o.clock;
      o.clock = () => before() + 6000;
    });
    await runDurableObjectAlarm(regionStub("rr"));
    await waitForItems("rr-unready", (items) => expect(items.map((i) => i.id)).toEqual([published.body.item.id]));
  });

  it("publishes a region's image from R2 under the region", async () => {
    await putRegion("ri", null);
    const hall = await newHall("ri-hall", (c) => (c.region = "ri"));
    await settle([hall], ["ri"]);
    const form = new FormData();
    form.set("file", new File([PNG_1PX], "a.png", { type: "image/png" }));
    form.set("item", JSON.stringify({ seconds: 8 }));
    const res = await SELF.fetch(`${ORIGIN}/api/regions/ri/content`, { method: "POST", headers: { Authorization: "Bearer dev-manager" }, body: form });
    const body = (await res.json()) as any;
    expect(res.status).toBe(201);
    expect(body.item.media.src).toBe(`/media/regions/ri/${body.item.media.hash}`);
    const served = await SELF.fetch(`${ORIGIN}${body.item.media.src}`);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    await served.arrayBuffer();
    await waitForItems(hall, (items) => expect(items[0]?.media?.src).toBe(body.item.media.src));

    // Zones are each hall's own: a region item may not name one, and nothing is stored.
    const before = (await env.MEDIA!.list({ prefix: "regions/ri/" })).objects.length;
    const zoned = new FormData();
    zoned.set("file", new File([new Uint8Array([...PNG_1PX, 0])], "b.png", { type: "image/png" }));
    zoned.set("item", JSON.stringify({ zones: ["east"] }));
    const refused = await SELF.fetch(`${ORIGIN}/api/regions/ri/content`, { method: "POST", headers: { Authorization: "Bearer dev-manager" }, body: zoned });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).details).toHaveProperty("zones");
    expect((await env.MEDIA!.list({ prefix: "regions/ri/" })).objects.length).toBe(before);
  });

  it("is refused for an unknown region", async () => {
    expect((await call("manager", "POST", "/api/regions/nowhere/content", { kind: "notice", text: zh("x") })).status).toBe(404);
  });
});
