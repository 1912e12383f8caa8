/**
 * Issue 22 §2: retention as hall settings, and nothing accountable lost. Events older than the
 * hall's `eventDays` and audit rows older than its `auditDays` (never fewer than 180) are archived
 * whole day by whole day as gzip NDJSON to the media store by the hall's own alarm, read back,
 * and only then pruned; managers list and download the archives; the event export says where the
 * live log starts. Every day is on the hall's injected clock.
 */
import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { publicEvent, snapshotOf } from "../worker/core/snapshot.js";
import { loadState } from "../worker/hall-object/storage.js";
import { demoConfig } from "../worker/demo/hall.js";
import type { HallObject } from "../worker/hall-object/index.js";
import { call, issue, MORNING, newHall, openFeed, ORIGIN, snapshot } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
const DAY = 24 * 3600_000;
/** The hall's local day of MORNING (Asia/Shanghai). */
const DAY0 = "2031-03-04";

/** Each hall's clock, moved by its test (the object reads it through this closure). */
const clocks = new Map<string, number>();
async function clockAt(hall: string, at: number): Promise<void> {
  const first = !clocks.has(hall);
  clocks.set(hall, at);
  if (first) await runInDurableObject(stubOf(hall), (o: HallObject) => void (o.clock = () => clocks.get(hall)!));
}

/** Moves the hall's clock to `at` and runs its alarm until the archives stop growing (a backlog takes several wakes). */
async function wakeAt(hall: string, at: number): Promise<void> {
  await clockAt(hall, at);
  let before = -1;
  for (let wake = 0; wake < 40; wake++) {
    await runDurableObjectAlarm(stubOf(hall));
    const count = (await archives(hall)).archives.length;
    if (count === before) return;
    before = count;
    clocks.set(hall, clocks.get(hall)! + 10_000); // past the pause between backlog wakes
  }
  throw new Error("the archives never stopped growing");
}

async function archives(hall: string) {
  const res = await call("manager", "GET", `/api/halls/${hall}/archives`);
  expect(res.status).toBe(200);
  return res.body as { archives: any[]; liveFrom: { events: number; audit: number } };
}

/** Rows of a table as the hall holds them, oldest first. */
async function rows(hall: string, sql: string): Promise<Record<string, any>[]> {
  return runInDurableObject(stubOf(hall), (_o: HallObject, state) => state.storage.sql.exec(sql).toArray() as Record<string, any>[]);
}

async function download(url: string, role = "manager") {
  const res = await SELF.fetch(`${ORIGIN}${url}`, { headers: { Authorization: `Bearer dev-${role}` } });
  if (!res.ok) return { res, lines: [] as any[], body: await res.json() };
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  return { res, bytes, lines: text.split("\n").filter(Boolean).map((l) => JSON.parse(l)), body: null };
}

describe("archives of old events", () => {
  it("archives each whole day older than eventDays, prunes exactly those rows, and serves them back row for row", async () => {
    const hall = "archive-events";
    await clockAt(hall, MORNING);
    await newHall(hall);
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { eventDays: 7 })).status).toBe(200);
    await issue(hall, "traffic");
    await issue(hall, "household");
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    // Day 0 as the hall holds it, before anything is archived.
    const day0 = await rows(hall, "SELECT seq, body FROM events ORDER BY seq");
    const audit0 = await rows(hall, "SELECT id FROM audit");

    await wakeAt(hall, MORNING + DAY); // day 1: the midnight rollover
    await issue(hall, "traffic");
    await wakeAt(hall, MORNING + 7 * DAY); // day 0 is still within the 7 days kept
    expect((await archives(hall)).archives).toEqual([]);

    await wakeAt(hall, MORNING + 8 * DAY);
    const list = await archives(hall);
    expect(list.archives).toEqual([
      expect.objectContaining({
        kind: "events",
        day: DAY0,
        part: 1,
        first: day0[0]!.seq,
        last: day0.at(-1)!.seq,
        rows: day0.length,
        url: `/api/halls/${hall}/archives/events/${DAY0}.ndjson.gz`,
      }),
    ]);
    // Exactly day 0's events left the hall; day 1 on stayed; the audit rows (180 days) all stayed.
    const left = await rows(hall, "SELECT seq FROM events ORDER BY seq");
    expect(left[0]!.seq).toBe(day0.at(-1)!.seq + 1);
    expect(list.liveFrom.events).toBe(day0.at(-1)!.seq + 1);
    expect((await rows(hall, "SELECT id FROM audit")).length).toBeGreaterThan(audit0.length);
    expect((await rows(hall, "SELECT MIN(id) AS id FROM audit"))[0]!.id).toBe(audit0[0]!.id);

    const file = await download(list.archives[0].url);
    expect(file.res.status).toBe(200);
    expect(file.res.headers.get("Content-Type")).toBe("application/gzip");
    expect(file.res.headers.get("Content-Encoding")).toBeNull();
    expect(file.res.headers.get("Content-Disposition")).toBe(`attachment; filename="${hall}-events-${DAY0}.ndjson.gz"`);
    expect(file.bytes!.byteLength).toBe(list.archives[0].bytes);
    expect(file.lines).toEqual(day0.map((r) => publicEvent(JSON.parse(r.body))));

    // The hall wakes from what is left (the snapshot and the events after it) as it was.
    const live = await snapshot(hall);
    const rebuilt = await runInDurableObject(stubOf(hall), (o: HallObject, state) => JSON.parse(JSON.stringify(snapshotOf(loadState(state.storage.sql, hall), o.clock()))));
    expect(rebuilt).toEqual(live);

    // Day 0's statistics are kept for ever: its rollups outlive its events.
    expect((await rows(hall, `SELECT COUNT(*) AS n FROM stats_rollups WHERE day = '${DAY0}'`))[0]!.n).toBeGreaterThan(0);
    const stats = await call("manager", "GET", `/api/halls/${hall}/stats?from=${DAY0}&to=${DAY0}`);
    expect(stats.status).toBe(200);
    expect(stats.body.total.issued).toBe(2);
  });

  it("says where the live log starts, and answers a seq before it with 410 and the archives' address", async () => {
    const hall = "archive-export";
    await clockAt(hall, MORNING);
    await newHall(hall);
    await call("manager", "PATCH", `/api/halls/${hall}`, { eventDays: 7 });
    await issue(hall, "traffic");
    let res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/events?after=0`, { headers: { Authorization: "Bearer dev-manager" } });
    expect(res.headers.get("X-Tongban-Live-From")).toBe("1");
    expect(res.headers.get("Link")).toBeNull(); // nothing archived yet
    await res.arrayBuffer();

    await wakeAt(hall, MORNING + DAY);
    await issue(hall, "traffic");
    await wakeAt(hall, MORNING + 8 * DAY);
    const { liveFrom } = await archives(hall);
    expect(liveFrom.events).toBeGreaterThan(1);

    const early = await call("manager", "GET", `/api/halls/${hall}/events?after=0`);
    expect(early.status).toBe(410);
    expect(early.body).toEqual({
      code: "archived",
      error: expect.stringContaining(`starts at seq ${liveFrom.events}`),
      details: { after: `at least ${liveFrom.events - 1}`, liveFrom: liveFrom.events, archives: `/api/halls/${hall}/archives` },
    });
    res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/events?after=${liveFrom.events - 1}`, { headers: { Authorization: "Bearer dev-manager" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Tongban-Live-From")).toBe(String(liveFrom.events));
    expect(res.headers.get("Link")).toBe(`</api/halls/${hall}/archives>; rel="archives"`);
    const first = JSON.parse((await res.text()).split("\n")[0]!);
    expect(first.seq).toBe(liveFrom.events);
  });

  it("answers a live feed asking from before the live log with a snapshot that says where the log starts and where the archives are", async () => {
    const hall = "archive-feed";
    await clockAt(hall, MORNING);
    await newHall(hall);
    await call("manager", "PATCH", `/api/halls/${hall}`, { eventDays: 7 });
    await issue(hall, "traffic");
    await wakeAt(hall, MORNING + DAY);
    await issue(hall, "traffic");
    await wakeAt(hall, MORNING + 8 * DAY);
    const { liveFrom } = await archives(hall);
    expect(liveFrom.events).toBeGreaterThan(1);
    const { seq } = await snapshot(hall);

    // since=0: those events are only in the archives now.
    const behind = await openFeed(hall, "&since=0");
    const [first] = await behind.waitFor(1);
    behind.close();
    expect(first).toMatchObject({ type: "snapshot", seq, liveFrom: liveFrom.events, archives: `/api/halls/${hall}/archives` });
    expect(first.state).toHaveProperty("waiting");

    // From where the live log starts: exactly its events, in order, no snapshot.
    const caughtUp = await openFeed(hall, `&since=${liveFrom.events - 1}`);
    const replay = await caughtUp.waitFor(seq - liveFrom.events + 1);
    caughtUp.close();
    expect(replay.map((e) => e.seq)).toEqual(Array.from({ length: seq - liveFrom.events + 1 }, (_, i) => liveFrom.events + i));

    // No since: a plain snapshot, with no pointer (nothing was asked of the past).
    const fresh = await openFeed(hall);
    const [plain] = await fresh.waitFor(1);
    fresh.close();
    expect(plain.type).toBe("snapshot");
    expect(plain).not.toHaveProperty("liveFrom");
    expect(plain).not.toHaveProperty("archives");
  });

  it("a wake whose archive does not read back deletes nothing; the next writes it once, and a rerun adds nothing", async () => {
    const hall = "archive-retry";
    await clockAt(hall, MORNING);
    await newHall(hall);
    await call("manager", "PATCH", `/api/halls/${hall}`, { eventDays: 7 });
    await issue(hall, "traffic");
    const day0 = await rows(hall, "SELECT seq, body FROM events ORDER BY seq");
    await wakeAt(hall, MORNING + DAY);

    // The store takes the file but gives back something else (a torn write, a faulty disk).
    const real = env.MEDIA!;
    await runInDurableObject(stubOf(hall), (o: HallObject) => {
      (o as any).env.MEDIA = new Proxy(real, { get: (b, k) => (k === "get" ? async () => null : (b as any)[k].bind(b)) });
    });
    await clockAt(hall, MORNING + 8 * DAY);
    await runDurableObjectAlarm(stubOf(hall));
    expect((await archives(hall)).archives).toEqual([]);
    expect((await rows(hall, "SELECT seq FROM events ORDER BY seq LIMIT 1"))[0]!.seq).toBe(day0[0]!.seq);

    await runInDurableObject(stubOf(hall), (o: HallObject) => {
      (o as any).env.MEDIA = real;
    });
    await wakeAt(hall, MORNING + 8 * DAY + 2 * 3600_000); // the retry, an hour or more later
    const once = await archives(hall);
    expect(once.archives.map((a) => [a.kind, a.day, a.part, a.rows])).toEqual([["events", DAY0, 1, day0.length]]);
    const file = await download(once.archives[0].url);
    expect(file.lines.map((e) => e.seq)).toEqual(day0.map((r) => r.seq));

    await wakeAt(hall, MORNING + 9 * DAY); // and again the next day: nothing archived twice
    const again = await archives(hall);
    expect(again.archives.filter((a) => a.day === DAY0)).toEqual(once.archives);
    expect((await download(again.archives[0].url)).lines).toEqual(file.lines);
  });

  it("catches up a long backlog over several wakes, a few days each, one file per day", async () => {
    const hall = "archive-backlog";
    await clockAt(hall, MORNING);
    await newHall(hall);
    for (let d = 0; d < 10; d++) {
      await wakeAt(hall, MORNING + d * DAY);
      await issue(hall, "traffic");
    }
    // On day 17, days 0 to 9 are all older than a week: one wake writes at most 4 of them.
    await clockAt(hall, MORNING + 17 * DAY);
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { eventDays: 7 })).status).toBe(200);
    await runDurableObjectAlarm(stubOf(hall));
    expect((await archives(hall)).archives.length).toBe(4);
    await wakeAt(hall, MORNING + 17 * DAY + 10_000);
    const days = (await archives(hall)).archives.map((a) => a.day);
    expect(days).toEqual(Array.from({ length: 10 }, (_, d) => new Date(Date.parse(`${DAY0}T00:00:00Z`) + d * DAY).toISOString().slice(0, 10)));
  });
});

describe("the archive routes", () => {
  it("answer an archive the hall does not list, a bad file name and an unknown hall with clear JSON refusals", async () => {
    const hall = "archive-missing";
    await clockAt(hall, MORNING);
    await newHall(hall);
    const unknown = await download(`/api/halls/${hall}/archives/events/2031-03-04.ndjson.gz`);
    expect(unknown.res.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "not_found", details: { kind: "events", file: "2031-03-04.ndjson.gz" } });
    const later = await download(`/api/halls/${hall}/archives/audit/2031-03-04.2.ndjson.gz`);
    expect(later.res.status).toBe(404);
    for (const bad of ["2031-03-04.ndjson", "2031-03-04.1.ndjson.gz", "latest.ndjson.gz"]) {
      const res = await call("manager", "GET", `/api/halls/${hall}/archives/events/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.code, bad).toBe("invalid");
      expect(res.body.details.file, bad).toBeDefined();
    }
    expect((await call("manager", "GET", `/api/halls/${hall}/archives/tickets/2031-03-04.ndjson.gz`)).status).toBe(400);
    expect((await call("manager", "GET", "/api/halls/no-such-hall-here/archives")).status).toBe(404);
    expect(await archives(hall)).toEqual({ archives: [], liveFrom: { events: 1, audit: 1 } });
  });
});

describe("audit rows", () => {
  it("are kept 180 days by default, the least a hall may set, then archived and pruned", async () => {
    const hall = "archive-audit";
    await clockAt(hall, MORNING);
    await newHall(hall);
    await issue(hall, "traffic");
    const day0 = await rows(hall, "SELECT id, at, action FROM audit ORDER BY id");

    await wakeAt(hall, MORNING + 180 * DAY); // the 180th day after: day 0 is still kept
    expect((await archives(hall)).archives.filter((a) => a.kind === "audit")).toEqual([]);
    expect((await rows(hall, "SELECT MIN(id) AS id FROM audit"))[0]!.id).toBe(day0[0]!.id);

    await wakeAt(hall, MORNING + 181 * DAY);
    const audit = (await archives(hall)).archives.filter((a) => a.kind === "audit");
    expect(audit).toEqual([expect.objectContaining({ day: DAY0, part: 1, rows: day0.length, first: day0[0]!.id, last: day0.at(-1)!.id })]);
    const file = await download(audit[0].url);
    expect(file.lines.map((r) => [r.id, r.at, r.action])).toEqual(day0.map((r) => [r.id, r.at, r.action]));
    expect((await rows(hall, "SELECT MIN(id) AS id FROM audit"))[0]!.id).toBe(day0.at(-1)!.id + 1);
  });
});

describe("retention settings", () => {
  it("refuses a bad value with a 400 naming the field and the legal bound, and changes nothing", async () => {
    const hall = "archive-settings";
    await clockAt(hall, MORNING);
    await newHall(hall);
    const before = await snapshot(hall);
    const tries: [Record<string, unknown>, string, RegExp][] = [
      [{ auditDays: 179 }, "auditDays", /at least 180 days/],
      [{ auditDays: 90, eventDays: 30 }, "auditDays", /at least 180 days/],
      [{ eventDays: 6 }, "eventDays", /at least 7 days/],
      [{ eventDays: 1.5 }, "eventDays", /int/i],
      [{ replyHours: 1 }, "replyHours", /at least 24 hours/],
      [{ replyHours: "48" }, "replyHours", /number/i],
    ];
    for (const [body, field, says] of tries) {
      const res = await call("manager", "PATCH", `/api/halls/${hall}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe("invalid");
      expect(res.body.details[field]).toMatch(says);
    }
    const put = await call("admin", "PUT", `/api/halls/${hall}`, { ...demoConfig(), name: "test archive-settings", auditDays: 30 });
    expect(put.status).toBe(400);
    expect(put.body.details.auditDays).toMatch(/at least 180 days/);
    expect((await snapshot(hall)).seq).toBe(before.seq);

    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { replyHours: 72, eventDays: 30, auditDays: 365 })).status).toBe(200);
    expect((await snapshot(hall)).seq).toBe(before.seq + 1);
  });
});
