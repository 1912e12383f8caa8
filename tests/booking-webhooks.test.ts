/**
 * Reminders through the hall's webhooks (issue 26 item 3): `booking.made` and `booking.cancelled`
 * for a citizen's own booking, `ticket.near` for a ticket from home — the mobile number only in
 * deliveries of a webhook that has `mobile` on, and the booking page saying so while one has.
 */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, MORNING, newHall } from "./helpers.js";
import { installReceivers, receiver } from "./webhook-receiver.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
/** Tuesday 2031-03-04 08:00 in Shanghai: every half hour of the next days is ahead. */
const EIGHT = MORNING - 3_600_000;

beforeAll(installReceivers);
afterAll(() => vi.restoreAllMocks());

function idNumber(n: number): string {
  const body = `11010519800101${String(n).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

async function setClock(hall: string, at: number): Promise<void> {
  await runInDurableObject(stubOf(hall), (o: { clock: () => number }) => {
    o.clock = () => at;
  });
}

const EVENTS = ["booking.made", "booking.cancelled", "ticket.near"];

describe("booking and reminder webhooks", () => {
  it("send booking.made, booking.cancelled and ticket.near, with the mobile only where the webhook turned it on", async () => {
    const hall = "booking-hooks";
    await setClock(hall, EIGHT);
    await newHall(hall, (c) => {
      c.windows = [{ id: "1", number: 1, label: "交管", categories: ["traffic"], state: "open" }];
    });
    const sms = receiver("booking-sms");
    const plain = receiver("booking-plain");
    expect((await call("manager", "POST", `/api/halls/${hall}/webhooks`, { url: sms.url, events: EVENTS, mobile: true })).body.webhook.mobile).toBe(true);
    expect((await call("manager", "POST", `/api/halls/${hall}/webhooks`, { url: plain.url, events: EVENTS })).body.webhook.mobile).toBe(false);
    expect((await call("manager", "POST", `/api/halls/${hall}/webhooks`, { url: plain.url, events: EVENTS, mobile: "yes" })).status).toBe(400);

    // The booking page tells the citizen the number goes to the hall's SMS service.
    expect((await call(null, "GET", `/halls/${hall}/book?category=traffic`)).body).toContain("短信提醒");

    const made = await call(null, "POST", `/api/halls/${hall}/bookings`, { category: "traffic", date: "2031-03-05", from: "09:00", idNumber: idNumber(1), mobile: "13812345678" }, { "CF-Connecting-IP": "198.51.100.1" });
    expect(made.status).toBe(201);
    const token = new URL(made.body.statusUrl).pathname;
    expect((await call(null, "POST", `${token}/cancel`)).body).toContain("预约已取消"); // redirected to the status page
    const joined = await call(null, "POST", `/api/halls/${hall}/remote-tickets`, { category: "traffic", idNumber: idNumber(2), mobile: "13900001111" }, { "CF-Connecting-IP": "198.51.100.2" });
    expect(joined.status).toBe(201);
    // A booking typed in by a manager is no citizen's: no booking.made.
    expect((await call("manager", "POST", `/api/halls/${hall}/appointments`, { category: "traffic", day: "2031-03-05" })).status).toBe(201);

    expect(await runDurableObjectAlarm(stubOf(hall))).toBe(true);
    const got = async (r: typeof sms) => (await r.waitFor(3)).map((h) => h.json);
    const [toSms, toPlain] = [await got(sms), await got(plain)];
    const booking = { code: made.body.code, day: "2031-03-05", from: "09:00", to: "09:30", category: "traffic" };
    expect(toSms.map((d) => [d.type, d.data.mobile])).toEqual([
      ["booking.made", "13812345678"],
      ["booking.cancelled", "13812345678"],
      ["ticket.near", "13900001111"],
    ]);
    expect(toSms[0]).toMatchObject({ hall, type: "booking.made", id: `${hall}-${toSms[0].seq}-booking.made-${made.body.code}`, data: { booking } });
    expect(toSms[2].data).toMatchObject({ ticket: { number: "C001" }, statusUrl: joined.body.statusUrl });
    expect(toPlain.map((d) => d.type)).toEqual(["booking.made", "booking.cancelled", "ticket.near"]);
    expect(toPlain[0].data).toEqual({ booking });
    for (const d of toPlain) expect(JSON.stringify(d)).not.toMatch(/13812345678|13900001111/);
    expect(sms.received.length + plain.received.length).toBe(6);
  });

  it("remind a booking the evening before at 18:00 and an hour before, once each, on the hall's alarm", async () => {
    const hall = "booking-reminders";
    await setClock(hall, EIGHT);
    await newHall(hall, (c) => {
      c.windows = [{ id: "1", number: 1, label: "交管", categories: ["traffic"], state: "open" }];
    });
    const sms = receiver("reminder-sms");
    expect((await call("manager", "POST", `/api/halls/${hall}/webhooks`, { url: sms.url, events: ["booking.reminder"], mobile: true })).status).toBe(201);
    const made = await call(null, "POST", `/api/halls/${hall}/bookings`, { category: "traffic", date: "2031-03-05", from: "10:00", idNumber: idNumber(3), mobile: "13812345678" }, { "CF-Connecting-IP": "198.51.100.3" });
    expect(made.status).toBe(201);

    const fire = async (local: string) => {
      await setClock(hall, Date.parse(`${local}+08:00`));
      await runDurableObjectAlarm(stubOf(hall));
    };
    await fire("2031-03-04T17:59:00");
    expect(sms.received).toEqual([]);
    await fire("2031-03-04T18:00:00");
    await sms.waitFor(1);
    await fire("2031-03-04T23:00:00");
    expect(sms.received.length).toBe(1);
    await fire("2031-03-05T09:00:00");
    await sms.waitFor(2);
    await fire("2031-03-05T09:30:00");
    const booking = { code: made.body.code, day: "2031-03-05", from: "10:00", to: "10:30", category: "traffic" };
    expect(sms.received.map((h) => h.json.data)).toEqual([
      { booking, reminder: "evening", mobile: "13812345678" },
      { booking, reminder: "hour", mobile: "13812345678" },
    ]);
    expect(sms.received.map((h) => h.json.type)).toEqual(["booking.reminder", "booking.reminder"]);
  });
});
