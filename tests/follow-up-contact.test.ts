/**
 * Issue 25 item 5: after a 差评 the evaluator may take a call-back number. It is kept until the
 * follow-up is done plus 30 days (the hall's daily alarm forgets it, on an injected clock), shown
 * whole only on the open follow-up a manager calls from, masked everywhere else, and never in an
 * event, feed, audit row or export; a bad number is a 400 that changes nothing.
 */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { maskMobile } from "../worker/ratings/contact.js";
import { call, MORNING, newHall, snapshot } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
const DAY = 24 * 3600_000;
const MOBILE = "13812345678";

/** The hall's clock, moved by the test (the object reads it through this closure). */
let now = MORNING;

async function poorRatingAtFive(name: string): Promise<{ hall: string; ticket: string }> {
  now = MORNING;
  await runInDurableObject(stubOf(name), (o: HallObject) => {
    o.clock = () => now;
  });
  const hall = await newHall(name);
  const issued = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
  await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
  await call("counter", "POST", `/api/halls/${hall}/windows/5/finish`);
  expect((await call("display", "POST", `/api/halls/${hall}/windows/5/evaluation`, { score: 1, reasons: ["attitude"] })).status).toBe(201);
  return { hall, ticket: issued.body.ticket.id };
}

const leave = (hall: string, body: unknown, window = "5") => call("display", "PUT", `/api/halls/${hall}/windows/${window}/evaluation/contact`, body);
const openList = async (hall: string) => (await call("manager", "GET", `/api/halls/${hall}/follow-ups?state=all`)).body.followUps;
async function storedMobile(hall: string): Promise<unknown[]> {
  return runInDurableObject(stubOf(hall), (_o: HallObject, state) => state.storage.sql.exec("SELECT mobile FROM follow_ups").toArray().map((r) => r.mobile));
}

describe("the call-back number after a 差评", () => {
  it("masks a number as 138****5678", () => {
    expect(maskMobile("13812345678")).toBe("138****5678");
    expect(maskMobile("19900001111")).toBe("199****1111");
  });

  it("is whole only on the open follow-up the manager calls from; masked in the reply, the done list; in no event, audit row or export", async () => {
    const { hall, ticket } = await poorRatingAtFive("contact-shown");
    const given = await leave(hall, { ticket, mobile: MOBILE });
    expect(given.status).toBe(200);
    expect(given.body).toEqual({ followUp: { number: "C001", mobile: "138****5678" } });

    const [open] = await openList(hall);
    expect(open).toMatchObject({ number: "C001", mobile: "138****5678", callNumber: MOBILE });

    const audit = await call("manager", "GET", `/api/halls/${hall}/audit?limit=20`);
    expect(audit.body.entries[0]).toMatchObject({ action: "follow_up_contact", target: "C001" });
    const events = await call("manager", "GET", `/api/halls/${hall}/events?limit=200`);
    expect(events.status).toBe(200);
    for (const place of [JSON.stringify(audit.body), JSON.stringify(events.body), JSON.stringify(await snapshot(hall))]) expect(place).not.toContain(MOBILE);

    await call("manager", "PATCH", `/api/halls/${hall}/follow-ups/${open.id}`, { state: "done", note: "已致电致歉" });
    const [done] = await openList(hall);
    expect(done).toMatchObject({ state: "done", mobile: "138****5678" });
    expect(done).not.toHaveProperty("callNumber");
    expect(JSON.stringify(await openList(hall))).not.toContain(MOBILE);
  });

  it("is forgotten by the daily alarm 30 days after the follow-up is done, not before, and kept while it is open", async () => {
    const { hall, ticket } = await poorRatingAtFive("contact-kept");
    await leave(hall, { ticket, mobile: MOBILE });
    now = MORNING + 40 * DAY; // open for 40 days: still needed for the call back
    await runDurableObjectAlarm(stubOf(hall));
    expect(await storedMobile(hall)).toEqual([MOBILE]);

    const [open] = await openList(hall);
    await call("manager", "PATCH", `/api/halls/${hall}/follow-ups/${open.id}`, { state: "done", note: "已回访" });
    now += 29 * DAY;
    await runDurableObjectAlarm(stubOf(hall));
    expect(await storedMobile(hall)).toEqual([MOBILE]);

    now += 2 * DAY; // 31 days after done, and a daily run has come due
    await runDurableObjectAlarm(stubOf(hall));
    expect(await storedMobile(hall)).toEqual([null]);
    expect((await openList(hall))[0]).toMatchObject({ mobile: null });
  });

  it("refuses a bad number with a 400 naming the field, and changes nothing", async () => {
    const { hall, ticket } = await poorRatingAtFive("contact-bad");
    const audit = async () => (await call("manager", "GET", `/api/halls/${hall}/audit?limit=50`)).body.entries.length;
    const before = await audit();
    for (const mobile of ["1381234567", "138123456789", "23812345678", "138-1234-5678", "１３８１２３４５６７８", "", 13812345678]) {
      const res = await leave(hall, { ticket, mobile });
      expect(res.status, String(mobile)).toBe(400);
      expect(res.body.code).toBe("invalid");
      expect(Object.keys(res.body.details)).toEqual(["mobile"]);
      expect(res.body.fields[0]).toMatchObject({ field: "mobile" });
    }
    expect(await storedMobile(hall)).toEqual([null]);
    expect(await audit()).toBe(before);
  });

  it("only for the 差评 just given at this window, within ten minutes; never for a good rating", async () => {
    const { hall, ticket } = await poorRatingAtFive("contact-where");
    expect((await leave(hall, { ticket, mobile: MOBILE }, "4")).status).toBe(404);
    expect((await leave(hall, { ticket: "nope", mobile: MOBILE })).status).toBe(404);
    expect((await call("kiosk", "PUT", `/api/halls/${hall}/windows/5/evaluation/contact`, { ticket, mobile: MOBILE })).status).toBe(403);
    now += 11 * 60_000;
    const late = await leave(hall, { ticket, mobile: MOBILE });
    expect(late.status).toBe(409);
    expect(await storedMobile(hall)).toEqual([null]);
  });
});
