/**
 * Issue 16, part 3: the event log exported as NDJSON for archives and audits — every event in seq
 * order, paged with `after` and the next-after header, without citizens' ID marks, and clear 400s
 * for a limit or cursor out of range.
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { call, issue, newHall, ORIGIN, snapshot } from "./helpers.js";

const ID = "11010519491231002X";
const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

async function exportPage(hall: string, query: string, role = "manager") {
  const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/events${query}`, { headers: { Authorization: `Bearer dev-${role}` } });
  const text = new TextDecoder().decode(await res.arrayBuffer());
  const events = res.ok ? text.split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
  return { res, text, events, body: res.ok ? null : JSON.parse(text) };
}

/** Pause and resume window 1 `n` times, straight in the hall: 2n window.updated events, fast. */
async function busyLog(hall: string, n: number): Promise<void> {
  await runInDurableObject(stubOf(hall), async (o: HallObject) => {
    const actor = { role: "manager", name: "test", device: null };
    for (let i = 0; i < n; i++) {
      await o.execute({ hall, command: { type: "pause", window: "1" }, actor });
      await o.execute({ hall, command: { type: "resume", window: "1" }, actor });
    }
  });
}

describe("the event log export", () => {
  it("gives every event in seq order as NDJSON, paged by after and the next-after header", async () => {
    const hall = await newHall("export-pages");
    for (let i = 0; i < 5; i++) await issue(hall, "household");
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    const head = (await snapshot(hall)).seq;

    const all = await exportPage(hall, "");
    expect(all.res.status).toBe(200);
    expect(all.res.headers.get("Content-Type")).toContain("application/x-ndjson");
    expect(all.events.map((e) => e.seq)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(all.events[0].type).toBe("hall.configured");
    expect(all.events.at(-1).type).toBe("ticket.called");
    expect(all.res.headers.get("X-Tongban-Next-After")).toBe(String(head));
    expect(all.res.headers.get("Link")).toBeNull();

    const seen: number[] = [];
    let after = 0;
    for (let pages = 0; pages < 10; pages++) {
      const page = await exportPage(hall, `?after=${after}&limit=3`);
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events.map((e) => e.seq));
      const next = Number(page.res.headers.get("X-Tongban-Next-After"));
      if (next < head) expect(page.res.headers.get("Link")).toBe(`</api/halls/${hall}/events?after=${next}&limit=3>; rel="next"`);
      if (next === after) break;
      after = next;
    }
    expect(seen).toEqual(all.events.map((e) => e.seq));
    // The log's end: an empty page that says to ask again from the same place.
    const end = await exportPage(hall, `?after=${head}`);
    expect(end.text).toBe("");
    expect(end.res.headers.get("X-Tongban-Next-After")).toBe(String(head));
  });

  it("streams a page of thousands of events whole and in order", async () => {
    const hall = await newHall("export-big");
    await busyLog(hall, 700);
    const head = (await snapshot(hall)).seq;
    expect(head).toBeGreaterThan(1400);
    const page = await exportPage(hall, "?after=0&limit=10000");
    expect(page.events.length).toBe(head);
    expect(page.events.every((e, i) => e.seq === i + 1)).toBe(true);
    const part = await exportPage(hall, "?after=100&limit=1200");
    expect(part.events.map((e) => e.seq)).toEqual(Array.from({ length: 1200 }, (_, i) => 101 + i));
    expect(part.res.headers.get("X-Tongban-Next-After")).toBe("1300");
  });

  it("leaves out the citizen's ID mark", async () => {
    const hall = await newHall("export-marks");
    const kiosk = await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "household", idNumber: ID });
    expect(kiosk.status).toBe(201);
    const mark = await runInDurableObject(stubOf(hall), (_o, state) =>
      state.storage.sql.exec<{ h: string }>("SELECT json_extract(body, '$.ticket.citizen.idHash') AS h FROM events WHERE type = 'ticket.issued'").one().h,
    );
    expect(mark).toMatch(/\w{16,}/);
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    await call("counter", "POST", `/api/halls/${hall}/windows/1/finish`);
    const { text, events } = await exportPage(hall, "");
    expect(events.map((e) => e.type)).toContain("ticket.finished");
    expect(text).not.toMatch(/"citizen"|idHash|idLast4|002X/);
    expect(text).not.toContain(mark);
  });

  it("refuses a limit or cursor out of range with a 400 naming it", async () => {
    const hall = await newHall("export-limits");
    const head = (await snapshot(hall)).seq;
    for (const [query, field] of [
      ["?limit=0", "limit"],
      ["?limit=10001", "limit"],
      ["?limit=ten", "limit"],
      ["?after=-1", "after"],
      ["?after=1.5", "after"],
      [`?after=${head + 1}`, "after"],
    ] as const) {
      const { res, body } = await exportPage(hall, query);
      expect(res.status, query).toBe(400);
      expect(Object.keys(body.details), query).toEqual([field]);
    }
    expect((await exportPage(hall, "?limit=10000")).res.status).toBe(200);
    expect((await exportPage("export-nowhere", "")).res.status).toBe(404);
    expect((await exportPage(hall, "", "counter")).res.status).toBe(403);
    expect((await exportPage(hall, "", "admin")).res.status).toBe(200);
  });
});
