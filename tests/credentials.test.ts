/**
 * What each credential can read and do (issue 23 §3): a display hears no roster and no
 * appointment codes, a counter at window 2 sees window 2 only on pages and feeds as in the API,
 * a citizen's socket is never a device, and a spoilt cookie is a bad credential (401), not a fault.
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { forgetIdLast4 } from "../worker/hall-object/storage.js";
import { describe, expect, it } from "vitest";
import { demoConfig } from "../worker/demo/hall.js";
import { call, newHall, openFeed, ORIGIN, snapshot } from "./helpers.js";

function cookieFrom(res: Response, name: string): string | null {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";")[0]!;
    const eq = pair.indexOf("=");
    if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1);
  }
  return null;
}

/** Pairs a device of `kind` (a counter at `window`) as the /pair page would: its id and cookie. */
async function pairDevice(hall: string, assignment: Record<string, unknown>): Promise<{ id: string; cookie: string }> {
  const shown = await SELF.fetch(`${ORIGIN}/api/pairing`, { method: "POST" });
  const { code } = (await shown.json()) as { code: string };
  const paired = await call("manager", "POST", `/api/halls/${hall}/devices`, { code, ...assignment });
  expect(paired.status, JSON.stringify(paired.body)).toBe(201);
  const status = await SELF.fetch(`${ORIGIN}/api/pairing/status`, { headers: { Cookie: `tongban_pairing=${cookieFrom(shown, "tongban_pairing")}` } });
  return { id: paired.body.device.id, cookie: `tongban_device=${cookieFrom(status, "tongban_device")}` };
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe("what a display hears on the live feed", () => {
  it("receives neither the staff roster nor appointment codes, which a manager's feed carries", async () => {
    const hall = await newHall("creds-feed");
    const display = await openFeed(hall, "&since=0");
    const manager = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?token=dev-manager&since=0`, { headers: { Upgrade: "websocket" } });
    const managerGot: any[] = [];
    manager.webSocket!.addEventListener("message", (e) => managerGot.push(JSON.parse(e.data as string)));
    manager.webSocket!.accept();

    await call("manager", "PUT", `/api/halls/${hall}/staff/s1`, { name: "王建国", badge: "045123" });
    const booked = await call("manager", "POST", `/api/halls/${hall}/appointments`, { category: "traffic" });
    expect(booked.status).toBe(201);
    await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await display.waitFor(2);
    await settle();

    const displayText = JSON.stringify(display.messages);
    expect(display.messages.map((m) => m.type)).toContain("ticket.issued");
    expect(display.messages.map((m) => m.type)).not.toContain("staff.updated");
    expect(display.messages.map((m) => m.type)).not.toContain("appointment.booked");
    expect(displayText).not.toContain("045123");
    expect(displayText).not.toContain(booked.body.code);
    expect(managerGot.map((m) => m.type)).toEqual(expect.arrayContaining(["staff.updated", "appointment.booked", "ticket.issued"]));

    // A reconnect with since= replays the log, filtered the same way.
    const again = await openFeed(hall, "&since=0");
    await again.waitFor(2);
    await settle();
    expect(again.messages.map((m) => m.type)).not.toContain("staff.updated");
    expect(JSON.stringify(again.messages)).not.toContain(booked.body.code);
    display.close();
    again.close();
    manager.webSocket!.close();
  });
});

describe("a counter paired to window 2", () => {
  it("opens window 2's console but not window 3's, on the page and on the feed, as the API refuses window 3", async () => {
    const hall = await newHall("creds-window");
    const counter = await pairDevice(hall, { kind: "counter", name: "窗口2终端", window: "2" });
    const own = await SELF.fetch(`${ORIGIN}/halls/${hall}/counter/2`, { headers: { Cookie: counter.cookie } });
    expect(own.status).toBe(200);
    await own.text();
    const other = await SELF.fetch(`${ORIGIN}/halls/${hall}/counter/3`, { headers: { Cookie: counter.cookie } });
    expect(other.status).toBe(403);
    expect(await other.text()).toContain("window 2");
    const api = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/windows/3/pause`, { method: "POST", headers: { Cookie: counter.cookie, Origin: ORIGIN } });
    expect(api.status).toBe(403);

    const feed = (window: string) =>
      SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?view=counter&window=${window}`, { headers: { Upgrade: "websocket", Cookie: counter.cookie } });
    const ownFeed = await feed("2");
    expect(ownFeed.status).toBe(101);
    ownFeed.webSocket!.accept();
    ownFeed.webSocket!.close();
    const otherFeed = await feed("3");
    expect(otherFeed.status).toBe(403);
    expect(((await otherFeed.json()) as any).error).toContain("window 3");
    // A manager, bound to no window, still watches any.
    const managerFeed = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?view=counter&window=3&token=dev-manager`, { headers: { Upgrade: "websocket" } });
    expect(managerFeed.status).toBe(101);
    managerFeed.webSocket!.accept();
    managerFeed.webSocket!.close();
  });
});

describe("a citizen's status-link socket", () => {
  it("cannot mark a paired device online by claiming its id", async () => {
    const hall = await newHall("creds-citizen");
    const screen = await pairDevice(hall, { kind: "main-screen", name: "大屏" });
    const ticket = await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "traffic" });
    const link = String(ticket.body.statusPath).slice("/t/".length);
    const res = await SELF.fetch(`${ORIGIN}/api/t/${link}/live`, {
      headers: { Upgrade: "websocket", "X-Tongban-Device-Id": screen.id, "User-Agent": "Forged/1.0" },
    });
    expect(res.status).toBe(101);
    res.webSocket!.accept();
    await settle();
    const devices = await call("manager", "GET", `/api/halls/${hall}/devices`);
    const listed = devices.body.devices.find((d: any) => d.id === screen.id);
    expect(listed.online).toBe(false);
    expect(JSON.stringify(listed)).not.toContain("Forged/1.0");
    res.webSocket!.close();
  });
});

describe("a cookie with a malformed % sequence", () => {
  const spoilt = "%E0%A4%A";
  for (const name of ["tongban_session", "tongban_device"]) {
    it(`in ${name} is a bad credential: 401 on the API and on pages, never 500`, async () => {
      const hall = await newHall(`creds-cookie-${name.slice(8)}`);
      const api = await SELF.fetch(`${ORIGIN}/api/halls/${hall}`, { headers: { Cookie: `${name}=${spoilt}` } });
      expect(api.status).toBe(401);
      expect(((await api.json()) as any).code).toBe("unauthorized");
      const page = await SELF.fetch(`${ORIGIN}/halls/${hall}/display`, { headers: { Cookie: `${name}=${spoilt}` }, redirect: "manual" });
      expect(page.status).toBe(401);
      await page.text();
    });
  }

  it("in tongban_pairing is a bad credential too (the /pair page then asks for a fresh code)", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/pairing/status`, { headers: { Cookie: `tongban_pairing=${spoilt}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).details).toEqual({ cookie: "tongban_pairing" });
    const fresh = await SELF.fetch(`${ORIGIN}/api/pairing`, { method: "POST", headers: { Cookie: `tongban_pairing=${spoilt}` } });
    expect(fresh.status).toBe(201);
    expect(cookieFrom(fresh, "tongban_pairing")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("text a hall screen shows", () => {
  it("refuses a bidi override, NUL or lone surrogate in a notice, a name or a category with a 400 naming the field, and changes nothing", async () => {
    const hall = await newHall("creds-text");
    const before = await call("manager", "GET", `/api/halls/${hall}/content`);
    const notice = await call("manager", "POST", `/api/halls/${hall}/content`, { kind: "notice", text: { "zh-Hans": "今日\u202e休息" } });
    expect(notice.status).toBe(400);
    expect(notice.body).toMatchObject({ code: "invalid", details: { "text.zh-Hans": expect.stringContaining("U+202E") } });
    // A lone surrogate, sent as JSON's own escape, is caught once parsed.
    const surrogate = await call("manager", "POST", `/api/halls/${hall}/content`, '{"kind":"notice","text":{"zh-Hans":"号\\ud83d"}}');
    expect(surrogate.status).toBe(400);
    expect(Object.keys(surrogate.body.details)).toEqual(["text.zh-Hans"]);
    expect((await call("manager", "GET", `/api/halls/${hall}/content`)).body).toEqual(before.body);

    const staff = await call("manager", "PUT", `/api/halls/${hall}/staff/s9`, { name: "王\u0000建国", badge: "045199" });
    expect(staff.status).toBe(400);
    expect(Object.keys(staff.body.details)).toEqual(["name"]);
    const config = await call("manager", "GET", `/api/halls/${hall}`);
    const renaming = demoConfig();
    renaming.categories[1]!.names["zh-Hans"] = "交管\u2066业务";
    const renamed = await call("admin", "PUT", `/api/halls/${hall}`, renaming);
    expect(renamed.status).toBe(400);
    expect(Object.keys(renamed.body.details)).toEqual(["categories.1.names.zh-Hans"]);
    expect((await call("manager", "GET", `/api/halls/${hall}`)).body.categories).toEqual(config.body.categories);
    // Line breaks are text.
    expect((await call("manager", "POST", `/api/halls/${hall}/content`, { kind: "notice", text: { "zh-Hans": "今日\n休息" } })).status).toBe(201);
  });
});

describe("a citizen's ID number", () => {
  /** A valid resident ID number (check digit X). */
  const ID = "11010519491231002X";
  const stored = (hall: string) =>
    runInDurableObject(env.HALL.get(env.HALL.idFromName(hall)), (_o, state) =>
      ["events", "snapshot", "commands"].map((t) => state.storage.sql.exec<{ body: string }>(`SELECT body FROM ${t}`).toArray().map((r) => r.body).join("\n")).join("\n"),
    );

  it("leaves no part of itself in the kiosk's reply, its replay, the events or the snapshot", async () => {
    const hall = await newHall("creds-id");
    const body = { category: "traffic", idNumber: ID, commandId: "kiosk-id-1" };
    const issued = await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, body);
    expect(issued.status).toBe(201);
    const replayed = await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, body);
    expect(replayed.body.ticket.id).toBe(issued.body.ticket.id);
    for (const text of [JSON.stringify(issued.body), JSON.stringify(replayed.body), JSON.stringify(await snapshot(hall)), await stored(hall)]) {
      expect(text).not.toMatch(/idLast4|002X|1949/);
    }
    // The hash still holds one active ticket per ID number and category.
    expect((await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "traffic", idNumber: ID })).status).toBe(409);
  });

  it("is taken out of what an older hall stored, once", async () => {
    const hall = await newHall("creds-id-old");
    const old = JSON.stringify({ seq: 99, type: "ticket.issued", at: "2027-03-15T02:00:00.000Z", ticket: { id: "t1", citizen: { idHash: "h", idLast4: "002X" } } });
    const after = await runInDurableObject(env.HALL.get(env.HALL.idFromName(hall)), (_o, state) => {
      const sql = state.storage.sql;
      sql.exec("INSERT INTO events (seq, type, at, body) VALUES (99, 'ticket.issued', 'x', ?)", old);
      sql.exec("INSERT INTO commands (id, fingerprint, status, body, at) VALUES ('old-1', 'f', 201, ?, 0)", JSON.stringify({ ticket: { citizen: { idHash: "h", idLast4: "002X" } } }));
      sql.exec("DELETE FROM migrations WHERE name = 'forget-id-last4'");
      forgetIdLast4(sql);
      const rows = [
        sql.exec<{ body: string }>("SELECT body FROM events WHERE seq = 99").one().body,
        sql.exec<{ body: string }>("SELECT body FROM commands WHERE id = 'old-1'").one().body,
      ];
      sql.exec("DELETE FROM events WHERE seq = 99");
      return rows;
    });
    expect(JSON.parse(after[0]!).ticket.citizen).toEqual({ idHash: "h" });
    expect(JSON.parse(after[1]!).ticket.citizen).toEqual({ idHash: "h" });
  });
});
