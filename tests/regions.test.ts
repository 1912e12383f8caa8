/**
 * Regions end to end in workerd: the tree and its errors, a county hall's change reaching the
 * province, an evicted region, a silent hall, a hall that moves, scoped tokens, the 10-minute
 * list against the halls' own statistics, and a public list that leaks nothing.
 *
 * Reports are throttled (a hall every 2 s, a region every 1 s), so `settle` moves every clock on
 * the path 2.1 s on and runs the alarms bottom-up, instead of waiting.
 */
import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import type { RegionObject } from "../worker/regions/region.object.js";
import worker from "../worker/index.js";
import { call, issue, MORNING, newHall, ORIGIN } from "./helpers.js";

const hallStub = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
const regionStub = (region: string) => env.REGION.get(env.REGION.idFromName(region));

const zh = (name: string) => ({ "zh-Hans": name });

async function putRegion(region: string, name: string, parent: string | null) {
  const res = await call("admin", "PUT", `/api/regions/${region}`, { name: zh(name), parent });
  if (res.status !== 201 && res.status !== 200) throw new Error(`region ${region}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** A province, two cities, a county under the first: `${p}`, `${p}-wz`, `${p}-lz`, `${p}-wz-wx`. */
async function province(p: string) {
  await putRegion(p, "广西", null);
  await putRegion(`${p}-wz`, "梧州市", p);
  await putRegion(`${p}-lz`, "柳州市", p);
  await putRegion(`${p}-wz-wx`, "万秀区", `${p}-wz`);
  return { province: p, wuzhou: `${p}-wz`, liuzhou: `${p}-lz`, wanxiu: `${p}-wz-wx` };
}

async function moveClock(ms: number, halls: string[], regions: string[]) {
  for (const h of halls) {
    await runInDurableObject(hallStub(h), (o: HallObject) => {
      const before = o.clock;
      o.clock = () => before() + ms;
    });
  }
  for (const r of regions) {
    await runInDurableObject(regionStub(r), (o: RegionObject) => {
      const before = o.clock;
      o.clock = () => before() + ms;
    });
  }
}

/** Stops the clocks of these halls and regions at a weekday morning: a test that moves them by minutes meets no midnight. */
async function morning(halls: string[], regions: string[]) {
  for (const h of halls) await runInDurableObject(hallStub(h), (o: HallObject) => void (o.clock = () => MORNING));
  for (const r of regions) await runInDurableObject(regionStub(r), (o: RegionObject) => void (o.clock = () => MORNING));
}

/** Lets every throttle pass and delivers: halls report, then each region up the path, lowest first. */
async function settle(halls: string[], path: string[]) {
  await moveClock(2100, halls, path);
  for (const h of halls) await runDurableObjectAlarm(hallStub(h));
  for (const r of path) await runDurableObjectAlarm(regionStub(r));
}

/** A region's view once `check` passes: an alarm that fired by itself may still be delivering. */
async function viewWhen(region: string, check: (view: any) => void) {
  return vi.waitFor(
    async () => {
      const view = await regionView(region);
      check(view);
      return view;
    },
    { timeout: 3000, interval: 50 },
  );
}

async function regionView(region: string) {
  const res = await call("display", "GET", `/api/regions/${region}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe("regions and their errors", () => {
  it("creates a region (201), replaces it (200) and reads it back", async () => {
    const created = await call("admin", "PUT", "/api/regions/r1", { name: { "zh-Hans": "广西壮族自治区", en: "Guangxi" }, parent: null });
    expect(created.status).toBe(201);
    const again = await call("admin", "PUT", "/api/regions/r1", { name: { "zh-Hans": "广西", en: "Guangxi" }, parent: null });
    expect(again.status).toBe(200);
    await putRegion("r1-wz", "梧州市", "r1");
    const view = await regionView("r1");
    expect(view).toMatchObject({ region: "r1", name: { "zh-Hans": "广西" }, parent: null, totals: { halls: 0 } });
  });

  it("400 naming parent for an unknown parent, and nothing is created", async () => {
    const res = await call("admin", "PUT", "/api/regions/r2-x", { name: zh("无名"), parent: "r2-nowhere" });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details)).toEqual(["parent"]);
    expect((await call("display", "GET", "/api/regions/r2-x")).status).toBe(404);
  });

  it("400 for a cycle, and the tree keeps its old shape", async () => {
    const r = await province("r3");
    const res = await call("admin", "PUT", `/api/regions/${r.province}`, { name: zh("广西"), parent: r.wanxiu });
    expect(res.status).toBe(400);
    expect(res.body.details.parent).toContain("cycle");
    expect((await regionView(r.province)).parent).toBeNull();
  });

  it("400 for a bad slug, a missing name or an unknown field", async () => {
    expect((await call("admin", "PUT", "/api/regions/Bad_Slug", { name: zh("x"), parent: null })).body.details).toHaveProperty("region");
    expect((await call("admin", "PUT", "/api/regions/r4", { parent: null })).body.details).toHaveProperty("name");
    expect((await call("admin", "PUT", "/api/regions/r4", { name: zh("x"), parent: null, extra: 1 })).status).toBe(400);
    expect((await call("display", "GET", "/api/regions/r4")).status).toBe(404);
  });

  it("only an admin defines regions", async () => {
    expect((await call("manager", "PUT", "/api/regions/r5", { name: zh("x"), parent: null })).status).toBe(403);
  });

  it("a hall naming an unknown region is refused with 400 naming region, and not created", async () => {
    const res = await call("admin", "PUT", "/api/halls/orphan-hall", { ...(await import("../worker/demo/hall.js")).demoConfig(), region: "r6-nowhere" });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({ region: 'unknown region "r6-nowhere"' });
    expect((await call("display", "GET", "/api/halls/orphan-hall")).status).toBe(404);
  });
});

describe("live figures, pushed upward", () => {
  it("a county hall calling a ticket changes the province", async () => {
    const r = await province("p1");
    const hall = await newHall("p1-hall", (c) => (c.region = r.wanxiu));
    await issue(hall, "household");
    await issue(hall, "traffic");
    await settle([hall], [r.wanxiu, r.wuzhou, r.province]);
    let view = await viewWhen(r.province, (v) => expect(v.totals).toMatchObject({ halls: 1, waiting: 2, issuedToday: 2, windowsOpen: 6, windowsTotal: 6, overLine: 0 }));
    expect(view.regions.map((c: any) => [c.region, c.totals.halls])).toEqual([
      [r.liuzhou, 0],
      [r.wuzhou, 1],
    ]);
    expect(view.halls[0]).toMatchObject({ hall, region: r.wanxiu, waiting: 2, stale: false, overLine: false });

    expect((await call("counter", "POST", `/api/halls/${hall}/windows/1/call`)).status).toBe(200);
    await settle([hall], [r.wanxiu, r.wuzhou, r.province]);
    view = await viewWhen(r.province, (v) => expect(v.totals.waiting).toBe(1));
    expect(view.halls[0].meanWaitMinutes).not.toBeNull();
  });

  it("reaches the province by itself within 10 s", async () => {
    const r = await province("p2");
    const hall = await newHall("p2-hall", (c) => (c.region = r.wanxiu));
    await issue(hall, "household");
    const started = Date.now();
    let waiting = 0;
    while (Date.now() - started < 10_000) {
      waiting = (await regionView(r.province)).totals.waiting;
      if (waiting === 1) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(waiting).toBe(1);
  }, 15_000);

  it("a repeated or late report changes nothing", async () => {
    const r = await province("p3");
    const hall = await newHall("p3-hall", (c) => (c.region = r.wuzhou));
    await issue(hall, "household");
    await settle([hall], [r.wuzhou, r.province]);
    const view = await viewWhen(r.wuzhou, (v) => expect(v.totals.waiting).toBe(1));
    const stored = await runInDurableObject(regionStub(r.wuzhou), (_o: RegionObject, state) =>
      JSON.parse(state.storage.sql.exec<{ body: string }>("SELECT body FROM hall_rows").one().body),
    );
    // The same report again, and an older one (a lower seq) delivered late with other figures.
    await regionStub(r.wuzhou).report(null, [stored]);
    await regionStub(r.wuzhou).report(null, [{ ...stored, seq: stored.seq - 1, reportedAt: stored.reportedAt + 5000, waiting: 99 }]);
    expect(await regionView(r.wuzhou)).toEqual(view);
    expect(view.totals.waiting).toBe(1);
  });

  it("an evicted region object is whole again", async () => {
    const r = await province("p4");
    const hall = await newHall("p4-hall", (c) => (c.region = r.wanxiu));
    await issue(hall, "household");
    await settle([hall], [r.wanxiu, r.wuzhou, r.province]);
    await viewWhen(r.province, (v) => expect(v.totals.waiting).toBe(1));
    await evictDurableObject(regionStub(r.province));
    await evictDurableObject(regionStub(r.wuzhou));
    const view = await regionView(r.province);
    expect(view.totals).toMatchObject({ halls: 1, waiting: 1 });
    expect(view.regions.find((c: any) => c.region === r.wuzhou).totals.halls).toBe(1);
    // And it keeps taking reports after waking.
    await issue(hall, "traffic");
    await settle([hall], [r.wanxiu, r.wuzhou, r.province]);
    await viewWhen(r.province, (v) => expect(v.totals.waiting).toBe(2));
  });

  it("a busy hall whose reports stop is stale after 2 minutes; a ticket crossing the line shows with no report", async () => {
    const r = await province("p5");
    const hall = await newHall("p5-hall", (c) => (c.region = r.wuzhou));
    await issue(hall, "household");
    await settle([hall], [r.wuzhou, r.province]);
    await viewWhen(r.province, (v) => expect(v.halls[0]).toMatchObject({ stale: false, overLine: false, waiting: 1 }));
    await moveClock(90_000, [], [r.province]);
    expect((await regionView(r.province)).halls[0].stale).toBe(false);
    await moveClock(31_000, [], [r.province]);
    expect((await regionView(r.province)).halls[0].stale).toBe(true);
    // Ten minutes on, the waiting ticket is over the 10-minute line at the province, unreported.
    await moveClock(8 * 60_000, [], [r.province]);
    const view = await regionView(r.province);
    expect(view.halls[0]).toMatchObject({ overLine: true, stale: true });
    expect(view.halls[0].oldestWaitMinutes).toBeGreaterThanOrEqual(10);
    expect(view.totals.overLine).toBe(1);
  });

  it("a hall with nobody waiting and nobody signed in is quiet, not stale", async () => {
    const r = await province("p6");
    const hall = await newHall("p6-hall", (c) => (c.region = r.wuzhou));
    await morning([hall], [r.wuzhou, r.province]);
    await settle([hall], [r.wuzhou, r.province]);
    await viewWhen(r.province, (v) => expect(v.totals.halls).toBe(1));
    await moveClock(10 * 60_000, [], [r.province]);
    expect((await regionView(r.province)).halls[0]).toMatchObject({ stale: false, waiting: 0 });
    // And it does not wake to report: no alarm but its midnight.
    const due = await runInDurableObject(hallStub(hall), async (_o: HallObject, state) => state.storage.getAlarm());
    expect(due! - Date.now()).toBeGreaterThan(60_000);
  });

  it("moving a hall to another city moves its figures with it", async () => {
    const r = await province("p7");
    const hall = await newHall("p7-hall", (c) => (c.region = r.wanxiu));
    await issue(hall, "household");
    await settle([hall], [r.wanxiu, r.wuzhou, r.province]);
    const config = { ...(await import("../worker/demo/hall.js")).demoConfig(), name: "test p7-hall", region: r.liuzhou };
    expect((await call("admin", "PUT", `/api/halls/${hall}`, config)).status).toBe(200);
    await settle([hall], [r.wanxiu, r.wuzhou, r.liuzhou, r.province]);
    await settle([], [r.wuzhou, r.province]);
    const view = await viewWhen(r.province, (v) => expect(v.halls.map((h: any) => [h.hall, h.region])).toEqual([[hall, r.liuzhou]]));
    expect(Object.fromEntries(view.regions.map((c: any) => [c.region, c.totals.halls]))).toEqual({ [r.wuzhou]: 0, [r.liuzhou]: 1 });
    expect((await regionView(r.wanxiu)).totals.halls).toBe(0);
  });

  it("the live feed sends a snapshot, then the changes", async () => {
    const r = await province("p8");
    const hall = await newHall("p8-hall", (c) => (c.region = r.wuzhou));
    const res = await SELF.fetch(`${ORIGIN}/api/regions/${r.province}/live?token=dev-display`, { headers: { Upgrade: "websocket" } });
    expect(res.status).toBe(101);
    const socket = res.webSocket!;
    const messages: any[] = [];
    socket.addEventListener("message", (e) => messages.push(JSON.parse(e.data as string)));
    socket.accept();
    await issue(hall, "household");
    await settle([hall], [r.wuzhou, r.province]);
    // Waits for the region's push, not a timing claim: a loaded machine may take seconds.
    const deadline = Date.now() + 10_000;
    while (!messages.some((m) => m.type === "changes" && m.halls.some((h: any) => h.hall === hall && h.waiting === 1)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(messages[0]).toMatchObject({ type: "snapshot", region: r.province, totals: { halls: 0 } });
    const change = messages.find((m) => m.type === "changes" && m.halls.some((h: any) => h.hall === hall));
    expect(change).toMatchObject({ totals: { halls: 1, waiting: 1 } });
    socket.close(1000, "done");
  });
});

describe("scoped tokens", () => {
  const tokens = (p: string) =>
    JSON.stringify({
      "hall-display-token-0000001": { role: "display", halls: [`${p}-hall`] },
      "city-display-token-0000001": { role: "display", regions: [`${p}-wz`], name: "梧州市局" },
      "city-manager-token-0000001": { role: "manager", regions: [`${p}-wz`] },
    });
  const as = (p: string, token: string, path: string, init: RequestInit = {}) =>
    worker.request(path, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } }, { HALL: env.HALL, REGION: env.REGION, TONGBAN_TOKENS: tokens(p) });

  it("a hall token cannot read its region; a city token reads its city and its county halls, not another city or the province", async () => {
    const r = await province("s1");
    const hall = await newHall("s1-hall", (c) => (c.region = r.wanxiu));
    const other = await newHall("s1-other", (c) => (c.region = r.liuzhou));
    await settle([hall, other], [r.wanxiu, r.wuzhou, r.liuzhou, r.province]);
    await viewWhen(r.province, (v) => expect(v.totals.halls).toBe(2));

    expect((await as("s1", "hall-display-token-0000001", `/api/regions/${r.wanxiu}`)).status).toBe(403);
    expect((await as("s1", "hall-display-token-0000001", `/api/halls/${hall}`)).status).toBe(200);

    expect((await as("s1", "city-display-token-0000001", `/api/regions/${r.wuzhou}`)).status).toBe(200);
    expect((await as("s1", "city-display-token-0000001", `/api/regions/${r.wanxiu}`)).status).toBe(200);
    expect((await as("s1", "city-display-token-0000001", `/api/regions/${r.liuzhou}`)).status).toBe(403);
    expect((await as("s1", "city-display-token-0000001", `/api/regions/${r.province}`)).status).toBe(403);
    expect((await as("s1", "city-display-token-0000001", `/api/halls/${hall}`)).status).toBe(200);
    expect((await as("s1", "city-display-token-0000001", `/api/halls/${other}`)).status).toBe(403);
    // Read-only: a display token below its city still cannot issue.
    const post = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ category: "household" }) };
    expect((await as("s1", "city-display-token-0000001", `/api/halls/${hall}/tickets`, post)).status).toBe(403);
    // The city manager's stats cover its city, not the province.
    expect((await as("s1", "city-manager-token-0000001", `/api/regions/${r.wuzhou}/stats`)).status).toBe(200);
    expect((await as("s1", "city-manager-token-0000001", `/api/regions/${r.province}/stats`)).status).toBe(403);
    expect((await as("s1", "city-display-token-0000001", `/api/regions/${r.wuzhou}/stats`)).status).toBe(403);
  });

  it("a malformed regions scope keeps the Worker from serving", async () => {
    const bad = JSON.stringify({ "city-display-token-0000001": { role: "display", regions: "gx-wuzhou" } });
    const res = await worker.request("/api/halls/demo", { headers: { Authorization: "Bearer city-display-token-0000001" } }, { HALL: env.HALL, REGION: env.REGION, TONGBAN_TOKENS: bad });
    expect(res.status).toBe(503);
    expect(((await res.json()) as any).error).toContain("regions");
  });
});

describe("the 10-minute list", () => {
  it("is the halls' own statistics, one row per hall, and `over` keeps the slow ones", async () => {
    const r = await province("t1");
    const slow = await newHall("t1-slow", (c) => (c.region = r.wanxiu));
    const quick = await newHall("t1-quick", (c) => (c.region = r.liuzhou));
    await morning([slow, quick], [r.wanxiu, r.wuzhou, r.liuzhou, r.province]);
    await issue(slow, "household");
    await issue(slow, "traffic");
    await issue(quick, "household");
    await moveClock(14 * 60_000, [slow], []);
    await moveClock(3 * 60_000, [quick], []);
    await call("counter", "POST", `/api/halls/${slow}/windows/1/call`);
    await call("counter", "POST", `/api/halls/${slow}/windows/2/call`);
    await call("counter", "POST", `/api/halls/${quick}/windows/1/call`);
    await settle([slow, quick], [r.wanxiu, r.wuzhou, r.liuzhou, r.province]);
    await viewWhen(r.province, (v) => expect(v.totals.halls).toBe(2));

    const all = await call("manager", "GET", `/api/regions/${r.province}/stats`);
    expect(all.status).toBe(200);
    for (const row of all.body.rows) {
      const own = await call("manager", "GET", `/api/halls/${row.hall}/stats?by=hall`);
      expect(row).toMatchObject({ issued: own.body.total.issued, served: own.body.total.served, meanWaitMinutes: own.body.total.wait.meanMinutes, p90WaitMinutes: own.body.total.wait.p90Minutes });
    }
    expect(all.body.rows.map((x: any) => x.hall)).toEqual([slow, quick]);
    expect(all.body.rows[0].meanWaitMinutes).toBeGreaterThan(10);

    const over = await call("manager", "GET", `/api/regions/${r.province}/stats?over=10`);
    expect(over.body.rows.map((x: any) => x.hall)).toEqual([slow]);
    expect(over.body.over).toBe(10);

    const csv = await SELF.fetch(`${ORIGIN}/api/regions/${r.province}/stats.csv?over=10`, { headers: { Authorization: "Bearer dev-manager" } });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toBe("hall,name,region,issued,served,wait_mean_min,wait_p90_min,window_hours");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(slow);
  });

  it("400 for a bad date or an over that is not a number", async () => {
    await province("t2");
    expect((await call("manager", "GET", "/api/regions/t2/stats?from=2027-02-30")).body.details).toHaveProperty("from");
    expect((await call("manager", "GET", "/api/regions/t2/stats?over=ten")).body.details).toHaveProperty("over");
    expect((await call("manager", "GET", "/api/regions/t2/stats?from=2027-03-10&to=2027-03-01")).status).toBe(400);
  });
});

describe("the public list", () => {
  it("needs no token and leaks nothing private: no tickets, officers or ID marks", async () => {
    const r = await province("u1");
    const hall = await newHall("u1-hall", (c) => {
      c.region = r.wanxiu;
      c.location = { lat: 23.477, lng: 111.279 };
      c.address = "梧州市万秀区新兴二路";
    });
    // The list shows halls open now, within their opening hours (09:00–17:00 on weekdays): a weekday morning.
    await morning([hall], [r.wanxiu, r.wuzhou, r.province]);
    await call("manager", "POST", `/api/halls/${hall}/windows/1/sign-in`, { officer: { name: "黎志明", badge: "450401" } });
    await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "household", idNumber: "11010519491231002X" });
    const called = await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    await issue(hall, "traffic");
    await settle([hall], [r.wanxiu, r.wuzhou, r.province]);
    await viewWhen(r.province, (v) => expect(v.totals.waiting).toBe(1));

    const res = await SELF.fetch(`${ORIGIN}/api/regions/${r.province}/halls?near=23.48,111.28`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.halls).toHaveLength(1);
    expect(body.halls[0]).toMatchObject({ hall, waiting: 1, address: "梧州市万秀区新兴二路" });
    expect(body.halls[0].distanceKm).toBeLessThan(2);
    expect(body.halls[0].categories.find((c: any) => c.id === "traffic")).toMatchObject({ waiting: 1 });
    for (const secret of ["黎志明", "450401", "002X", called.body.ticket.number, "C001", "citizen", "officer", "idLast4", "idHash"]) {
      expect(text).not.toContain(secret);
    }
    const page = await SELF.fetch(`${ORIGIN}/regions/${r.province}/halls`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("test u1-hall");
    for (const secret of ["黎志明", "450401", "002X", called.body.ticket.number]) expect(html).not.toContain(secret);
  });

  it("404 for an unknown region", async () => {
    expect((await SELF.fetch(`${ORIGIN}/api/regions/u2-nowhere/halls`)).status).toBe(404);
  });
});

describe("the region data wall page", () => {
  it("opens with a token for the region and refuses without one", async () => {
    const r = await province("w1");
    const hall = await newHall("w1-hall", (c) => (c.region = r.wanxiu));
    await issue(hall, "household");
    await settle([hall], [r.wanxiu, r.wuzhou, r.province]);
    await viewWhen(r.province, (v) => expect(v.totals.halls).toBe(1));
    const page = await SELF.fetch(`${ORIGIN}/regions/${r.province}/dashboard?token=dev-display`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("梧州市");
    expect(html).toContain(`/halls/${hall}/dashboard?token=dev-display`);
    expect((await SELF.fetch(`${ORIGIN}/regions/${r.province}/dashboard`)).status).toBe(401);
    expect((await SELF.fetch(`${ORIGIN}/regions/w1-nowhere/dashboard?token=dev-display`)).status).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  it("lists the region routes, the public list without a token", async () => {
    const doc = (await call(null, "GET", "/api/openapi.json")).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/regions/{region}", "/api/regions/{region}/halls", "/api/regions/{region}/stats", "/api/regions/{region}/stats.csv", "/api/regions/{region}/live"]));
    expect(doc.paths["/api/regions/{region}/halls"].get.security).toEqual([]);
    expect(doc.components.schemas.HallConfig.properties).toHaveProperty("region");
  });
});
