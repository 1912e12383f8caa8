/**
 * Checking in at a window (issue 26 item 2): the window terminal checks in a booking or a ticket
 * from home by its code, by the kiosk's rule; the citizen joins the queue and is called in turn;
 * the audit names the officer and the window; every bad code a clear 4xx that changes nothing.
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, MORNING, newHall, ORIGIN, snapshot } from "./helpers.js";

/** A valid 18-digit ID number (GB 11643 check digit) for person `n`. */
function idNumber(n: number): string {
  const body = `11010519800101${String(n).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11];
}

/** Window 1 serves traffic, window 2 household; the hall's clock at a weekday morning. */
async function twoWindows(name: string): Promise<string> {
  await runInDurableObject(env.HALL.get(env.HALL.idFromName(name)), (o: { clock: () => number }) => {
    o.clock = () => MORNING;
  });
  return newHall(name, (c) => {
    c.windows = [
      { id: "1", number: 1, label: "交管", categories: ["traffic"], state: "open" },
      { id: "2", number: 2, label: "户政", categories: ["household"], state: "open" },
    ];
  });
}

const book = async (hall: string, category = "traffic", day?: string) =>
  (await call("manager", "POST", `/api/halls/${hall}/appointments`, { category, ...(day ? { day } : {}) })).body.appointment.code as string;
const checkIn = (hall: string, window: string, code: unknown) => call("counter", "POST", `/api/halls/${hall}/windows/${window}/check-in`, { code });
const audit = async (hall: string) => (await call("manager", "GET", `/api/halls/${hall}/audit?limit=50`)).body.entries as any[];

describe("checking in at a window", () => {
  it("turns a booking into an appointment ticket in its category's queue, named in the audit with the officer and the window", async () => {
    const hall = await twoWindows("wci-booking");
    await call("manager", "PUT", `/api/halls/${hall}/staff/031245`, { name: "王芳", badge: "031245", pin: "2468" });
    expect((await call("counter", "POST", `/api/halls/${hall}/staff/031245/sign-in`, { window: "2", pin: "2468" })).status).toBe(200);
    const walkIn = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    const code = await book(hall);
    // At window 2 (household), a scanner types the traffic booking's code with a stray space.
    const r = await checkIn(hall, "2", ` ${code.slice(0, 3)} ${code.slice(3)}`);
    expect(r.status).toBe(201);
    expect(r.body.ticket).toMatchObject({ number: "C002", category: "traffic", priority: "appointment", status: "waiting", window: null });
    expect(r.body.statusPath).toMatch(/^\/t\//);
    const s = await snapshot(hall);
    expect(s.windows.find((w: any) => w.id === "2").current).toBeNull();
    // Joined the queue: the traffic window calls it in turn — before the earlier walk-in, as a booking at the kiosk would be.
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/1/call`)).body.ticket.number).toBe("C002");
    expect(walkIn.body.ticket.number).toBe("C001");
    const row = (await audit(hall)).find((e) => e.action === "check_in");
    expect(row).toMatchObject({ role: "counter", target: `appointment:${code}` });
    expect(row.actor).toContain("王芳（031245）");
    expect(JSON.parse(row.detail)).toMatchObject({ window: "2" });
    expect((await checkIn(hall, "2", code)).body).toMatchObject({ code: "conflict", details: { ticket: "C002" } });
  });

  it("checks in a ticket from home, which keeps its place and is no longer on the way", async () => {
    const hall = await twoWindows("wci-remote");
    const joined = await call(null, "POST", `/api/halls/${hall}/remote-tickets`, { category: "traffic", mobile: "13812345678", idNumber: idNumber(1) }, { "CF-Connecting-IP": "198.51.100.20" });
    expect(joined.status).toBe(201);
    await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    const r = await checkIn(hall, "1", joined.body.code);
    expect(r.status).toBe(201);
    expect(r.body.ticket).toMatchObject({ number: "C001", remote: { arrivedAt: new Date(MORNING).toISOString() } });
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/1/call`)).body.ticket.number).toBe("C001");
  });

  it("refuses a malformed, unknown, other day's code, an unknown window and a foreign counter, each a clear 4xx changing nothing", async () => {
    const hall = await twoWindows("wci-refused");
    const tomorrow = new Date(MORNING + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const later = await book(hall, "traffic", tomorrow);
    const before = (await snapshot(hall)).seq;

    const malformed = await checkIn(hall, "1", "12ab");
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields).toEqual([expect.objectContaining({ field: "code", problem: "invalid_format" })]);
    expect((await checkIn(hall, "1", undefined)).body.fields).toEqual([expect.objectContaining({ field: "code", problem: "required" })]);
    const unknown = await checkIn(hall, "1", "000000");
    expect([unknown.status, unknown.body.code, unknown.body.details]).toEqual([404, "unknown_appointment", { code: "000000" }]);
    const early = await checkIn(hall, "1", later);
    expect([early.status, early.body.details]).toEqual([409, { code: later, day: tomorrow }]);
    const nowhere = await checkIn(hall, "9", later);
    expect([nowhere.status, nowhere.body.code]).toEqual([404, "unknown_window"]);
    for (const role of ["kiosk", "display"] as const) expect((await call(role, "POST", `/api/halls/${hall}/windows/1/check-in`, { code: later })).status).toBe(403);

    // A terminal paired to window 2 may check in there, not at window 1.
    const shown = await SELF.fetch(`${ORIGIN}/api/pairing`, { method: "POST" });
    const { code: pairing } = (await shown.json()) as { code: string };
    const pairingCookie = shown.headers.getSetCookie()[0]!.split(";")[0]!;
    expect((await call("manager", "POST", `/api/halls/${hall}/devices`, { code: pairing, kind: "counter", name: "2 号窗口终端", window: "2" })).status).toBe(201);
    const status = await SELF.fetch(`${ORIGIN}/api/pairing/status`, { headers: { Cookie: pairingCookie } });
    const device = status.headers.getSetCookie().find((c) => c.startsWith("tongban_device="))!.split(";")[0]!;
    const foreign = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/windows/1/check-in`, {
      method: "POST",
      headers: { Cookie: device, Origin: ORIGIN, "Content-Type": "application/json" },
      body: JSON.stringify({ code: later }),
    });
    expect(foreign.status).toBe(403);
    expect((await snapshot(hall)).seq).toBe(before);
  });
});

describe("tickets on the way, where staff look", () => {
  const html = async (path: string) => (await SELF.fetch(`${ORIGIN}${path}`)).text();
  /** The element opening at the first match of `start`, to its closing `end`, tags removed. */
  const textAt = (page: string, start: string, end: string) => {
    const from = page.indexOf(start);
    if (from < 0) return "";
    return page.slice(from, page.indexOf(end, from)).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  };

  it("marks 在途 and how often it stepped back on the terminal and the console, and the wall counts it apart", async () => {
    const hall = await twoWindows("wci-marks");
    const joined = await call(null, "POST", `/api/halls/${hall}/remote-tickets`, { category: "traffic", mobile: "13812345678", idNumber: idNumber(2) }, { "CF-Connecting-IP": "198.51.100.21" });
    await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" }); // C002
    await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" }); // C003
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/1/call`)).body.ticket.number).toBe("C002"); // C001 steps back once

    const terminal = await html(`/halls/${hall}/counter/1?token=dev-counter`);
    expect(textAt(terminal, 'data-number="C001"', "</li>")).toContain("在途 · 让号1次");
    expect(textAt(terminal, 'data-number="C003"', "</li>")).not.toContain("在途");
    const console = await html(`/halls/${hall}/manage?token=dev-manager`);
    expect(textAt(console, 'data-number="C001"', "</button>")).toContain("在途 · 让号1次");
    expect(textAt(console, 'data-number="C003"', "</button>")).not.toContain("在途");
    const wall = await html(`/halls/${hall}/dashboard?token=dev-display`);
    expect(textAt(wall, 'data-kpi="waiting"', "</div>")).toMatch(/在厅等候 Waiting in the hall 1 在途 1/);

    expect((await checkIn(hall, "1", joined.body.code)).status).toBe(201);
    expect(textAt(await html(`/halls/${hall}/counter/1?token=dev-counter`), 'data-number="C001"', "</li>")).not.toContain("在途");
    expect(textAt(await html(`/halls/${hall}/dashboard?token=dev-display`), 'data-kpi="waiting"', "</div>")).toMatch(/Waiting in the hall 2 $/);
  });
});
