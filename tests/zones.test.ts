/** Zones through the Worker: configured, refused, changed live, and each zone's screens. */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { demoConfig } from "../worker/demo/hall.js";
import type { Zone } from "../worker/core/model.js";
import { call, issue, newHall, openFeed, ORIGIN, snapshot } from "./helpers.js";

const names = (zh: string, hant: string, en: string) => ({ "zh-Hans": zh, "zh-Hant": hant, en });
/** East: comprehensive windows 1 and 2; west: the traffic window 5. Windows 3, 4 and 6 are in no zone. */
const EAST: Zone = { id: "east", names: names("东区", "東區", "East"), windows: ["1", "2"] };
const WEST: Zone = { id: "west", names: names("西区", "西區", "West"), windows: ["5"] };

const zonedHall = (name: string) => newHall(name, (c) => (c.zones = [EAST, WEST]));

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await SELF.fetch(`${ORIGIN}${path}`);
  return { status: res.status, html: await res.text() };
}

/** The markup of the element with `id` (first paint or fragment), up to its closing tag. */
function region(html: string, id: string): string {
  const start = html.search(new RegExp(`<[a-z0-9]+ id="${id}"`));
  if (start < 0) throw new Error(`no #${id} in ${html.slice(0, 200)}…`);
  const tag = html.slice(start + 1).match(/^[a-z0-9]+/)![0];
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}[\\s>]`, "g");
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  throw new Error(`#${id} never closes`);
}

const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((m) => m[1]);
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("zones in the hall's configuration", () => {
  it("a configured hall's snapshot carries its zones; a hall without them lists none", async () => {
    const hall = await zonedHall("zones-config");
    expect((await snapshot(hall)).zones).toEqual([EAST, WEST]);
    expect((await snapshot(await newHall("zones-none"))).zones).toEqual([]);
  });

  it.each([
    ["an unknown window", [EAST, { ...WEST, windows: ["5", "9"] }], "zones.1.windows.1", /window "9"/],
    ["a window in two zones", [EAST, { ...WEST, windows: ["2"] }], "zones.1.windows.0", /"2" is already in zone "east"/],
    ["a zone id twice", [EAST, { ...WEST, id: "east" }], "zones.1.id", /appears twice/],
    ["a zone id that is not a slug", [EAST, { ...WEST, id: "West Hall" }], "zones.1.id", /lowercase letters/],
    ["a zone without its English name", [EAST, { ...WEST, names: { "zh-Hans": "西区", "zh-Hant": "西區" } }], "zones.1.names.en", /./],
  ])("refuses %s with a 400 naming the field, by PUT and by PATCH, and changes nothing", async (_, zones, field, message) => {
    const hall = await zonedHall(`zones-bad-${field.replaceAll(".", "-")}-${String(message).length}`);
    const before = await snapshot(hall);
    const put = await call("admin", "PUT", `/api/halls/${hall}`, { ...demoConfig(), zones });
    expect(put.status).toBe(400);
    expect(put.body).toMatchObject({ code: "invalid", details: { [field]: expect.stringMatching(message) } });
    const patch = await call("manager", "PATCH", `/api/halls/${hall}`, { zones });
    expect(patch.status).toBe(400);
    expect(patch.body.details).toEqual({ [field]: expect.stringMatching(message) });
    expect(await snapshot(hall)).toEqual(before);
  });

  it("refuses a new configuration that removes a zone's window", async () => {
    const hall = await zonedHall("zones-remove-window");
    const config = { ...demoConfig(), zones: [EAST, WEST] };
    config.windows = config.windows.filter((w) => w.id !== "5");
    const res = await call("admin", "PUT", `/api/halls/${hall}`, config);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({ "zones.1.windows.0": expect.stringContaining('"5"') });
    expect((await snapshot(hall)).windows.map((w: any) => w.id)).toContain("5");
  });

  it("only an admin configures and only a manager changes zones; screens may not", async () => {
    const hall = await newHall("zones-roles");
    const before = await snapshot(hall);
    for (const role of ["display", "kiosk", "counter", "manager"] as const) {
      expect((await call(role, "PUT", `/api/halls/${hall}`, { ...demoConfig(), zones: [EAST] })).status).toBe(403);
    }
    for (const role of ["display", "kiosk", "counter"] as const) {
      expect((await call(role, "PATCH", `/api/halls/${hall}`, { zones: [EAST] })).status).toBe(403);
    }
    expect(await snapshot(hall)).toEqual(before);
    const ok = await call("manager", "PATCH", `/api/halls/${hall}`, { zones: [EAST] });
    expect(ok.status).toBe(200);
    expect(ok.body.zones).toEqual([EAST]);
  });

  it("documents zones in the OpenAPI document", async () => {
    const doc = (await call(null, "GET", "/api/openapi.json")).body;
    expect(doc.components.schemas.Zone.properties).toHaveProperty("windows");
    expect(doc.components.schemas.HallConfig.properties.zones.items.$ref).toBe("#/components/schemas/Zone");
    expect(doc.components.schemas.HallSettings.properties).toHaveProperty("zones");
  });
});

describe("a zone's screens", () => {
  it("a zone's main screen lists only its windows, the calls at them and the categories they serve", async () => {
    const hall = await zonedHall("zones-main");
    await issue(hall, "household");
    await issue(hall, "traffic");
    await issue(hall, "security");
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/1/call`)).body.ticket.number).toBe("A001");
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/5/call`)).body.ticket.number).toBe("C001");

    const west = await page(`/halls/${hall}/display?zone=west&token=dev-display`);
    expect(west.status).toBe(200);
    expect(attrs(region(west.html, "windows"), "data-window")).toEqual(["5"]);
    expect(attrs(region(west.html, "categories"), "data-category")).toEqual(["traffic"]);
    expect(text(region(west.html, "now-calling"))).toContain("C001");
    expect(west.html).not.toContain("A001");
    expect(text(region(west.html, "hall-name"))).toContain("西区 西區");

    const east = await page(`/halls/${hall}/display?zone=east&token=dev-display`);
    expect(attrs(region(east.html, "windows"), "data-window")).toEqual(["1", "2"]);
    expect(attrs(region(east.html, "categories"), "data-category")).toEqual(["household", "exit-entry", "traffic"]);
    expect(text(region(east.html, "now-calling"))).toContain("A001");
    expect(east.html).not.toContain("C001");
    expect(east.html).toContain("view=main&zone=east&token=");

    const whole = await page(`/halls/${hall}/display?token=dev-display`);
    expect(attrs(region(whole.html, "windows"), "data-window")).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(text(region(whole.html, "now-calling"))).toContain("C001");
    expect(text(region(whole.html, "recent-calls"))).toContain("A001");
    expect(whole.html).not.toContain('class="zone-name');
  });

  it("a zone's data wall counts its lines and its windows", async () => {
    const hall = await zonedHall("zones-wall");
    await issue(hall, "household");
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    const west = await page(`/halls/${hall}/dashboard?zone=west&token=dev-display`);
    expect(west.status).toBe(200);
    expect(attrs(region(west.html, "load"), "data-category")).toEqual(["traffic"]);
    expect(attrs(region(west.html, "staffing"), "data-window")).toEqual(["5"]);
    expect(text(region(west.html, "kpis"))).toMatch(/今日取号 Issued today 2 /);
    expect(text(region(west.html, "hall-name"))).toContain("西区");
    const whole = await page(`/halls/${hall}/dashboard?token=dev-display`);
    expect(text(region(whole.html, "kpis"))).toMatch(/今日取号 Issued today 3 /);
  });

  it("a zone's announcer is handed its zone's windows", async () => {
    const hall = await zonedHall("zones-announcer");
    const res = await page(`/halls/${hall}/announcer?zone=east&token=dev-display`);
    expect(res.status).toBe(200);
    const config = JSON.parse(/id="tongban-announcer">([\s\S]*?)<\/script>/.exec(res.html)![1]!);
    expect(config.zone).toEqual(EAST);
    expect(text(res.html)).toContain("东区");
  });

  it("an unknown zone is a 404 page and a 404 feed that say which zones there are", async () => {
    const hall = await zonedHall("zones-unknown");
    for (const path of ["display", "dashboard", "announcer"]) {
      const res = await page(`/halls/${hall}/${path}?zone=north&token=dev-display`);
      expect(res.status).toBe(404);
      expect(res.html).toContain("没有这个区域 · no zone &quot;north&quot; in this hall (zones: east, west)");
    }
    const feed = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?token=dev-display&view=main&zone=north`, { headers: { Upgrade: "websocket" } });
    expect(feed.status).toBe(404);
    expect(((await feed.json()) as any).error).toContain('no zone "north"');
  });

  it("changing zones live re-lays an open zone screen, and a call elsewhere leaves it as it was", async () => {
    const hall = await zonedHall("zones-live");
    await issue(hall, "household");
    await issue(hall, "household");
    const feed = await openFeed(hall, "&view=main&zone=west");
    const [first] = await feed.waitFor(1);
    expect(attrs(region(first.html, "windows"), "data-window")).toEqual(["5"]);

    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    const [, afterCall] = await feed.waitFor(2);
    expect(afterCall.html).not.toContain("A001");

    const patched = await call("manager", "PATCH", `/api/halls/${hall}`, { zones: [EAST, { ...WEST, windows: ["5", "6"] }] });
    expect(patched.status).toBe(200);
    const [, , relaid] = await feed.waitFor(3);
    expect(attrs(region(relaid.html, "windows"), "data-window")).toEqual(["5", "6"]);
    expect(attrs(region(relaid.html, "categories"), "data-category")).toEqual(["household", "exit-entry", "traffic", "security"]);

    await call("counter", "POST", `/api/halls/${hall}/windows/6/call`);
    const [, , , own] = await feed.waitFor(4);
    expect(text(region(own.html, "now-calling"))).toContain("A002");

    await call("manager", "PATCH", `/api/halls/${hall}`, { zones: [EAST] });
    const messages = await feed.waitFor(5);
    feed.close();
    const gone = messages[4].html;
    expect(text(region(gone, "hall-name"))).toContain("区域已撤销");
    expect(attrs(region(gone, "windows"), "data-window")).toEqual([]);
  });
});
