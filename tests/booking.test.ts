/**
 * Citizens booking from their phones (issue 26): the half hours offered come from capacity, the
 * (capacity+1)-th is refused with nothing changed, one booking per person per day, the no-show
 * block and its end, every bad input a 4xx; the code checks in at the kiosk.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { idNumber, setClock, trafficHall } from "./booking-setup.js";
import { call, ORIGIN } from "./helpers.js";

const slots = (hall: string, date: string, category = "traffic") => call(null, "GET", `/api/halls/${hall}/booking-slots?date=${date}&category=${category}`);
const book = (hall: string, body: Record<string, unknown>, client = "198.51.100.1") =>
  call(null, "POST", `/api/halls/${hall}/bookings`, { category: "traffic", date: "2031-03-05", from: "09:00", mobile: "13812345678", ...body }, { "CF-Connecting-IP": client });

describe("booking a half hour", () => {
  it("offers the usual opening's half hours with their capacity, and the next seven open days", async () => {
    const hall = await trafficHall("book-usual");
    const r = await slots(hall, "2031-03-05");
    expect(r.status).toBe(200);
    expect(r.body.days).toEqual(["2031-03-04", "2031-03-05", "2031-03-06", "2031-03-07", "2031-03-10", "2031-03-11", "2031-03-12"]);
    expect(r.body.slots).toEqual(
      ["09:00", "09:30", "10:00", "10:30"].map((from, i) => ({ from, to: ["09:30", "10:00", "10:30", "11:00"][i], capacity: 2, booked: 0, open: true, blocked: null, block: null })),
    );
    expect((await slots(hall, "2031-03-08")).body.slots).toEqual([]); // a Saturday
  });

  it("takes capacity from the day's saved plan instead", async () => {
    const hall = await trafficHall("book-plan");
    const plan = await call("manager", "PUT", `/api/halls/${hall}/plan/2031-03-05`, {
      windows: [{ id: "1", categories: ["traffic"], shifts: [{ opens: "10:00", closes: "12:00" }] }],
      basedOn: [],
    });
    expect(plan.status).toBe(201);
    const r = await slots(hall, "2031-03-05");
    // One window, 30 minutes ÷ 15 × 0.5 = 1 a half hour, from 10:00 to 12:00.
    expect(r.body.slots.map((s: any) => [s.from, s.capacity])).toEqual([
      ["10:00", 1],
      ["10:30", 1],
      ["11:00", 1],
      ["11:30", 1],
    ]);
    expect((await book(hall, { idNumber: idNumber(1), from: "09:00" })).status).toBe(400);
    expect((await book(hall, { idNumber: idNumber(1), from: "11:30" })).status).toBe(201);
  });

  it("refuses the (capacity+1)-th booking of a half hour with 409, and changes nothing", async () => {
    const hall = await trafficHall("book-full");
    for (const n of [1, 2]) expect((await book(hall, { idNumber: idNumber(n) }, `198.51.100.${n}`)).status).toBe(201);
    const before = (await call("manager", "GET", `/api/halls/${hall}/appointments?date=2031-03-05`)).body.appointments;
    const third = await book(hall, { idNumber: idNumber(3) }, "198.51.100.3");
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ code: "conflict", details: { from: "full" } });
    expect((await call("manager", "GET", `/api/halls/${hall}/appointments?date=2031-03-05`)).body.appointments).toEqual(before);
    expect((await slots(hall, "2031-03-05")).body.slots[0]).toEqual({ from: "09:00", to: "09:30", capacity: 2, booked: 2, open: false, blocked: null, block: null });
    // The same person may still book the next half hour.
    expect((await book(hall, { idNumber: idNumber(3), from: "09:30" }, "198.51.100.3")).status).toBe(201);
  });

  it("allows one booking per person per hall per day; a cancelled one frees the person and the place", async () => {
    const hall = await trafficHall("book-once");
    const first = await book(hall, { idNumber: idNumber(7) });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ date: "2031-03-05", from: "09:00", to: "09:30", category: "traffic" });
    expect(first.body.code).toMatch(/^\d{6}$/);
    expect(first.body.statusUrl).toMatch(new RegExp(`^${ORIGIN}/b/${hall}_2031-03-05_${first.body.code}_[A-Za-z0-9_-]{22}$`));
    const again = await book(hall, { idNumber: idNumber(7), from: "10:00" });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ date: "one booking per person per day" });
    expect((await book(hall, { idNumber: idNumber(7), date: "2031-03-06" })).status).toBe(201);

    // Cancelling on the status page frees the day for that person.
    const path = new URL(first.body.statusUrl).pathname;
    const cancel = await SELF.fetch(`${ORIGIN}${path}/cancel`, { method: "POST", redirect: "manual" });
    expect(cancel.status).toBe(303);
    const page = await (await SELF.fetch(`${ORIGIN}${path}?lang=en`)).text();
    expect(page).toContain("This booking was cancelled");
    expect(page).not.toContain("13812345678");
    expect((await book(hall, { idNumber: idNumber(7), from: "10:00" })).status).toBe(201);
  });

  it("blocks a person after three no-shows in 180 days, saying until when, and lets them book again after", async () => {
    const hall = await trafficHall("book-noshow", { days: 30 });
    // Three bookings on three Wednesdays, never checked in.
    for (const date of ["2031-03-05", "2031-03-12", "2031-03-19"]) expect((await book(hall, { idNumber: idNumber(9), date })).status).toBe(201);
    await setClock(hall, Date.parse("2031-03-24T08:00:00+08:00"));
    const blocked = await book(hall, { idNumber: idNumber(9), date: "2031-03-26" });
    expect(blocked.status).toBe(403);
    expect(blocked.body.details).toEqual({ until: "2031-09-01", noShows: 3 });
    expect(blocked.body.error).toContain("until 2031-09-01");
    expect((await book(hall, { idNumber: idNumber(10), date: "2031-03-26" })).status).toBe(201);
    // 2031-09-01 is a Monday: the first of the three has aged out.
    await setClock(hall, Date.parse("2031-09-01T08:00:00+08:00"));
    expect((await book(hall, { idNumber: idNumber(9), date: "2031-09-02" })).status).toBe(201);
  });

  it("checks a booking in at the kiosk by its code on its day, and a checked-in booking can no longer be cancelled", async () => {
    const hall = await trafficHall("book-checkin");
    const made = await book(hall, { idNumber: idNumber(4), date: "2031-03-04", from: "10:00" });
    expect(made.status).toBe(201);
    const checkIn = await call("kiosk", "POST", `/api/halls/${hall}/appointments/${made.body.code}/check-in`);
    expect(checkIn.status).toBe(201);
    expect(checkIn.body.ticket).toMatchObject({ category: "traffic", priority: "appointment" });
    const page = await (await SELF.fetch(`${new URL(made.body.statusUrl).pathname.replace(/^/, ORIGIN)}?lang=en`)).text();
    expect(page).toContain("Checked in");
    const cancel = await SELF.fetch(`${ORIGIN}${new URL(made.body.statusUrl).pathname}/cancel`, { method: "POST", redirect: "manual" });
    expect(cancel.status).toBe(303);
    expect((await call("kiosk", "POST", `/api/halls/${hall}/appointments/${made.body.code}/check-in`)).status).toBe(409);
  });

  it("answers every bad input with a clear 4xx and books nothing", async () => {
    const hall = await trafficHall("book-bad");
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ idNumber: "110105194912310021" }, 400, "idNumber"],
      [{ idNumber: idNumber(1), mobile: "12345" }, 400, "mobile"],
      [{ idNumber: idNumber(1), date: "5.3.2031" }, 400, "date"],
      [{ idNumber: idNumber(1), from: "09:15" }, 400, "from"],
      [{ idNumber: idNumber(1), date: "2031-03-08" }, 400, "date"],
      [{ idNumber: idNumber(1), date: "2031-03-03" }, 400, "date"],
      [{ idNumber: idNumber(1), date: "2031-04-30" }, 400, "date"],
      [{ idNumber: idNumber(1), from: "12:00" }, 400, "from"],
      [{ idNumber: idNumber(1), category: "passport" }, 404, "category"],
      [{ idNumber: idNumber(1), extra: 1 }, 400, "extra"],
    ];
    for (const [body, status, field] of cases) {
      const r = await book(hall, body);
      expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), status]);
      expect(r.body.error).toBeTruthy();
      expect(JSON.stringify(r.body.details)).toContain(field === "extra" ? "" : field);
    }
    expect((await call(null, "GET", `/api/halls/${hall}/booking-slots?date=2031-03-05`)).status).toBe(400);
    expect((await call(null, "GET", `/api/halls/${hall}/booking-slots?date=tomorrow&category=traffic`)).status).toBe(400);
    expect((await call(null, "GET", `/api/halls/${hall}/booking-slots?date=2031-03-05&category=nothing`)).status).toBe(404);
    expect((await call(null, "GET", `/api/halls/no-such-hall/booking-slots?date=2031-03-05&category=traffic`)).status).toBe(404);
    expect((await call("manager", "GET", `/api/halls/${hall}/appointments`)).body.appointments).toEqual([]);
    expect((await SELF.fetch(`${ORIGIN}/b/${hall}_2031-03-05_123456_AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
  });

  it("limits one client to five bookings in ten minutes (429), long before a day's places are gone", async () => {
    const hall = await trafficHall("book-abuse", { share: 1 });
    const made: number[] = [];
    for (let n = 1; n <= 8; n++) made.push((await book(hall, { idNumber: idNumber(100 + n), from: n % 2 ? "09:00" : "10:00" }, "203.0.113.9")).status);
    expect(made).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    expect((await book(hall, { idNumber: idNumber(200) }, "203.0.113.10")).status).toBe(201);
  });

  it("keeps the ID number and the mobile number out of the event log and the audit log", async () => {
    const hall = await trafficHall("book-private");
    expect((await book(hall, { idNumber: idNumber(5) })).status).toBe(201);
    const audit = JSON.stringify((await call("manager", "GET", `/api/halls/${hall}/audit?limit=20`)).body);
    const events = await (await SELF.fetch(`${ORIGIN}/api/halls/${hall}/events`, { headers: { Authorization: "Bearer dev-manager" } })).text();
    for (const text of [audit, events]) {
      expect(text).not.toContain("13812345678");
      expect(text).not.toContain(idNumber(5));
    }
    expect(audit).toContain("book_appointment");
  });
});
