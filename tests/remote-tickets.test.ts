/**
 * Joining today's queue from home (线上取号, issue 26 item 2): a ticket on the way until checked in
 * by its code at the kiosk, stepping back while it is not, expiring with the reason on its status
 * page; the remoteShare cap; one a day per person, a few per client; every bad input a clear 4xx.
 */
import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, MORNING, newHall, snapshot } from "./helpers.js";

/** A valid 18-digit ID number (GB 11643 check digit) for person `n`. */
function idNumber(n: number): string {
  const body = `11010519800101${String(n).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

async function setClock(hall: string, at: number): Promise<void> {
  await runInDurableObject(env.HALL.get(env.HALL.idFromName(hall)), (o: { clock: () => number }) => {
    o.clock = () => at;
  });
}

/** Traffic at one window, nothing else open: the order of calls is plain to read. */
async function trafficHall(name: string, settings: Record<string, unknown> = {}): Promise<string> {
  await setClock(name, MORNING);
  return newHall(name, (c) => {
    c.windows = [{ id: "1", number: 1, label: "交管", categories: ["traffic"], state: "open" }];
    Object.assign(c, settings);
  });
}

const join = (hall: string, body: Record<string, unknown>, client = "198.51.100.7") =>
  call(null, "POST", `/api/halls/${hall}/remote-tickets`, { category: "traffic", mobile: "13812345678", ...body }, { "CF-Connecting-IP": client });
const walkIn = async (hall: string) => (await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" })).body.ticket.number as string;
const callNext = async (hall: string) => (await call("counter", "POST", `/api/halls/${hall}/windows/1/call`, {})).body.ticket?.number as string | undefined;
const statusPage = async (url: string) => (await call(null, "GET", new URL(url).pathname)).body as string;

describe("joining today's queue from home", () => {
  it("gives a code and a status link; checked in at the kiosk by that code, the ticket is called", async () => {
    const hall = await trafficHall("remote-checkin");
    const r = await join(hall, { idNumber: idNumber(1) });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), ticket: { number: "C001", status: "waiting", remote: { holds: 0, arrivedAt: null } }, ahead: 0 });
    expect(r.body.ticket.citizen).toBeUndefined();
    expect(r.body.statusUrl).toMatch(/\/t\/remote-checkin_/);
    const page = await statusPage(r.body.statusUrl);
    expect(page).toContain(r.body.code);
    expect(page).toContain("在途");

    const checkedIn = await call("kiosk", "POST", `/api/halls/${hall}/appointments/${r.body.code}/check-in`, {});
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body.ticket).toMatchObject({ number: "C001", remote: { arrivedAt: new Date(MORNING).toISOString() } });
    await walkIn(hall);
    expect(await callNext(hall)).toBe("C001");
    expect((await call("kiosk", "POST", `/api/halls/${hall}/appointments/${r.body.code}/check-in`, {})).status).toBe(409);
  });

  it("steps back behind the next citizen while not checked in, then expires after remoteHolds, the reason on its status page", async () => {
    const hall = await trafficHall("remote-expire");
    const r = await join(hall, { idNumber: idNumber(2) });
    // Citizens walk in a minute apart; each call comes to the ticket from home first, a minute later.
    const walkIns: string[] = [];
    for (let m = 1; m <= 4; m++) {
      await setClock(hall, MORNING + m * 60_000);
      walkIns.push(await walkIn(hall));
    }
    const called: Array<string | undefined> = [];
    for (let m = 10; m < 13; m++) {
      await setClock(hall, MORNING + m * 60_000);
      called.push(await callNext(hall));
    }
    expect(called).toEqual(walkIns.slice(0, 3));
    expect(await statusPage(r.body.statusUrl)).toContain("已让后面的市民先办 3 次");
    await setClock(hall, MORNING + 13 * 60_000);
    expect(await callNext(hall)).toBe(walkIns[3]); // the fourth time it would be first: it expires
    expect((await snapshot(hall)).waiting.map((t: { number: string }) => t.number)).not.toContain("C001");
    const page = await statusPage(r.body.statusUrl);
    expect(page).toContain("未及时签到，已让号 3 次，号码已失效");
    const late = await call("kiosk", "POST", `/api/halls/${hall}/appointments/${r.body.code}/check-in`, {});
    expect(late.status).toBe(409);
    expect(late.body.error).toContain("expired");
  });

  it("is refused past the service's remoteShare with 409 naming the cap, and nothing changes", async () => {
    const hall = await trafficHall("remote-share", { remoteShare: 0.3 });
    expect((await join(hall, { idNumber: idNumber(3) })).status).toBe(201);
    const before = await snapshot(hall);
    const r = await join(hall, { idNumber: idNumber(4) }, "198.51.100.8");
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: "conflict", details: { cap: "remoteShare", limit: 1, onTheWay: 1, waiting: 1 } });
    const after = await snapshot(hall);
    expect(after.seq).toBe(before.seq);
    expect(after.waiting).toEqual(before.waiting);
  });

  it("takes one ticket from home per person per day, a few per client, and the person's kiosk ticket counts", async () => {
    const hall = await trafficHall("remote-limits", { remoteShare: 1 });
    expect((await join(hall, { idNumber: idNumber(5) })).status).toBe(201);
    const again = await join(hall, { idNumber: idNumber(5) }, "198.51.100.9");
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject({ ticket: "C001" });
    // The kiosk sees the same person: one active ticket per ID number and category.
    expect((await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "traffic", idNumber: idNumber(5) })).status).toBe(409);
    const client = "203.0.113.5";
    for (const n of [6, 7, 10]) expect((await join(hall, { idNumber: idNumber(n) }, client)).status).toBe(201);
    const fourth = await join(hall, { idNumber: idNumber(8) }, client);
    expect(fourth.status).toBe(429);
    expect(fourth.body).toMatchObject({ code: "too_many", details: { limit: 3 } });
  });

  it("keeps each client's count in the hall's storage: evicting the hall does not reset it, and ten minutes do", async () => {
    const hall = await trafficHall("remote-limit-evicted", { remoteShare: 1 });
    const client = "203.0.113.77";
    for (const n of [21, 22, 23]) expect((await join(hall, { idNumber: idNumber(n) }, client)).status).toBe(201);
    await evictDurableObject(env.HALL.get(env.HALL.idFromName(hall)));
    await setClock(hall, MORNING); // an eviction resets the test's clock
    expect((await join(hall, { idNumber: idNumber(24) }, client)).status).toBe(429);
    await setClock(hall, MORNING + 10 * 60_000 + 1);
    expect((await join(hall, { idNumber: idNumber(24) }, client)).status).toBe(201);
  });

  it("answers every bad input with a clear 4xx and changes nothing", async () => {
    const hall = await trafficHall("remote-bad");
    const before = await snapshot(hall);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ idNumber: "110105198001010010" }, 400, "idNumber"],
      [{ idNumber: idNumber(9), mobile: "12345" }, 400, "mobile"],
      [{ idNumber: idNumber(9), category: "Bad Slug!" }, 400, "category"],
      [{ idNumber: idNumber(9), extra: 1 }, 400, ""],
      [{ idNumber: idNumber(9), category: "household" }, 409, "category"], // not served by any open window
      [{ idNumber: idNumber(9), category: "nope" }, 404, "category"],
    ];
    for (const [body, status, field] of cases) {
      const r = await join(hall, body, `192.0.2.${status}`);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(typeof r.body.error).toBe("string");
      if (field) expect(JSON.stringify(r.body.details), JSON.stringify(body)).toContain(field);
    }
    expect((await call(null, "POST", `/api/halls/no-such-hall/remote-tickets`, { category: "traffic", idNumber: idNumber(9), mobile: "13812345678" })).status).toBe(404);
    expect((await snapshot(hall)).seq).toBe(before.seq);
  });
});

describe("a bot from one address (issue 26 item 6, the figure in docs/performance.md)", () => {
  it("gets 5 bookings and 3 tickets from home out of 60 tries each in a minute, with new ID numbers every time", async () => {
    const hall = await trafficHall("remote-bot", { remoteShare: 1, booking: { opens: "09:00", closes: "17:00", days: 7 } });
    const bot = "203.0.113.66";
    const { days } = (await call(null, "GET", `/api/halls/${hall}/booking-slots?date=2000-01-01&category=traffic`)).body;
    const date = days.at(-1);
    const { slots } = (await call(null, "GET", `/api/halls/${hall}/booking-slots?date=${date}&category=traffic`)).body;
    let booked = 0;
    let joined = 0;
    for (let s = 0; s < 60; s++) {
      await setClock(hall, MORNING + s * 1000);
      const slot = slots[s % slots.length].from;
      const b = await call(null, "POST", `/api/halls/${hall}/bookings`, { category: "traffic", date, from: slot, idNumber: idNumber(100 + s), mobile: "13812345678" }, { "CF-Connecting-IP": bot });
      if (b.status === 201) booked++;
      else expect(b.status).toBe(429);
      if ((await join(hall, { idNumber: idNumber(200 + s) }, bot)).status === 201) joined++;
    }
    expect({ booked, joined }).toEqual({ booked: 5, joined: 3 });
  });
});
