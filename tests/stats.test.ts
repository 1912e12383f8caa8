/**
 * Statistics and advice through the API, against days worked out by hand. The hall's
 * clock is moved with runInDurableObject, as the day crosses midnight.
 */
import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { windowsNeeded } from "../worker/insights/advisor.js";
import { countDuration, noDurations } from "../worker/statistics/durations.js";
import { call, newHall, ORIGIN, type Role } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

/** Sets the hall's clock to `local` ("2031-11-24 09:04"), Shanghai time. */
async function clock(hall: string, local: string): Promise<void> {
  const at = Date.parse(`${local.replace(" ", "T")}:00+08:00`);
  await runInDurableObject(stubOf(hall), (o: HallObject) => {
    o.clock = () => at;
  });
}

/** A demo-like hall whose clock reads `local` from before it is configured, whatever today's date. */
async function hallAt(name: string, local: string): Promise<string> {
  await clock(name, local);
  return newHall(name);
}

async function ok(role: Role | null, method: string, path: string, body?: unknown) {
  const res = await call(role, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const stats = async (hall: string, query: string) => {
  const res = await call("manager", "GET", `/api/halls/${hall}/stats?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const byKey = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

/**
 * Monday 24 November 2031 at a demo hall, officer 黄 signed in at window 5 (交管专窗):
 *
 * | ticket | issued | first call    | wait | service                     | end                       |
 * | C001   | 09:00  | 09:04 at 5    | 4    | called 09:04 → 09:10 = 6    | finished, rated 5         |
 * | C002   | 09:02  | 09:10 at 5    | 8    |                             | no-show 09:11             |
 * | A001   | 09:03  | 09:12 at 1    | 9    | started 09:13 → 09:20 = 7   | finished, rated 3 (phone) |
 * | C003   | 10:05  | 10:06 at 5    | 1    | → 户政 at 10:07; 10:08 at 1 → 10:12 = 4 | finished        |
 */
async function monday(hall: string): Promise<{ statusPath: string }> {
  const at = (time: string) => clock(hall, `2031-11-24 ${time}`);
  const w = (n: number, action: string) => ok("counter", "POST", `/api/halls/${hall}/windows/${n}/${action}`, {});
  await at("08:59");
  await ok("manager", "POST", `/api/halls/${hall}/windows/5/sign-in`, { officer: { name: "黄警官", badge: "450401" } });
  await at("09:00");
  await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
  await at("09:02");
  await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
  await at("09:03");
  const { statusPath } = await ok("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "household" });
  await at("09:04");
  expect((await w(5, "call")).ticket.number).toBe("C001");
  await at("09:10");
  await w(5, "finish");
  expect((await w(5, "call")).ticket.number).toBe("C002");
  await at("09:11");
  await w(5, "no-show");
  await at("09:12");
  expect((await w(1, "call")).ticket.number).toBe("A001");
  await at("09:13");
  await w(1, "start");
  await at("09:20");
  await w(1, "finish");
  await ok("counter", "POST", `/api/halls/${hall}/tickets/C001/rating`, { score: 5 });
  await ok(null, "POST", `/api/t/${statusPath.slice(3)}/rating`, { score: 3 });
  await at("10:05");
  await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
  await at("10:06");
  expect((await w(5, "call")).ticket.number).toBe("C003");
  await at("10:07");
  await ok("counter", "POST", `/api/halls/${hall}/tickets/C003/transfer`, { category: "household" });
  await at("10:08");
  expect((await w(1, "call")).ticket.number).toBe("C003");
  await at("10:12");
  await w(1, "finish");
  return { statusPath };
}

/** Past local midnight: the hall's alarm ends the day. */
async function midnight(hall: string, day: string): Promise<void> {
  await clock(hall, `${day} 00:00`);
  expect(await runDurableObjectAlarm(stubOf(hall))).toBe(true);
}

describe("statistics through the API", () => {
  it("gives a hand-computed day by category, window, officer and hour", async () => {
    const hall = await hallAt("stats-monday", "2031-11-24 08:00");
    await monday(hall);
    const day = "from=2031-11-24&to=2031-11-24";
    const cat = await stats(hall, `${day}&by=category`);
    expect(cat).toMatchObject({ hall, today: "2031-11-24", from: "2031-11-24", to: "2031-11-24", by: "category", per: "range", pendingDays: [] });
    const c = byKey(cat.rows);
    expect(Object.keys(c)).toEqual(["household", "traffic"]);
    expect(c.traffic).toMatchObject({ label: "交管", issued: 3, served: 1, noShows: 1, transfers: 1, satisfaction: { meanScore: 5, count: 1 } });
    // waits 1, 4, 8: median rank 2; p90 rank ⌈2.7⌉ = 3
    expect(c.traffic.wait).toEqual({ count: 3, meanMinutes: 4.33, medianMinutes: 4, p90Minutes: 8, maxMinutes: 8 });
    expect(c.traffic.service).toEqual({ count: 1, meanMinutes: 6, medianMinutes: 6, p90Minutes: 6, maxMinutes: 6 });
    expect(c.household).toMatchObject({ label: "户政", issued: 1, served: 2, noShows: 0, transfers: 0, satisfaction: { meanScore: 3, count: 1 } });
    expect(c.household.wait).toEqual({ count: 1, meanMinutes: 9, medianMinutes: 9, p90Minutes: 9, maxMinutes: 9 });
    // services 4 (C003) and 7 (A001): median rank 1; p90 rank ⌈1.8⌉ = 2
    expect(c.household.service).toEqual({ count: 2, meanMinutes: 5.5, medianMinutes: 4, p90Minutes: 7, maxMinutes: 7 });
    // the hall: waits 1, 4, 8, 9 → p90 rank ⌈3.6⌉ = 4; services 4, 6, 7
    expect(cat.total).toMatchObject({ key: "all", issued: 4, served: 3, noShows: 1, transfers: 1, satisfaction: { meanScore: 4, count: 2 } });
    expect(cat.total.wait).toEqual({ count: 4, meanMinutes: 5.5, medianMinutes: 4, p90Minutes: 9, maxMinutes: 9 });
    expect(cat.total.service).toEqual({ count: 3, meanMinutes: 5.67, medianMinutes: 6, p90Minutes: 7, maxMinutes: 7 });

    const win = byKey((await stats(hall, `${day}&by=window`)).rows);
    expect(win["5"]).toMatchObject({ label: "5 交管专窗", issued: 0, served: 1, noShows: 1, transfers: 1, wait: { count: 3, meanMinutes: 4.33 } });
    expect(win["1"]).toMatchObject({ label: "1 三合一综合窗口", served: 2, wait: { count: 1, meanMinutes: 9 }, satisfaction: { meanScore: 3, count: 1 } });
    const officers = byKey((await stats(hall, `${day}&by=officer`)).rows);
    expect(officers["450401"]).toMatchObject({ label: "黄警官", served: 1, noShows: 1, transfers: 1, satisfaction: { meanScore: 5, count: 1 } });
    expect(officers[""]).toMatchObject({ label: "nobody signed in", served: 2 });
    const hours = await stats(hall, `${day}&by=hour`);
    expect(hours.rows.map((r: any) => [r.key, r.label, r.issued, r.served, r.noShows, r.transfers])).toEqual([
      ["09", "09:00–10:00", 3, 2, 1, 0],
      ["10", "10:00–11:00", 1, 1, 0, 1],
    ]);
  });

  it("defaults to today by category, and names bad queries", async () => {
    const hall = await hallAt("stats-defaults", "2031-11-24 09:00");
    await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "security" });
    const today = await stats(hall, "");
    expect(today).toMatchObject({ from: "2031-11-24", to: "2031-11-24", by: "category", rows: [{ key: "security", issued: 1 }] });
    for (const [query, field] of [
      ["from=2026-02-30", "from"],
      ["to=23-11-2026", "to"],
      ["by=staff", "by"],
      ["per=week", "per"],
      ["from=2031-11-25&to=2031-11-24", "from"],
    ]) {
      const res = await call("manager", "GET", `/api/halls/${hall}/stats?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.details, query).toHaveProperty(field!);
    }
    expect((await call("manager", "GET", "/api/halls/no-such-hall/stats")).status).toBe(404);
  });

  it("merges the rows written at midnight with the new day's live tally", async () => {
    const hall = await hallAt("stats-midnight", "2031-11-24 08:00");
    await monday(hall);
    await midnight(hall, "2031-11-25");
    const stored = await runInDurableObject(stubOf(hall), (_o: HallObject, state) => ({
      rows: state.storage.sql.exec("SELECT dimension, day, key FROM stats_rollups ORDER BY dimension, key").toArray(),
      days: state.storage.sql.exec("SELECT day FROM stats_days").toArray(),
    }));
    expect(stored.days).toEqual([{ day: "2031-11-24" }]);
    expect(stored.rows.filter((r) => r.dimension === "category")).toEqual([
      { dimension: "category", day: "2031-11-24", key: "household" },
      { dimension: "category", day: "2031-11-24", key: "traffic" },
    ]);

    // Tuesday: one traffic ticket, waits 3, served 2 at window 5.
    await clock(hall, "2031-11-25 09:00");
    await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await clock(hall, "2031-11-25 09:03");
    await ok("counter", "POST", `/api/halls/${hall}/windows/5/call`, {});
    await clock(hall, "2031-11-25 09:05");
    await ok("counter", "POST", `/api/halls/${hall}/windows/5/finish`, {});

    const both = byKey((await stats(hall, "from=2031-11-24&to=2031-11-25&by=category")).rows);
    expect(both.traffic).toMatchObject({ from: "2031-11-24", to: "2031-11-25", issued: 4, served: 2, noShows: 1 });
    // waits 1, 3, 4, 8: median rank 2; p90 rank 4
    expect(both.traffic.wait).toEqual({ count: 4, meanMinutes: 4, medianMinutes: 3, p90Minutes: 8, maxMinutes: 8 });
    const daily = await stats(hall, "from=2031-11-24&to=2031-11-25&by=category&per=day");
    expect(daily.rows.filter((r: any) => r.key === "traffic").map((r: any) => [r.from, r.issued, r.served])).toEqual([
      ["2031-11-24", 3, 1],
      ["2031-11-25", 1, 1],
    ]);
    expect((await stats(hall, "by=hall")).rows).toMatchObject([{ from: "2031-11-25", issued: 1, served: 1 }]);

    // Waking from eviction rebuilds today's tally from today's events only.
    await evictDurableObject(stubOf(hall));
    await clock(hall, "2031-11-25 09:06");
    expect(byKey((await stats(hall, "from=2031-11-24&to=2031-11-25&by=category")).rows)).toEqual(both);
  });

  it("adds a manual reset's rows to the same day's midnight rows", async () => {
    const hall = await hallAt("stats-manual-reset", "2031-11-24 09:00");
    await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await ok("manager", "POST", `/api/halls/${hall}/reset`, {});
    await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    expect((await stats(hall, "by=hall")).total).toMatchObject({ issued: 3 });
    await midnight(hall, "2031-11-25");
    expect((await stats(hall, "from=2031-11-24&by=hall")).rows).toMatchObject([{ from: "2031-11-24", issued: 3 }]);
  });

  it("counts, once, the days of a hall that ran before statistics were kept", async () => {
    const hall = await hallAt("stats-backfill", "2031-11-24 08:00");
    await monday(hall);
    await midnight(hall, "2031-11-25");
    const before = await stats(hall, "from=2031-11-24&by=window");
    await runInDurableObject(stubOf(hall), (_o: HallObject, state) => {
      state.storage.sql.exec("DELETE FROM stats_rollups");
      state.storage.sql.exec("DELETE FROM stats_days");
    });
    expect((await stats(hall, "from=2031-11-25&by=window")).rows).toEqual([]);
    expect(await stats(hall, "from=2031-11-24&by=window")).toEqual(before);
    const counted = await runInDurableObject(stubOf(hall), (_o: HallObject, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM stats_days").one().n,
    );
    expect(counted).toBe(1);
    expect(await stats(hall, "from=2031-11-24&by=window")).toEqual(before);
  });

  it("answers a year of stored days by category in well under a second", async () => {
    const hall = await hallAt("stats-year", "2032-01-01 09:00");
    const categories = ["household", "exit-entry", "traffic", "security"];
    await runInDurableObject(stubOf(hall), (_o: HallObject, state) => {
      let x = 7;
      const random = () => (x = (x * 16807) % 2147483647) / 2147483647;
      for (let d = 0; d < 365; d++) {
        const day = new Date(Date.UTC(2031, 0, 1 + d)).toISOString().slice(0, 10);
        for (const [i, key] of categories.entries()) {
          const wait = noDurations();
          const service = noDurations();
          const n = [120, 70, 350, 20][i]!;
          for (let k = 0; k < n; k++) {
            countDuration(wait, random() * random() * 40 * 60_000);
            countDuration(service, (2 + random() * 10) * 60_000);
          }
          const rollup = { day, by: "category", key, label: key, issued: n, served: n - 3, noShows: 3, transfers: 1, wait, service, rating: { count: 10, sum: 43 } };
          state.storage.sql.exec("INSERT INTO stats_rollups (dimension, day, key, body) VALUES (?, ?, ?, ?)", "category", day, key, JSON.stringify(rollup));
        }
      }
    });
    const started = performance.now();
    const res = await call("manager", "GET", `/api/halls/${hall}/stats?from=2031-01-01&to=2031-12-31&by=category`);
    const ms = performance.now() - started;
    console.log(JSON.stringify({ test: "stats.year-by-category", days: 365, rows: 365 * categories.length, ms: Math.round(ms) }));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(1000);
    expect(byKey(res.body.rows).traffic).toMatchObject({ issued: 350 * 365, served: 347 * 365, wait: { count: 350 * 365 }, satisfaction: { meanScore: 4.3, count: 3650 } });
  });

  it("exports CSV with a header row and a byte-order mark for Excel", async () => {
    const hall = await hallAt("stats-csv", "2031-11-24 08:00");
    await monday(hall);
    const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/stats.csv?from=2031-11-24&to=2031-11-24&by=category`, {
      headers: { Authorization: "Bearer dev-manager" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="tongban-stats-csv-category-2031-11-24.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe(
      "from,to,by,key,label,issued,served,no_shows,transfers,waits,wait_mean_min,wait_median_min,wait_p90_min,wait_max_min," +
        "service_mean_min,service_median_min,service_p90_min,service_max_min,satisfaction_mean,ratings,good_rate_pct,bad_ratings",
    );
    expect(lines[1]).toBe("2031-11-24,2031-11-24,category,household,户政,1,2,0,0,1,9,9,9,9,5.5,4,7,7,3,1,0,0");
    expect(lines[2]).toBe("2031-11-24,2031-11-24,category,traffic,交管,3,1,1,1,3,4.33,4,8,8,6,6,6,6,5,1,100,0");
    expect(lines.slice(3)).toEqual([""]);
    const bad = await call("manager", "GET", `/api/halls/${hall}/stats.csv?by=nope`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("Content-Type")).toContain("application/json");
  });

  it("lets managers and admins read statistics and advice, and nobody else", async () => {
    const hall = await newHall("stats-roles");
    for (const path of ["stats", "stats.csv", "advice"]) {
      for (const role of ["counter", "kiosk", "display"] as const) {
        const res = await call(role, "GET", `/api/halls/${hall}/${path}`);
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(res.body.code).toBe("forbidden");
      }
      expect((await call(null, "GET", `/api/halls/${hall}/${path}`)).status).toBe(401);
      for (const role of ["manager", "admin"] as const) expect((await call(role, "GET", `/api/halls/${hall}/${path}`)).status).toBe(200);
    }
  });
});

describe("the staffing advice", () => {
  it("answers live per category and for the day, with Erlang C on the last hour's arrivals", async () => {
    const hall = await hallAt("advice-live", "2031-11-24 09:00");
    for (let i = 0; i < 30; i++) await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await clock(hall, "2031-11-24 09:30");
    const advice = await ok("manager", "GET", `/api/halls/${hall}/advice`);
    expect(advice).toMatchObject({ hall, day: "2031-11-24", targets: { targetWaitMinutes: 8.2, alarmMinutes: 10, withinAlarm: 0.9 } });
    const traffic = advice.live.categories.find((c: any) => c.category === "traffic");
    // 30 arrivals in the last hour at the configured 4 minutes: Erlang C's answer.
    const expected = windowsNeeded({ arrivalsPerHour: 30, serviceMinutes: 4 }, { targetWaitMinutes: 8.2, alarmMinutes: 10 });
    expect(traffic).toMatchObject({ name: "交管", arrivalsLastHour: 30, serviceMinutes: 4, waiting: 30, openWindows: 6, windows: expected.windows });
    expect(traffic.meanWaitMinutes).toBeLessThanOrEqual(8.2);
    expect(advice.live.categories.find((c: any) => c.category === "household")).toMatchObject({ arrivalsLastHour: 0, windows: 0 });
    expect(advice.live).toMatchObject({ open: 6, needed: expected.windows });
    // No record of last Monday: the day is read from today so far (30 < 100: Laibin opens 50% of 6).
    expect(advice.daily).toMatchObject({
      expectedVolume: 30,
      basis: "today",
      lastWeek: { day: "2031-11-17", issued: null },
      todayIssued: 30,
      laibin: { dailyVolume: 30, windowsInHall: 6, share: 0.5, windows: 3 },
      peak: { hour: "09", basis: "today", arrivals: 30, windows: expected.windows },
    });
  });

  it("expects the day from the same weekday last week, and shows it on the data wall", async () => {
    const hall = await hallAt("advice-last-week", "2031-11-17 09:00");
    for (let i = 0; i < 3; i++) await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
    await clock(hall, "2031-11-17 11:00");
    await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
    await midnight(hall, "2031-11-24");
    await clock(hall, "2031-11-24 08:30");
    await ok("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    const { daily } = await ok("manager", "GET", `/api/halls/${hall}/advice`);
    expect(daily).toMatchObject({ expectedVolume: 5, basis: "last_week", lastWeek: { day: "2031-11-17", issued: 5 }, todayIssued: 1 });
    // Last Monday's busiest hour, 09:00, had 4 of its 5 tickets; split 3 traffic : 2 household over the day.
    expect(daily.peak).toMatchObject({ hour: "09", basis: "last_week", arrivals: 4 });
    expect(Object.fromEntries(daily.peak.categories.map((c: any) => [c.category, c.arrivals]))).toMatchObject({ traffic: 2.4, household: 1.6 });
    const wall = await (await SELF.fetch(`${ORIGIN}/halls/${hall}/dashboard?token=dev-display`)).text();
    expect(wall).toContain("上周同日 5 张");
  });
});
