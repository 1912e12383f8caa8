/**
 * Appointments a manager lists by day and cancels: a cancelled code stops working at the kiosk,
 * a checked-in one cannot be cancelled, and a code for another day is refused at the kiosk.
 */
import { describe, expect, it } from "vitest";
import { call, newHall, snapshot } from "./helpers.js";

async function book(hall: string, category: string, day?: string) {
  const res = await call("manager", "POST", `/api/halls/${hall}/appointments`, { category, ...(day ? { day } : {}) });
  if (res.status !== 201) throw new Error(`book: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.appointment as { code: string; day: string };
}

describe("appointments", () => {
  it("lists a day's bookings in booking order, and every day from today without a date", async () => {
    const hall = await newHall("appt-list");
    const today = (await snapshot(hall)).hall.day as string;
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const a = await book(hall, "traffic");
    const b = await book(hall, "household", tomorrow);
    const c = await book(hall, "exit-entry");
    const day = await call("manager", "GET", `/api/halls/${hall}/appointments?date=${today}`);
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ date: today, appointments: [{ code: a.code, category: "traffic" }, { code: c.code, category: "exit-entry" }] });
    expect(day.body.appointments).toHaveLength(2);
    const all = await call("manager", "GET", `/api/halls/${hall}/appointments`);
    expect(all.body.appointments.map((x: any) => x.code)).toEqual([a.code, c.code, b.code]);
    expect((await call("manager", "GET", `/api/halls/${hall}/appointments?date=1.12.2026`)).status).toBe(400);
    expect((await call("kiosk", "GET", `/api/halls/${hall}/appointments`)).status).toBe(403);
  });

  it("cancels a booking: its code no longer checks in; a second cancel or an unknown code is 404", async () => {
    const hall = await newHall("appt-cancel");
    const a = await book(hall, "traffic");
    const cancelled = await call("manager", "DELETE", `/api/halls/${hall}/appointments/${a.code}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.appointment.code).toBe(a.code);
    const checkIn = await call("kiosk", "POST", `/api/halls/${hall}/appointments/${a.code}/check-in`);
    expect(checkIn.status).toBe(404);
    expect(checkIn.body.error).toContain("不存在");
    expect((await call("manager", "DELETE", `/api/halls/${hall}/appointments/${a.code}`)).status).toBe(404);
    expect((await call("manager", "DELETE", `/api/halls/${hall}/appointments/12345`)).status).toBe(400);
    expect((await call("counter", "DELETE", `/api/halls/${hall}/appointments/${a.code}`)).status).toBe(403);
    const audit = (await call("manager", "GET", `/api/halls/${hall}/audit?limit=5`)).body.entries;
    expect(audit[0]).toMatchObject({ action: "cancel_appointment", target: `appointment:${a.code}` });
  });

  it("refuses to cancel one already checked in, and changes nothing", async () => {
    const hall = await newHall("appt-checked-in");
    const a = await book(hall, "traffic");
    expect((await call("kiosk", "POST", `/api/halls/${hall}/appointments/${a.code}/check-in`)).status).toBe(201);
    const seq = (await snapshot(hall)).seq;
    const refused = await call("manager", "DELETE", `/api/halls/${hall}/appointments/${a.code}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain("C001");
    expect((await snapshot(hall)).seq).toBe(seq);
  });

  it("refuses at the kiosk a code booked for another day, saying which day", async () => {
    const hall = await newHall("appt-other-day");
    const today = (await snapshot(hall)).hall.day as string;
    const later = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const a = await book(hall, "traffic", later);
    const res = await call("kiosk", "POST", `/api/halls/${hall}/appointments/${a.code}/check-in`);
    expect(res.status).toBe(409);
    expect(res.body.error).toContain(later);
    expect(res.body.details).toEqual({ code: a.code, day: later });
  });
});
