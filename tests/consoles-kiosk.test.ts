import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { checkCitizenId } from "../worker/core/citizen-id.js";
import { ticketSecret } from "../worker/access/ticket-token.js";
import { call, newHall, openFeed, ORIGIN, snapshot } from "./helpers.js";

/** GB 11643's own example, and the same number with its check digit changed. */
const ID = "11010519491231002X";
const ID_BAD_CHECK = "110105194912310021";
const ID_OTHER = "440304198506142031";

const take = (hall: string, body: Record<string, unknown>, role: "kiosk" | "manager" | "display" | "counter" = "kiosk") =>
  call(role, "POST", `/api/halls/${hall}/kiosk/tickets`, body);

describe("the PRC ID number (GB 11643)", () => {
  it("accepts a valid number, in any case and with spaces", () => {
    expect(checkCitizenId(ID)).toEqual({ ok: true, id: ID });
    expect(checkCitizenId(" 110105 19491231 002x ")).toEqual({ ok: true, id: ID });
    expect(checkCitizenId(ID_OTHER).ok).toBe(true);
  });

  it("refuses a wrong check digit, a wrong length and an impossible birth date", () => {
    expect(checkCitizenId(ID_BAD_CHECK)).toMatchObject({ ok: false, problem: expect.stringContaining("check digit") });
    expect(checkCitizenId("1101051949123100")).toMatchObject({ ok: false, problem: expect.stringContaining("18") });
    expect(checkCitizenId("110105194902300019")).toMatchObject({ ok: false, problem: expect.stringContaining("birth date") });
  });
});

describe("taking a number at the kiosk", () => {
  it("issues with a status-page link; a display or counter token cannot", async () => {
    const hall = await newHall("kiosk-issue");
    const res = await take(hall, { category: "household", priority: "elderly" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ticket: { number: "A001", priority: "elderly" }, ahead: 0 });
    expect(res.body.statusPath).toMatch(new RegExp(`^/t/${hall}_\\d{8}-A001_[A-Za-z0-9_-]{22}$`));
    expect((await take(hall, { category: "household" }, "display")).status).toBe(403);
    expect((await take(hall, { category: "household" }, "counter")).status).toBe(403);
  });

  it("400 names idNumber with a clear message when the check digit is wrong", async () => {
    const hall = await newHall("kiosk-id-check");
    const res = await take(hall, { category: "household", idNumber: ID_BAD_CHECK });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details)).toEqual(["idNumber"]);
    expect(res.body.details.idNumber).toContain("校验位");
    expect((await snapshot(hall)).waiting).toHaveLength(0);
  });

  it("one active ticket per ID number and category: 409 names the ticket held", async () => {
    const hall = await newHall("kiosk-dedup");
    const first = await take(hall, { category: "traffic", idNumber: ID });
    expect(first.status).toBe(201);
    expect(first.body.ticket.citizen).toBeUndefined(); // no part of the ID number comes back
    expect(JSON.stringify(first.body)).not.toContain("002X");
    const again = await take(hall, { category: "traffic", idNumber: ID.toLowerCase() });
    expect(again.status).toBe(409);
    expect(again.body.details.ticket).toBe("C001");
    expect(again.body.error).toContain("C001");
    expect((await take(hall, { category: "household", idNumber: ID })).status).toBe(201);
    expect((await take(hall, { category: "traffic", idNumber: ID_OTHER })).status).toBe(201);
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    await call("counter", "POST", `/api/halls/${hall}/windows/5/finish`);
    expect((await take(hall, { category: "traffic", idNumber: ID })).status).toBe(201);
  });

  it("keeps no ID number in clear: not in the event log, the snapshot or the audit log", async () => {
    const hall = await newHall("kiosk-no-clear-id");
    await take(hall, { category: "traffic", idNumber: ID, commandId: "kiosk-1-press-1" });
    const feed = await openFeed(hall, "&since=0");
    const events = await feed.waitFor(2);
    feed.close();
    const audit = await call("manager", "GET", `/api/halls/${hall}/audit`);
    const everything = JSON.stringify([events, await snapshot(hall), audit.body]);
    expect(everything).not.toContain("19491231");
    const issued = events.find((e) => e.type === "ticket.issued");
    expect(issued.ticket.number).toBe("C001");
    // The keyed hash stays inside the hall: feeds and snapshots carry no ID mark at all.
    expect(everything).not.toContain("idHash");
    expect(everything).not.toContain("002X");
  });

  it("offers only the priorities the hall allows", async () => {
    const hall = await newHall("kiosk-priorities");
    const set = await call("manager", "PATCH", `/api/halls/${hall}`, { priorities: ["elderly", "appointment"] });
    expect(set.status).toBe(200);
    const green = await take(hall, { category: "household", priority: "green" });
    expect(green.status).toBe(409);
    expect(green.body.error).toContain("绿色通道");
    expect((await take(hall, { category: "household", priority: "elderly" })).status).toBe(201);
    const bad = await call("manager", "PATCH", `/api/halls/${hall}`, { priorities: ["vip"] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)[0]).toMatch(/^priorities/);
  });

  it("greys out a category no open window serves, with the reason", async () => {
    const hall = await newHall("kiosk-greyed");
    await call("manager", "PATCH", `/api/halls/${hall}/windows/6`, { state: "paused" });
    const page = await SELF.fetch(`${ORIGIN}/halls/${hall}/kiosk?token=dev-kiosk`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/data-category="security"[^>]*disabled/);
    expect(html).toContain("Its windows are paused");
    expect((await SELF.fetch(`${ORIGIN}/halls/${hall}/kiosk?token=dev-display`)).status).toBe(403);
  });
});

describe("appointments", () => {
  it("a manager books a code; the kiosk checks it in once as an appointment ticket", async () => {
    const hall = await newHall("appointments");
    const booked = await call("manager", "POST", `/api/halls/${hall}/appointments`, { category: "exit-entry", note: "MP-2026-1123-0042" });
    expect(booked.status).toBe(201);
    const code = booked.body.appointment.code;
    expect(code).toMatch(/^\d{6}$/);
    const checkedIn = await call("kiosk", "POST", `/api/halls/${hall}/appointments/${code}/check-in`);
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body.ticket).toMatchObject({ number: "B001", priority: "appointment", appointment: code });
    expect(checkedIn.body.statusPath).toContain("B001");
    const twice = await call("kiosk", "POST", `/api/halls/${hall}/appointments/${code}/check-in`);
    expect(twice.status).toBe(409);
    expect(twice.body.details.ticket).toBe("B001");
  });

  it("refuses unknown codes (404), bad codes (400), other days (409) and kiosks booking (403)", async () => {
    const hall = await newHall("appointments-refused");
    expect((await call("kiosk", "POST", `/api/halls/${hall}/appointments/000000/check-in`)).status).toBe(404);
    const bad = await call("kiosk", "POST", `/api/halls/${hall}/appointments/12ab/check-in`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(["code"]);
    expect((await call("kiosk", "POST", `/api/halls/${hall}/appointments`, { category: "household" })).status).toBe(403);
    const past = await call("manager", "POST", `/api/halls/${hall}/appointments`, { category: "household", day: "2001-01-01" });
    expect(past.status).toBe(400);
    expect(past.body.details.day).toBeTruthy();
    // A booking for a later day, within the hall's booking horizon (appointmentDays, 30 by default).
    const today: string = (await call("manager", "GET", `/api/halls/${hall}`)).body.hall.day;
    const inTwoDays = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    const later = await call("manager", "POST", `/api/halls/${hall}/appointments`, { category: "household", day: inTwoDays });
    expect(later.status).toBe(201);
    const early = await call("kiosk", "POST", `/api/halls/${hall}/appointments/${later.body.appointment.code}/check-in`);
    expect(early.status).toBe(409);
    expect(early.body.error).toContain(inTwoDays);
  });
});

describe("the citizen's status page", () => {
  async function ticketLink(hall: string) {
    const res = await take(hall, { category: "traffic" });
    return res.body.statusPath as string;
  }

  it("serves the page for a signed link and 404 for a forged one", async () => {
    const hall = await newHall("status-page");
    const path = await ticketLink(hall);
    const page = await SELF.fetch(`${ORIGIN}${path}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("C001");
    expect(html).toContain(`/api/t/${path.slice(3)}/live`);
    expect(html).not.toContain("dev-");
    const forged = path.slice(0, -2) + (path.endsWith("AA") ? "BB" : "AA");
    expect((await SELF.fetch(`${ORIGIN}${forged}`)).status).toBe(404);
    const otherTicket = path.replace("-C001_", "-C002_");
    expect((await SELF.fetch(`${ORIGIN}${otherTicket}`)).status).toBe(404);
    expect((await SELF.fetch(`${ORIGIN}/t/nonsense`)).status).toBe(404);
    const qr = await SELF.fetch(`${ORIGIN}${path}/qr.svg`);
    expect(qr.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(await qr.text()).toContain("<svg");
  });

  it("its socket needs only the link and receives only its own ticket's view", async () => {
    const hall = await newHall("status-feed");
    const path = await ticketLink(hall);
    await take(hall, { category: "traffic" });
    const res = await SELF.fetch(`${ORIGIN}/api/t/${path.slice(3)}/live`, { headers: { Upgrade: "websocket" } });
    expect(res.status).toBe(101);
    const ws = res.webSocket!;
    const got: any[] = [];
    ws.addEventListener("message", (e) => got.push(JSON.parse(e.data as string)));
    ws.accept();
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    for (let i = 0; i < 60 && !got.some((m) => m.html?.includes("window 5")); i++) await new Promise((r) => setTimeout(r, 25));
    ws.close();
    expect(got.every((m) => m.type === "html")).toBe(true);
    const last = got.at(-1).html as string;
    expect(last).toContain("C001");
    expect(last).toContain("Please go to window 5");
    expect(got.map((m) => m.html).join("")).not.toContain("C002");

    const forged = await SELF.fetch(`${ORIGIN}/api/t/${path.slice(3, -1)}x/live`, { headers: { Upgrade: "websocket" } });
    expect(forged.status).toBe(404);
    const asDisplay = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?view=status&ticket=x&token=dev-display`, { headers: { Upgrade: "websocket" } });
    expect(asDisplay.status).toBe(403);
  });

  it("production refuses status pages without a long secret of its own", () => {
    expect(ticketSecret({} as any)).toMatchObject({ ok: false });
    expect(ticketSecret({ TONGBAN_TICKET_SECRET: "short" } as any)).toMatchObject({ ok: false });
    expect(ticketSecret({ TONGBAN_MODE: "development" } as any)).toMatchObject({ ok: true });
    expect(ticketSecret({ TONGBAN_TICKET_SECRET: "x".repeat(40) } as any)).toEqual({ ok: true, secret: "x".repeat(40) });
  });
});
