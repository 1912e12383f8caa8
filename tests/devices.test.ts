/**
 * Devices paired by a code: a device opens /pair and shows a code, a manager types it, the
 * device collects a credential cookie and its page; the manager re-assigns or revokes it. The
 * pairing clock is moved with runInDurableObject to expire codes and to end a guess lockout.
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import type { PairingObject } from "../worker/devices/pairing.object.js";
import { MAX_DEVICES } from "../worker/devices/devices.js";
import { call, newHall, ORIGIN, type Role } from "./helpers.js";

const pairingStub = () => env.PAIRING.get(env.PAIRING.idFromName("pairing"));
const hallStub = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

function cookieFrom(res: Response, name: string): { value: string; attributes: string } | null {
  for (const line of res.headers.getSetCookie()) {
    const [pair, ...rest] = line.split(";");
    const eq = pair!.indexOf("=");
    if (pair!.slice(0, eq).trim() === name) return { value: pair!.slice(eq + 1), attributes: rest.join(";").trim() };
  }
  return null;
}

async function fetchWith(path: string, cookie: string, init: RequestInit = {}) {
  const res = await SELF.fetch(`${ORIGIN}${path}`, { redirect: "manual", ...init, headers: { Cookie: cookie, ...(init.headers ?? {}) } });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a page
  }
  return { status: res.status, body, res };
}

/** A fresh browser opening /pair: its code and its pairing cookie. */
async function showCode(): Promise<{ code: string; cookie: string; body: any; res: Response }> {
  const res = await SELF.fetch(`${ORIGIN}/api/pairing`, { method: "POST" });
  const body: any = await res.json();
  expect(res.status).toBe(201);
  return { code: body.code, cookie: `tongban_pairing=${cookieFrom(res, "tongban_pairing")!.value}`, body, res };
}

async function pair(hall: string, assignment: Record<string, unknown>, role: Role = "manager") {
  const shown = await showCode();
  const paired = await call(role, "POST", `/api/halls/${hall}/devices`, { code: shown.code, ...assignment });
  expect(paired.status, JSON.stringify(paired.body)).toBe(201);
  const status = await fetchWith("/api/pairing/status", shown.cookie);
  const device = cookieFrom(status.res, "tongban_device")!;
  return { device: paired.body.device, location: status.body.location, cookie: `tongban_device=${device.value}` };
}

async function deviceList(hall: string): Promise<any[]> {
  const res = await call("manager", "GET", `/api/halls/${hall}/devices`);
  expect(res.status).toBe(200);
  return res.body.devices;
}

async function openDeviceFeed(hall: string, cookie: string, query: string) {
  const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?${query}`, { headers: { Upgrade: "websocket", Cookie: cookie, "User-Agent": "TV-Box/1.0" } });
  if (res.status !== 101 || !res.webSocket) return { status: res.status, messages: [] as any[], socket: null, closed: Promise.resolve(0) };
  const socket = res.webSocket;
  const messages: any[] = [];
  const closed = new Promise<number>((resolve) => socket.addEventListener("close", (e) => resolve(e.code)));
  socket.addEventListener("message", (e) => messages.push(JSON.parse(e.data as string)));
  socket.accept();
  return { status: res.status, messages, socket, closed };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Moves a Durable Object's clock by `ms` for the length of `body`. */
async function withClockMoved(stub: DurableObjectStub<HallObject> | DurableObjectStub<PairingObject>, ms: number, body: () => Promise<void>) {
  let real: () => number = Date.now;
  await runInDurableObject(stub as DurableObjectStub<HallObject>, (o: { clock: () => number }) => {
    real = o.clock;
    o.clock = () => real() + ms;
  });
  try {
    await body();
  } finally {
    await runInDurableObject(stub as DurableObjectStub<HallObject>, (o: { clock: () => number }) => {
      o.clock = real;
    });
  }
}

describe("pairing a device by its code", () => {
  it("shows a six-digit code for ten minutes, bound to the browser by an HttpOnly cookie", async () => {
    const shown = await showCode();
    expect(shown.code).toMatch(/^\d{6}$/);
    expect(shown.body.expiresInSeconds).toBe(600);
    const attributes = cookieFrom(shown.res, "tongban_pairing")!.attributes;
    expect(attributes).toMatch(/HttpOnly/);
    expect(attributes).toMatch(/SameSite=Strict/);
    const status = await fetchWith("/api/pairing/status", shown.cookie);
    expect(status.body).toMatchObject({ state: "waiting", code: shown.code });
    const again = await fetchWith("/api/pairing", shown.cookie, { method: "POST" });
    expect(again.body.code).toBe(shown.code);
  });

  it("turns the waiting browser into a main screen with a long-lived credential cookie and no token in its address", async () => {
    const hall = await newHall("dev-pair");
    const shown = await showCode();
    const paired = await call("manager", "POST", `/api/halls/${hall}/devices`, { code: shown.code, kind: "main-screen", name: "东区主屏" });
    expect(paired.status).toBe(201);
    expect(paired.body.device).toMatchObject({ kind: "main-screen", name: "东区主屏", zone: null, window: null });
    expect(paired.body.device.id).toMatch(/^[0-9a-f]{12}$/);
    const status = await fetchWith("/api/pairing/status", shown.cookie);
    expect(status.body).toEqual({ state: "paired", location: `/halls/${hall}/display` });
    const device = cookieFrom(status.res, "tongban_device")!;
    expect(device.attributes).toMatch(/HttpOnly/);
    expect(device.attributes).toMatch(/SameSite=Strict/);
    expect(device.attributes).toMatch(/Path=\//);
    expect(device.attributes).toMatch(/Secure/);
    expect(Number(/Max-Age=(\d+)/.exec(device.attributes)![1])).toBeGreaterThan(300 * 24 * 3600);
    expect(device.value).not.toContain(shown.code);

    const page = await fetchWith(`/halls/${hall}/display`, `tongban_device=${device.value}`);
    expect(page.status).toBe(200);
    // Each load of its page renews the cookie, so a device in use never falls out of the browser's 400 days.
    expect(cookieFrom(page.res, "tongban_device")).toMatchObject({ value: device.value, attributes: expect.stringMatching(/Max-Age=34560000/) });
    expect(page.body).toContain(`/api/halls/${hall}/live?view=main`);
    expect(page.body).not.toContain("token=");
    // The credential is handed over once; the code is gone.
    expect((await fetchWith("/api/pairing/status", shown.cookie)).body).toEqual({ state: "expired" });
  });

  it("sends an already paired device from /pair straight to its page", async () => {
    const hall = await newHall("dev-pair-again");
    const { cookie } = await pair(hall, { kind: "window-screen", name: "2 号窗口屏", window: "2" });
    const res = await fetchWith("/pair", cookie);
    expect(res.status).toBe(302);
    expect(res.res.headers.get("Location")).toBe(`/halls/${hall}/windows/2/screen`);
    const fresh = await fetchWith("/pair", "");
    expect(fresh.status).toBe(200);
    expect(fresh.body).toContain("设备配对");
  });

  it("holds one address to 50 waiting codes, and others still get theirs", async () => {
    const from = (address: string) => SELF.fetch(`${ORIGIN}/api/pairing`, { method: "POST", headers: { "CF-Connecting-IP": address } });
    for (let i = 0; i < 50; i++) expect((await from("198.51.100.50")).status, `code ${i + 1}`).toBe(201);
    const flooded = await from("198.51.100.50");
    expect(flooded.status).toBe(429);
    expect(((await flooded.json()) as { error: string }).error).toContain("address");
    expect((await from("203.0.113.9")).status).toBe(201);
  });

  it("refuses to start pairing from a foreign page", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/pairing`, { method: "POST", headers: { Origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });
});

describe("the devices cap (issue 22 §3)", () => {
  it("refuses pairing past MAX_DEVICES with a 409 naming the cap; nothing is paired and the code still waits", async () => {
    const hall = await newHall("dev-cap");
    // Seeded in the hall's own table: pairing a thousand browsers one by one would only be slower.
    await runInDurableObject(hallStub(hall), (_o: HallObject, state: DurableObjectState) => {
      for (let i = 0; i < MAX_DEVICES; i++) {
        state.storage.sql.exec(
          "INSERT INTO devices (id, kind, name, zone, window, paired_at, credential_hash) VALUES (?, 'kiosk', ?, NULL, NULL, '2026-11-23T01:00:00.000Z', ?)",
          `seed${i}`,
          `取号机 ${i}`,
          `hash${i}`,
        );
      }
    });
    const before = await deviceList(hall);
    expect(before).toHaveLength(MAX_DEVICES);
    const shown = await showCode();
    const res = await call("manager", "POST", `/api/halls/${hall}/devices`, { code: shown.code, kind: "kiosk", name: "多一台" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "conflict", details: { cap: "devices", limit: MAX_DEVICES } });
    expect(await deviceList(hall)).toEqual(before);
    expect((await fetchWith("/api/pairing/status", shown.cookie)).body).toMatchObject({ state: "waiting", code: shown.code });
  });
});

describe("a paired device acts as its kind", () => {
  it("a screen reads its hall, and nothing else", async () => {
    const hall = await newHall("dev-screen-role");
    const other = await newHall("dev-screen-other");
    const { cookie } = await pair(hall, { kind: "data-wall", name: "大屏" });
    expect((await fetchWith(`/api/halls/${hall}`, cookie)).status).toBe(200);
    expect((await fetchWith(`/api/halls/${other}`, cookie)).status).toBe(403);
    const write = await fetchWith(`/api/halls/${hall}/tickets`, cookie, { method: "POST", headers: { Origin: ORIGIN, "Content-Type": "application/json" }, body: '{"category":"household"}' });
    expect(write.status).toBe(403);
    expect((await fetchWith(`/halls/${hall}/manage`, cookie)).status).toBe(403);
  });

  it("a kiosk issues tickets in its own name; a counter calls at its window only; an evaluator opens at its window", async () => {
    const hall = await newHall("dev-kiosk-role");
    const kiosk = await pair(hall, { kind: "kiosk", name: "大厅取号机 1" });
    const issued = await fetchWith(`/api/halls/${hall}/tickets`, kiosk.cookie, { method: "POST", headers: { Origin: ORIGIN, "Content-Type": "application/json" }, body: '{"category":"household"}' });
    expect(issued.status).toBe(201);
    const audit = await call("manager", "GET", `/api/halls/${hall}/audit?limit=5`);
    expect(audit.body.entries.find((e: any) => e.action === "issue").actor).toBe("大厅取号机 1");
    const counter = await pair(hall, { kind: "counter", name: "2 号窗口终端", window: "2" });
    expect(counter.location).toBe(`/halls/${hall}/counter/2`);
    const post = (w: string) => fetchWith(`/api/halls/${hall}/windows/${w}/call`, counter.cookie, { method: "POST", headers: { Origin: ORIGIN } });
    expect((await post("2")).status).toBe(200);
    expect((await post("3")).status).toBe(403);
    const evaluator = await pair(hall, { kind: "evaluator", name: "2 号评价器", window: "2" });
    expect(evaluator.location).toBe(`/halls/${hall}/windows/2/evaluator`);
    expect((await fetchWith(evaluator.location, evaluator.cookie)).status).toBe(200);
  });
});

describe("the devices API", () => {
  it("is for managers: display, counter and kiosk tokens get 403, no token 401", async () => {
    const hall = await newHall("dev-roles");
    const id = "0123456789ab";
    const routes: Array<[string, string, unknown]> = [
      ["POST", `/api/halls/${hall}/devices`, { code: "123456", kind: "kiosk", name: "x" }],
      ["GET", `/api/halls/${hall}/devices`, undefined],
      ["PATCH", `/api/halls/${hall}/devices/${id}`, { name: "y" }],
      ["DELETE", `/api/halls/${hall}/devices/${id}`, undefined],
    ];
    for (const [method, path, body] of routes) {
      for (const role of ["display", "counter", "kiosk"] as const) {
        const res = await call(role, method, path, body);
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect(res.body.code).toBe("forbidden");
      }
      expect((await call(null, method, path, body)).status).toBe(401);
    }
    expect((await call("manager", "PATCH", `/api/halls/${hall}/devices/${id}`, { name: "y" })).status).toBe(404);
    expect((await call("manager", "GET", "/api/halls/no-such-hall/devices")).status).toBe(404);
  });

  it("names what is wrong with a pairing, and pairs nothing: unknown kind, missing or unknown window, malformed code", async () => {
    const hall = await newHall("dev-bad-input");
    const { code } = await showCode();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ code, kind: "television", name: "x" }, "kind"],
      [{ code, kind: "counter", name: "x" }, "window"],
      [{ code, kind: "window-screen", name: "x", window: "99" }, "window"],
      [{ code, kind: "main-screen", name: "" }, "name"],
      [{ code: "12345", kind: "main-screen", name: "x" }, "code"],
      [{ code, kind: "main-screen", name: "x", zone: "East Wing" }, "zone"],
    ];
    for (const [body, field] of cases) {
      const res = await call("manager", "POST", `/api/halls/${hall}/devices`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.details)).toContain(field);
    }
    expect(await deviceList(hall)).toEqual([]);
    // The code was not used up by the refusals.
    expect((await call("manager", "POST", `/api/halls/${hall}/devices`, { code, kind: "main-screen", name: "x" })).status).toBe(201);
  });

  it("refuses a zone the hall does not have, and pairs a zone's main screen", async () => {
    const plain = await newHall("dev-no-zones");
    const none = await call("manager", "POST", `/api/halls/${plain}/devices`, { code: (await showCode()).code, kind: "main-screen", name: "x", zone: "east" });
    expect(none.status).toBe(400);
    expect(none.body.details.zone).toContain("no zones");
    const hall = await newHall("dev-zones", (c) => {
      c.zones = [{ id: "east", names: { "zh-Hans": "东区", "zh-Hant": "東區", en: "East" }, windows: ["1", "2"] }];
    });
    const { code } = await showCode();
    const res = await call("manager", "POST", `/api/halls/${hall}/devices`, { code, kind: "main-screen", name: "西区主屏", zone: "west" });
    expect(res.status).toBe(400);
    expect(res.body.details.zone).toContain("west");
    const ok = await call("manager", "POST", `/api/halls/${hall}/devices`, { code, kind: "main-screen", name: "东区主屏", zone: "east" });
    expect(ok.status).toBe(201);
    expect(ok.body.device.zone).toBe("east");
  });

  it("refuses a code after ten minutes, and the waiting page is told to get a new one", async () => {
    const hall = await newHall("dev-expired");
    const shown = await showCode();
    await withClockMoved(pairingStub(), 10 * 60_000 + 1000, async () => {
      const res = await call("manager", "POST", `/api/halls/${hall}/devices`, { code: shown.code, kind: "main-screen", name: "x" });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: "配对码无效或已过期 · no such pairing code, or it expired", code: "not_found" });
      expect((await fetchWith("/api/pairing/status", shown.cookie)).body).toEqual({ state: "expired" });
    });
    expect(await deviceList(hall)).toEqual([]);
  });

  it("uses a code once", async () => {
    const hall = await newHall("dev-reused");
    const { code } = await showCode();
    expect((await call("manager", "POST", `/api/halls/${hall}/devices`, { code, kind: "kiosk", name: "a" })).status).toBe(201);
    const again = await call("manager", "POST", `/api/halls/${hall}/devices`, { code, kind: "kiosk", name: "b" });
    expect(again.status).toBe(404);
    expect((await deviceList(hall)).map((d) => d.name)).toEqual(["a"]);
  });

  it("stops a manager guessing: 404 for ten wrong codes, then 429 even for a right one, until the minute has passed", async () => {
    const hall = await newHall("dev-guess");
    const shown = await showCode();
    const wrong = shown.code === "000000" ? "000001" : "000000";
    // The admin guesses, so the managers of the other tests are not held up.
    for (let i = 0; i < 10; i++) {
      const res = await call("admin", "POST", `/api/halls/${hall}/devices`, { code: wrong, kind: "kiosk", name: "x" });
      expect(res.status, `guess ${i + 1}`).toBe(404);
    }
    const limited = await call("admin", "POST", `/api/halls/${hall}/devices`, { code: shown.code, kind: "kiosk", name: "x" });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe("too_many");
    expect(limited.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await deviceList(hall)).toEqual([]);
    // Another manager is not held up by this one's guesses, nor the same admin in another hall.
    const other = await newHall("dev-guess-other");
    expect((await call("admin", "POST", `/api/halls/${other}/devices`, { code: wrong, kind: "kiosk", name: "x" })).status).toBe(404);
    expect((await call("manager", "POST", `/api/halls/${hall}/devices`, { code: "999999", kind: "kiosk", name: "x" })).status).not.toBe(429);
    await withClockMoved(pairingStub(), 61_000, async () => {
      expect((await call("admin", "POST", `/api/halls/${hall}/devices`, { code: shown.code, kind: "kiosk", name: "x" })).status).toBe(201);
    });
  });
});

describe("the fleet's health", () => {
  it("knows which devices are online, what they run and when they were last seen", async () => {
    const hall = await newHall("dev-online");
    const { device, cookie } = await pair(hall, { kind: "main-screen", name: "东区主屏" });
    expect((await deviceList(hall))[0]).toMatchObject({ id: device.id, online: false, onlineSince: null, lastSeenAt: null });
    const feed = await openDeviceFeed(hall, cookie, "view=main&screen=1920x1080&version=live.js/1");
    expect(feed.status).toBe(101);
    const [online] = await deviceList(hall);
    expect(online).toMatchObject({ online: true, userAgent: "TV-Box/1.0", screen: { width: 1920, height: 1080 }, version: "live.js/1" });
    expect(online.onlineSince).toEqual(expect.any(String));
    feed.socket!.close(1000, "switched off");
    await until(async () => (await deviceList(hall))[0].online === false, "the device to show offline");
    expect((await deviceList(hall))[0].lastSeenAt).toEqual(expect.any(String));
  });

  it("shows whether an announcer's sound is on, from its own report", async () => {
    const hall = await newHall("dev-announcer");
    const { cookie, location } = await pair(hall, { kind: "announcer", name: "东区播报器" });
    expect(location).toBe(`/halls/${hall}/announcer`);
    expect((await deviceList(hall))[0].sound).toBeNull();
    const feed = await openDeviceFeed(hall, cookie, "since=0");
    expect(feed.status).toBe(101);
    feed.socket!.send(JSON.stringify({ type: "announcer.status", sound: true, engines: { "cmn-Hans": "speech" } }));
    await until(async () => (await deviceList(hall))[0].sound === true, "sound: true");
    await pair(hall, { kind: "main-screen", name: "主屏" });
    expect((await deviceList(hall)).find((d) => d.kind === "main-screen")).not.toHaveProperty("sound");
    feed.socket!.close();
  });

  it("trusts only the cookie to say which device a socket is", async () => {
    const hall = await newHall("dev-forged-id");
    const { device } = await pair(hall, { kind: "main-screen", name: "x" });
    const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?token=dev-display&view=main`, { headers: { Upgrade: "websocket", "X-Tongban-Device-Id": device.id } });
    expect(res.status).toBe(101);
    res.webSocket!.accept();
    expect((await deviceList(hall))[0].online).toBe(false);
    res.webSocket!.close();
  });

  it("raises an alarm on the console and the data wall for a screen offline over a minute while the hall is open", async () => {
    const hall = await newHall("dev-offline-alarm", (c) => {
      c.zones = [
        { id: "east", names: { "zh-Hans": "东区", "zh-Hant": "東區", en: "East" }, windows: ["1", "2"] },
        { id: "west", names: { "zh-Hans": "西区", "zh-Hant": "西區", en: "West" }, windows: ["3", "4"] },
      ];
    });
    await pair(hall, { kind: "main-screen", name: "东区主屏", zone: "east" });
    await pair(hall, { kind: "window-screen", name: "3 号窗口屏", window: "3" });
    await pair(hall, { kind: "kiosk", name: "取号机" });
    const early = await call("manager", "GET", `/halls/${hall}/manage?token=dev-manager`);
    expect(early.body).toMatch(/data-alert="device-offline"[^>]*data-show-at="\d+"[^>]*hidden/);
    await withClockMoved(hallStub(hall), 3 * 60_000 + 5000, async () => {
      const console = await call("manager", "GET", `/halls/${hall}/manage?token=dev-manager`);
      expect(console.body).toContain("东区主屏离线 3 分钟");
      expect(console.body).not.toContain("取号机离线");
      const wall = await call("display", "GET", `/halls/${hall}/dashboard?token=dev-display`);
      expect(wall.body).toContain("东区主屏离线 3 分钟");
      expect(wall.body).toContain("3 号窗口屏离线 3 分钟");
      // A zone's data wall warns about the zone's own devices.
      const east = await call("display", "GET", `/halls/${hall}/dashboard?zone=east&token=dev-display`);
      expect(east.body).toContain("东区主屏离线 3 分钟");
      expect(east.body).not.toContain("3 号窗口屏离线");
    });
  });
});

describe("re-assigning and revoking", () => {
  it("sends a re-assigned device to its new page", async () => {
    const hall = await newHall("dev-move");
    const { device, cookie } = await pair(hall, { kind: "main-screen", name: "东区主屏" });
    const feed = await openDeviceFeed(hall, cookie, "view=main");
    const moved = await call("manager", "PATCH", `/api/halls/${hall}/devices/${device.id}`, { kind: "data-wall", name: "数据大屏" });
    expect(moved.status).toBe(200);
    expect(moved.body.device).toMatchObject({ kind: "data-wall", name: "数据大屏" });
    await until(() => feed.messages.some((m) => m.type === "device.moved"), "device.moved");
    expect(feed.messages.find((m) => m.type === "device.moved")).toEqual({ type: "device.moved", location: `/halls/${hall}/dashboard` });
    feed.socket!.close();
    // Switched off during the change, it comes back on its old page and is sent on at once.
    const stale = await openDeviceFeed(hall, cookie, `view=main&page=/halls/${hall}/display`);
    await until(() => stale.messages.some((m) => m.type === "device.moved"), "device.moved on connect");
    stale.socket!.close();
    const current = await openDeviceFeed(hall, cookie, `view=dashboard&page=/halls/${hall}/dashboard`);
    await until(() => current.messages.some((m) => m.type === "html"), "the data wall");
    expect(current.messages.some((m) => m.type === "device.moved")).toBe(false);
    current.socket!.close();
  });

  it("refuses a re-assignment that does not fit, and changes nothing", async () => {
    const hall = await newHall("dev-move-bad");
    const { device } = await pair(hall, { kind: "main-screen", name: "x" });
    const bad = await call("manager", "PATCH", `/api/halls/${hall}/devices/${device.id}`, { kind: "counter" });
    expect(bad.status).toBe(400);
    expect(bad.body.details.window).toBeDefined();
    expect((await call("manager", "PATCH", `/api/halls/${hall}/devices/${device.id}`, { kind: "radio" })).status).toBe(400);
    expect((await deviceList(hall))[0]).toMatchObject({ kind: "main-screen", window: null });
  });

  it("sends a revoked device back to /pair, and refuses its credential on the API, the pages and the feed", async () => {
    const hall = await newHall("dev-revoke");
    const { device, cookie } = await pair(hall, { kind: "main-screen", name: "东区主屏" });
    const feed = await openDeviceFeed(hall, cookie, "view=main");
    const revoked = await call("manager", "DELETE", `/api/halls/${hall}/devices/${device.id}`);
    expect(revoked.status).toBe(200);
    await until(() => feed.messages.some((m) => m.type === "device.revoked"), "device.revoked");
    expect(await feed.closed).toBe(4001);
    expect((await fetchWith(`/api/halls/${hall}`, cookie)).status).toBe(401);
    const page = await fetchWith(`/halls/${hall}/display`, cookie);
    expect(page.status).toBe(401);
    expect(page.body).toContain('url=/pair');
    expect((await openDeviceFeed(hall, cookie, "view=main")).status).toBe(401);
    const pairPage = await fetchWith("/pair", cookie);
    expect(pairPage.status).toBe(200);
    expect(cookieFrom(pairPage.res, "tongban_device")!.attributes).toMatch(/Max-Age=0/);
    expect(await deviceList(hall)).toEqual([]);
    const audit = await call("manager", "GET", `/api/halls/${hall}/audit?limit=5`);
    expect(audit.body.entries.map((e: any) => e.action).slice(0, 2)).toEqual(["revoke_device", "pair_device"]);
  });

  it("refuses a forged credential as it refuses a revoked one", async () => {
    const hall = await newHall("dev-forged");
    const { device } = await pair(hall, { kind: "main-screen", name: "x" });
    const forged = `tongban_device=${hall}.${device.id}.${"0".repeat(64)}`;
    expect((await fetchWith(`/api/halls/${hall}`, forged)).status).toBe(401);
    expect((await fetchWith(`/api/halls/${hall}`, "tongban_device=garbage")).status).toBe(401);
  });
});
