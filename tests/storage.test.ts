/**
 * Bounded storage (issue 22): the guard refuses what Cloudflare would, a one-row snapshot from
 * before the entries table upgrades in place, and a 10,000-ticket day stores no big row.
 */
import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { loadState } from "../worker/hall-object/storage.js";
import { PLATFORM_VALUE_LIMIT, refusedWrites } from "../worker/hall-object/guard.js";
import { call, issue, MORNING, newHall, ORIGIN, snapshot } from "./helpers.js";
import { SELF } from "cloudflare:test";

/** A page as a browser gets it. */
async function page(path: string): Promise<{ status: number; text: string }> {
  const res = await SELF.fetch(`${ORIGIN}${path}`);
  return { status: res.status, text: await res.text() };
}

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
/** The storage the object itself writes through (its guarded `ctx`). */
const storageOf = (o: HallObject) => (o as unknown as { ctx: DurableObjectState }).ctx.storage;

/** The largest stored value in bytes, over every table that holds bodies. */
function largestRow(sql: SqlStorage): number {
  const sizes = ["snapshot", "snapshot_entries", "events", "commands"].map(
    (t) => sql.exec<{ n: number | null }>(`SELECT MAX(LENGTH(CAST(body AS BLOB))) AS n FROM ${t}`).one().n ?? 0,
  );
  sizes.push(sql.exec<{ n: number | null }>("SELECT MAX(LENGTH(CAST(detail AS BLOB))) AS n FROM audit").one().n ?? 0);
  return Math.max(...sizes);
}

describe("the storage guard", () => {
  it("refuses a row or value over the platform's 2 MB limit, in workerd too, and writes nothing", async () => {
    const hall = await newHall("storage-guard");
    await issue(hall, "traffic");
    const result = await runInDurableObject(stubOf(hall), async (o: HallObject, state) => {
      const storage = storageOf(o);
      const big = "票".repeat(PLATFORM_VALUE_LIMIT / 3 + 10); // under 2 M characters, over 2 MB of UTF-8
      const before = state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM events").one().n;
      let sqlError = "";
      try {
        storage.sql.exec("INSERT INTO events (seq, type, at, body) VALUES (?, ?, ?, ?)", 999_999, "x", "x", big);
      } catch (e) {
        sqlError = String(e);
      }
      let putError = "";
      try {
        await storage.put("too-big", big);
      } catch (e) {
        putError = String(e);
      }
      storage.sql.exec("CREATE TABLE IF NOT EXISTS guard_probe (body TEXT)");
      storage.sql.exec("INSERT INTO guard_probe (body) VALUES (?)", "x".repeat(1_500_000)); // under the limit: stored
      return {
        sqlError,
        putError,
        events: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM events").one().n - before,
        kv: await state.storage.get("too-big"),
        probe: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM guard_probe").one().n,
      };
    });
    expect(result.sqlError).toMatch(/refused to store a row \(INSERT INTO events…\): \d+ bytes is over the platform's 2000000-byte limit/);
    expect(result.putError).toMatch(/refused to store the value of "too-big"/);
    expect(result).toMatchObject({ events: 0, kv: undefined, probe: 1 });
    expect(refusedWrites.filter((r) => r.hall === hall)).toHaveLength(2);
  });
});

describe("the storage guard on rows that grow in place", () => {
  it("sizes an UPDATE's row as it will be: refuses growing one past the limit, and shapes it cannot size", async () => {
    const hall = await newHall("storage-guard-grow");
    const result = await runInDurableObject(stubOf(hall), async (o: HallObject, state) => {
      const sql = storageOf(o).sql;
      const raw = state.storage.sql;
      const tryIt = (query: string, ...bindings: unknown[]) => {
        try {
          sql.exec(query, ...bindings);
          return "stored";
        } catch (e) {
          return String(e);
        }
      };
      sql.exec("CREATE TABLE IF NOT EXISTS guard_grow (id INTEGER PRIMARY KEY, v TEXT, w TEXT)");
      sql.exec("INSERT INTO guard_grow (id, v, w) VALUES (?, ?, ?)", 1, "x".repeat(1_500_000), "");
      const lengths = () => raw.exec<{ v: number; w: number }>("SELECT LENGTH(v) AS v, LENGTH(w) AS w FROM guard_grow WHERE id = 1").one();
      return {
        // Its bound values are 600 kB; the row it leaves is 2.1 MB.
        appended: tryIt("UPDATE guard_grow SET v = v || ? WHERE id = ?", "y".repeat(600_000), 1),
        // Another column of the same row: the row, not the value, passes the limit.
        beside: tryIt("UPDATE guard_grow SET w = ? WHERE id = ?", "y".repeat(600_000), 1),
        afterRefusals: lengths(),
        small: tryIt("UPDATE guard_grow SET v = v || ? WHERE id = ?", "z", 1),
        afterSmall: lengths(),
        upsert: tryIt("INSERT INTO guard_grow (id, v) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET v = v || excluded.v", 1, "y"),
        copy: tryIt("INSERT INTO guard_grow (id, v) SELECT id + 1, v || v FROM guard_grow"),
        expression: tryIt("INSERT INTO guard_grow (id, v) VALUES (?, printf('%.*c', ?, 'x'))", 3, 3_000_000),
        rows: raw.exec<{ n: number }>("SELECT COUNT(*) AS n FROM guard_grow").one().n,
      };
    });
    expect(result.appended).toMatch(/refused to store a row \(UPDATE guard_grow SET…\): 21000\d\d bytes is over the platform's 2000000-byte limit/);
    expect(result.beside).toMatch(/refused to store a row \(UPDATE guard_grow SET…\): 21000\d\d bytes/);
    expect(result.afterRefusals).toEqual({ v: 1_500_000, w: 0 });
    expect(result.small).toBe("stored");
    expect(result.afterSmall).toEqual({ v: 1_500_001, w: 0 });
    expect(result.upsert).toMatch(/refused to run .*an upsert's DO UPDATE can grow the row it finds/);
    expect(result.copy).toMatch(/refused to run .*an INSERT without VALUES copies rows/);
    expect(result.expression).toMatch(/refused to run .*its VALUES hold an expression/);
    expect(result.rows).toBe(1);
  });
});

describe("storage alarms on the manager console", () => {
  it("shows a refused write in the console's alarms, in Chinese, until a manager acknowledges it, and not the next day", async () => {
    const hall = await newHall("storage-alarm-console");
    let now = MORNING;
    await runInDurableObject(stubOf(hall), (o: HallObject) => {
      o.clock = () => now;
    });
    const consoleHtml = async () => (await page(`/halls/${hall}/manage?token=dev-manager`)).text;
    expect(await consoleHtml()).not.toContain("存储告警");
    const refused = await runInDurableObject(stubOf(hall), (o: HallObject) => {
      try {
        storageOf(o).sql.exec("INSERT INTO events (seq, type, at, body) VALUES (?, ?, ?, ?)", 999_999, "x", "x", "x".repeat(PLATFORM_VALUE_LIMIT + 1));
        return "stored";
      } catch (e) {
        return String(e);
      }
    });
    expect(refused).toMatch(/refused to store/);
    const shown = await consoleHtml();
    expect(shown).toContain("存储告警：09:00 一次写入被拒绝（2.0 MB，超过平台单行 2 MB 上限），请联系运维");
    expect(shown).toMatch(/<li data-alert="storage"/);
    // It stays after the hall is evicted and woken.
    await evictDurableObject(stubOf(hall));
    await runInDurableObject(stubOf(hall), (o: HallObject) => {
      o.clock = () => now;
    });
    expect(await consoleHtml()).toContain("存储告警");
    expect((await call("counter", "POST", `/api/halls/${hall}/storage-alarms/acknowledge`, {})).status).toBe(403);
    expect((await call("manager", "POST", `/api/halls/${hall}/storage-alarms/acknowledge`, {})).body).toEqual({ acknowledged: 1 });
    expect(await consoleHtml()).not.toContain("存储告警");

    // Raised again, it is gone once the hall's day ends.
    await runInDurableObject(stubOf(hall), (o: HallObject) => {
      try {
        storageOf(o).sql.exec("INSERT INTO events (seq, type, at, body) VALUES (?, ?, ?, ?)", 999_999, "x", "x", "x".repeat(PLATFORM_VALUE_LIMIT + 1));
      } catch {
        // refused, as above
      }
    });
    expect(await consoleHtml()).toContain("存储告警");
    now = MORNING + 24 * 3600_000;
    expect(await consoleHtml()).not.toContain("存储告警");
  });
});

describe("upgrading a hall stored as one snapshot row", () => {
  it("loads it with nothing lost and moves its tickets and staff into their own rows", async () => {
    const hall = await newHall("storage-upgrade");
    for (const category of ["traffic", "household", "traffic"]) await issue(hall, category);
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`, {});
    expect((await call("manager", "PUT", `/api/halls/${hall}/staff/lijun`, { name: "李军", badge: "C002" })).status).toBe(201);
    const seen = await snapshot(hall);
    // Write the hall back the way the code before issue 22 did: the whole state in one row, no entries table.
    const old = await runInDurableObject(stubOf(hall), (_o: HallObject, state) => {
      const sql = state.storage.sql;
      const whole = loadState(sql, hall);
      sql.exec("DROP TABLE snapshot_entries");
      sql.exec("INSERT OR REPLACE INTO snapshot (id, seq, body) VALUES (1, ?, ?)", whole.seq, JSON.stringify(whole));
      return whole;
    });
    expect(Object.keys(old.tickets)).toHaveLength(3);
    await evictDurableObject(stubOf(hall));
    expect(await snapshot(hall)).toEqual(seen);
    const after = await runInDurableObject(stubOf(hall), (_o: HallObject, state) => {
      const sql = state.storage.sql;
      const row = JSON.parse(sql.exec<{ body: string }>("SELECT body FROM snapshot").one().body);
      const entries = sql.exec<{ collection: string; key: string }>("SELECT collection, key FROM snapshot_entries ORDER BY collection, key").toArray();
      return { row, entries, state: loadState(sql, hall) };
    });
    expect(after.state).toEqual(old);
    expect(after.row.tickets).toEqual({});
    expect(after.row.staff).toEqual({});
    expect(after.entries.filter((e) => e.collection === "tickets").map((e) => e.key).sort()).toEqual(Object.keys(old.tickets).sort());
    expect(after.entries.filter((e) => e.collection === "staff").map((e) => e.key)).toEqual(["lijun"]);
  });
});

describe("the biggest day", () => {
  it("answers every command of a 10,000-ticket day and stores no row over 1 MiB", { timeout: 600_000 }, async () => {
    const hall = await newHall("storage-biggest-day");
    const outcome = await runInDurableObject(stubOf(hall), async (o: HallObject, state) => {
      let now = MORNING - 30 * 60_000;
      o.clock = () => now;
      const statuses: Record<string, number> = {};
      const count = (s: number) => (statuses[s] = (statuses[s] ?? 0) + 1);
      const windows = ["1", "2", "3", "4", "5", "6"];
      const kiosk = { role: "kiosk", name: "kiosk", device: null };
      const counter = { role: "counter", name: "counter", device: null };
      const serving = new Set<string>();
      for (let i = 0; i < 10_000; i++) {
        now += 2_000; // 10,000 tickets in 5.6 hours
        count((await o.execute({ hall, actor: kiosk, command: { type: "issue", category: i % 2 ? "traffic" : "household" } })).status);
        const window = windows[i % windows.length]!;
        if (serving.has(window)) count((await o.execute({ hall, actor: counter, command: { type: "finish", window } })).status);
        const called = await o.execute({ hall, actor: counter, command: { type: "call", window } });
        count(called.status);
        if (called.body.ticket) serving.add(window);
        else serving.delete(window);
      }
      const sql = state.storage.sql;
      return {
        statuses,
        largest: largestRow(sql),
        snapshotRow: sql.exec<{ n: number }>("SELECT LENGTH(CAST(body AS BLOB)) AS n FROM snapshot").one().n,
        tickets: sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM snapshot_entries WHERE collection = 'tickets'").one().n,
      };
    });
    expect(Object.keys(outcome.statuses).every((s) => Number(s) < 300)).toBe(true);
    expect(outcome.largest).toBeLessThan(1024 * 1024);
    expect(outcome.snapshotRow).toBeLessThan(32 * 1024);
    expect(outcome.tickets).toBeGreaterThan(9_800); // the snapshot is at most 200 events behind
  });
});
