/**
 * Issue 24 §4: a hall whose region lives on another deployment reports there over HTTPS.
 *
 * Two deployments in one suite: the upstream is this same Worker reached through its public
 * API (SELF), its region `fed-city` set up on the region object alone, so this deployment's
 * tree does not hold it and the hall reports as it would from a hall box. The link is the
 * upstream seam (worker/regions/upstream.ts `replaceUpstream`); cutting it fails each request as
 * a dead network does. Clocks are stopped and moved by hand; the hall's alarm is run, not awaited.
 */
import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import type { RegionObject } from "../worker/regions/region.object.js";
import { replaceUpstream } from "../worker/regions/upstream.js";
import { call, issue, MORNING, newHall, ORIGIN } from "./helpers.js";

const CITY = "fed-city";
const PROVINCE = "fed-province";
const HALL = "fed-hall";
/** The reporter token vitest.config.ts adds: bound to `fed-hall` alone. */
const REPORTER = "reporter-fed-hall-0001";
const UPSTREAM = "https://city.test";

const hallStub = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
const regionStub = (region: string) => env.REGION.get(env.REGION.idFromName(region));

let linkUp = true;
/** Each report body that reached the upstream, in order. */
const delivered: any[] = [];

async function upstreamFetch(request: Request): Promise<Response> {
  if (!linkUp) throw new TypeError("Network connection lost.");
  // The upstream's own health check, answered here: the Worker cannot reach itself from inside a
  // request in this pool (scripts/selfhost-proof.mjs asks a real second process).
  if (request.url === `${UPSTREAM}/api/health`) return Response.json({ ok: true });
  if (request.url.endsWith("/region-report")) delivered.push(await request.clone().json());
  return SELF.fetch(request);
}

async function setClocks(at: number) {
  await runInDurableObject(hallStub(HALL), (o: HallObject) => void (o.clock = () => at));
  await runInDurableObject(regionStub(CITY), (o: RegionObject) => void (o.clock = () => at));
}

async function hallClock(at: number) {
  await runInDurableObject(hallStub(HALL), (o: HallObject) => void (o.clock = () => at));
}

async function cityView() {
  const res = await call("admin", "GET", `/api/regions/${CITY}`);
  expect(res.status).toBe(200);
  return res.body;
}

const asReporter = (method: string, path: string, body?: unknown) =>
  SELF.fetch(`${ORIGIN}${path}`, {
    method,
    headers: { Authorization: `Bearer ${REPORTER}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  replaceUpstream({ base: UPSTREAM, token: REPORTER, fetch: upstreamFetch });
  // The city's deployment holds the region; this deployment's tree never hears of it.
  await regionStub(CITY).configure({ region: CITY, name: { "zh-Hans": "远端市" }, parent: null });
});
afterAll(() => replaceUpstream(null));

describe("a hall reporting to a region on another deployment", () => {
  it("names a region only its upstream holds: accepted when the upstream says so, refused otherwise, and never without an upstream", async () => {
    expect(await call("admin", "GET", `/api/regions/${CITY}`).then((r) => r.body.halls)).toEqual([]);
    const unknown = await call("admin", "PUT", `/api/halls/${HALL}`, { ...(await demoLike()), region: "fed-nowhere" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain(UPSTREAM);
    linkUp = false;
    const cut = await call("admin", "PUT", `/api/halls/${HALL}`, { ...(await demoLike()), region: CITY });
    expect(cut.status).toBe(503);
    expect(cut.body.code).toBe("upstream_unreachable");
    expect((await call("display", "GET", `/api/halls/${HALL}`)).status).toBe(404);
    linkUp = true;
    replaceUpstream(null);
    try {
      expect((await call("admin", "PUT", `/api/halls/${HALL}`, { ...(await demoLike()), region: CITY })).status).toBe(400);
    } finally {
      replaceUpstream({ base: UPSTREAM, token: REPORTER, fetch: upstreamFetch });
    }
    await newHall(HALL, (c) => void (c.region = CITY));
  });

  it("reports flow; with the link cut the hall keeps issuing and calling, the region marks it stale, and once the link is back the region is current within 10 s, nothing counted twice", async () => {
    await setClocks(MORNING);
    await issue(HALL, "household");
    await issue(HALL, "traffic");
    await hallClock(MORNING + 2_100);
    await runDurableObjectAlarm(hallStub(HALL));
    const first = await vi.waitFor(async () => {
      const line = (await cityView()).halls.find((h: any) => h.hall === HALL);
      expect(line).toMatchObject({ hall: HALL, region: CITY, waiting: 2, issuedToday: 2, stale: false });
      return line;
    });
    expect(first.name).toBe(`test ${HALL}`);
    const before = delivered.at(-1);

    // The link goes down: the hall works on.
    linkUp = false;
    for (const category of ["household", "exit-entry", "traffic"]) await issue(HALL, category);
    const called = await call("counter", "POST", `/api/halls/${HALL}/windows/1/call`, {});
    expect(called.status).toBe(200);
    await hallClock(MORNING + 4_200);
    await runDurableObjectAlarm(hallStub(HALL));
    // Three minutes on: the region has heard nothing for more than two and says so.
    const cutAt = MORNING + 180_000;
    await setClocks(cutAt);
    await runDurableObjectAlarm(hallStub(HALL));
    await vi.waitFor(async () => expect((await cityView()).halls[0]).toMatchObject({ hall: HALL, waiting: 2, stale: true }));

    // The link comes back a second after the last failed try; the hall's clock runs on by seconds.
    const backAt = cutAt + 1_000;
    linkUp = true;
    for (let t = backAt; t <= backAt + 10_000; t += 1_000) {
      await hallClock(t);
      await runDurableObjectAlarm(hallStub(HALL));
    }
    const line = await vi.waitFor(async () => {
      const current = (await cityView()).halls[0];
      expect(current).toMatchObject({ hall: HALL, waiting: 4, issuedToday: 5, stale: false });
      return current;
    });
    expect(Date.parse(line.reportedAt) - backAt).toBeLessThanOrEqual(10_000);

    // The 10-minute list holds it too, from its latest report.
    const list = await call("manager", "GET", `/api/regions/${CITY}/stats`);
    expect(list.status).toBe(200);
    expect(list.body.rows).toEqual([expect.objectContaining({ hall: HALL, region: CITY, issued: 5 })]);

    // An old report arriving late (a retry that crossed the link twice) changes nothing.
    const replay = await asReporter("POST", `/api/halls/${HALL}/region-report`, before);
    expect(replay.status).toBe(200);
    expect((await cityView()).halls[0]).toMatchObject({ waiting: 4, issuedToday: 5 });
  });

  it("gets its region's content back with its reports", async () => {
    const published = await call("manager", "POST", `/api/regions/${CITY}/content`, { kind: "notice", text: { "zh-Hans": "全市通知：身份证业务延时服务" } });
    expect(published.status).toBe(201);
    await issue(HALL, "household");
    const now = await runInDurableObject(hallStub(HALL), (o: HallObject) => o.clock());
    await hallClock(now + 2_100);
    await runDurableObjectAlarm(hallStub(HALL));
    await vi.waitFor(async () => {
      const items = (await call("manager", "GET", `/api/halls/${HALL}/content`)).body.items as any[];
      expect(items.find((i) => i.id === published.body.item.id)).toMatchObject({ region: CITY });
    });
  });

  it("gets the content of every region above its own, as a local hall is pushed it, and drops a region's once the region is no longer above", async () => {
    // The province above the city, on the city's deployment alone (as the city itself).
    await regionStub(PROVINCE).configure({ region: PROVINCE, name: { "zh-Hans": "远端省" }, parent: null });
    await regionStub(CITY).configure({ region: CITY, name: { "zh-Hans": "远端市" }, parent: PROVINCE });
    const notice = await call("manager", "POST", `/api/regions/${PROVINCE}/content`, { kind: "notice", text: { "zh-Hans": "全省通知：出入境证件办理须知" } });
    expect(notice.status).toBe(201);
    const hidden = await call("manager", "POST", `/api/regions/${PROVINCE}/content`, { kind: "notice", text: { "zh-Hans": "省内草稿" }, hidden: true });
    expect(hidden.status).toBe(201);
    const regionOf = async (id: string) => ((await call("manager", "GET", `/api/halls/${HALL}/content`)).body.items as any[]).find((i) => i.id === id)?.region;

    await reportNow();
    await vi.waitFor(async () => expect(await regionOf(notice.body.item.id)).toBe(PROVINCE));
    expect(await regionOf(hidden.body.item.id)).toBeUndefined();
    // The city's own notice (the test before) is still there: each region's list is its own.
    const items = (await call("manager", "GET", `/api/halls/${HALL}/content`)).body.items as any[];
    expect(items.filter((i) => i.region === CITY)).toHaveLength(1);

    // The next report says the hall holds the province's list: nothing is sent again.
    const version = (await call("manager", "GET", `/api/regions/${PROVINCE}/content`)).body.version;
    const sent = delivered.length;
    await reportNow();
    await vi.waitFor(() => expect(delivered.length).toBeGreaterThan(sent));
    expect(delivered.at(-1).holds).toMatchObject({ [PROVINCE]: version });
    const reply = await asReporter("POST", `/api/halls/${HALL}/region-report`, delivered.at(-1));
    expect(await reply.json()).toMatchObject({ content: null, above: [], path: [CITY, PROVINCE] });

    // The city moves out from under the province: its notice leaves the hall with the next report.
    await regionStub(CITY).configure({ region: CITY, name: { "zh-Hans": "远端市" }, parent: null });
    await reportNow();
    await vi.waitFor(async () => expect(await regionOf(notice.body.item.id)).toBeUndefined());
    expect(((await call("manager", "GET", `/api/halls/${HALL}/content`)).body.items as any[]).filter((i) => i.region === CITY)).toHaveLength(1);
  });

  it("/api/health tells a monitor whether the upstream answers and how the hall's reports fare, and keeps its old answer elsewhere", async () => {
    const health = async (query = "") => {
      const res = await SELF.fetch(`${ORIGIN}/api/health${query}`);
      return { status: res.status, body: (await res.json()) as any };
    };
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, upstream: { reachable: true, status: 200 } } });
    await reportNow();
    const landed = await runInDurableObject(hallStub(HALL), (o: HallObject) => o.clock());
    await hallClock(landed + 30_000);
    const fine = await health(`?hall=${HALL}`);
    expect(fine.body.hall).toEqual({
      hall: HALL,
      region: CITY,
      upstream: true,
      lastReportAt: new Date(landed).toISOString(),
      lastReportAgeSeconds: 30,
      failing: false,
      failingSince: null,
      error: null,
    });

    // The link goes down: the upstream does not answer, and the hall's next report fails.
    linkUp = false;
    try {
      expect((await health()).body.upstream).toMatchObject({ reachable: false, status: null });
      await issue(HALL, "household");
      await vi.waitFor(async () => {
        const { hall } = (await health(`?hall=${HALL}`)).body;
        expect(hall).toMatchObject({ failing: true, failingSince: new Date(landed + 30_000).toISOString(), lastReportAt: new Date(landed).toISOString(), lastReportAgeSeconds: 30 });
        expect(hall.error).toContain("Network connection lost");
      });
    } finally {
      linkUp = true;
    }
    // Back: the next try lands and the failure is forgotten.
    await hallClock(landed + 40_000);
    await runDurableObjectAlarm(hallStub(HALL));
    await vi.waitFor(async () => expect((await health(`?hall=${HALL}`)).body.hall).toMatchObject({ failing: false, lastReportAgeSeconds: 0, error: null }));

    const unknown = await health("?hall=fed-no-such-hall");
    expect(unknown.status).toBe(404);
    expect(unknown.body.details).toEqual({ hall: "fed-no-such-hall" });
    expect((await health("?hall=Not%20A%20Slug")).status).toBe(400);
    // Without an upstream, the answer is what it always was.
    replaceUpstream(null);
    try {
      expect((await health()).body).toEqual({ ok: true });
    } finally {
      replaceUpstream({ base: UPSTREAM, token: REPORTER, fetch: upstreamFetch });
    }
  });

  it("a reporter token reports for its halls and asks for their region, and passes no other route", async () => {
    const report = delivered.at(-1);
    expect(report).toBeDefined();
    expect((await asReporter("GET", `/api/halls/${HALL}/region-report/${CITY}`)).status).toBe(200);
    expect((await asReporter("GET", `/api/halls/${HALL}/region-report/fed-nowhere`)).status).toBe(404);
    expect((await asReporter("POST", `/api/halls/${HALL}/region-report`, report)).status).toBe(200);
    // Another hall's report, or a report naming another hall: refused.
    const elsewhere = await asReporter("POST", `/api/halls/fed-other/region-report`, { ...report, report: { ...report.report, hall: "fed-other" } });
    expect(elsewhere.status).toBe(403);
    expect((await asReporter("GET", `/api/halls/fed-other/region-report/${CITY}`)).status).toBe(403);
    const mismatched = await asReporter("POST", `/api/halls/${HALL}/region-report`, { ...report, report: { ...report.report, hall: "fed-other" } });
    expect(mismatched.status).toBe(400);
    const nowhere = await asReporter("POST", `/api/halls/${HALL}/region-report`, { ...report, report: { ...report.report, region: "fed-nowhere" } });
    expect(nowhere.status).toBe(404);
    // Nothing else of its own hall, nor the region.
    for (const [method, path, body] of [
      ["GET", `/api/halls/${HALL}`],
      ["POST", `/api/halls/${HALL}/tickets`, { category: "household" }],
      ["POST", `/api/halls/${HALL}/windows/1/call`, {}],
      ["GET", `/api/halls/${HALL}/content`],
      ["GET", `/api/regions/${CITY}`],
      ["GET", `/api/regions/${CITY}/stats`],
      ["GET", `/api/regions/${CITY}/content`],
    ] as const) {
      const res = await asReporter(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    // And the report route takes nobody but a reporter.
    expect((await call("admin", "POST", `/api/halls/${HALL}/region-report`, report)).status).toBe(403);
  });
});

/** Something changes in the hall and its report falls due: the hall's alarm sends it. */
async function reportNow() {
  await issue(HALL, "household");
  const now = await runInDurableObject(hallStub(HALL), (o: HallObject) => o.clock());
  await hallClock(now + 2_100);
  await runDurableObjectAlarm(hallStub(HALL));
}

async function demoLike() {
  const { demoConfig } = await import("../worker/demo/hall.js");
  const config = demoConfig();
  return { ...config, name: `test ${HALL}` };
}
