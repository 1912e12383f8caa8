/**
 * People sign in as themselves: staff accounts with access and a password, sessions in a cookie,
 * lockout after wrong passwords, sign-out, expiry, foreign-origin writes, and an audit log that
 * names the person. Time moves on the hall's clock, never the machine's.
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it, onTestFinished } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { call, newHall, ORIGIN, snapshot } from "./helpers.js";
import { HOLD_FREE } from "../worker/sessions/sign-in-limits.js";

const PASSWORD = "correct horse 9";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

/** Stops the hall's clock at an instant of the test's choosing; returns the instant it stopped at. */
async function freezeClock(hall: string, move = 0): Promise<number> {
  return runInDurableObject(stubOf(hall), (o: HallObject) => {
    const at = o.clock() + move;
    o.clock = () => at;
    return at;
  });
}

/** A request as a browser sends it: the session cookie, and the page's own Origin unless told otherwise. */
async function browser(cookie: string | null, method: string, path: string, body?: unknown, origin: string | null = ORIGIN, device: string | null = null, client?: string) {
  const headers: Record<string, string> = {};
  const cookies = [cookie ? `tongban_session=${cookie}` : null, device].filter(Boolean);
  if (cookies.length) headers.Cookie = cookies.join("; ");
  if (client) headers["CF-Connecting-IP"] = client;
  if (origin) headers.Origin = origin;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await SELF.fetch(`${ORIGIN}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }), redirect: "manual" });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // a page
  }
  return { status: res.status, body: parsed, headers: res.headers, cookie: /tongban_session=([^;]*)/.exec(res.headers.get("Set-Cookie") ?? "")?.[1] ?? null };
}

async function staffHall(name: string): Promise<string> {
  const hall = await newHall(name);
  const manager = await call("manager", "PUT", `/api/halls/${hall}/staff/wangfang`, { name: "王芳", badge: "M001", role: "lead", access: "manager", password: PASSWORD });
  expect(manager.status).toBe(201);
  const counter = await call("manager", "PUT", `/api/halls/${hall}/staff/lijun`, { name: "李军", badge: "C002", access: "counter", password: PASSWORD });
  expect(counter.status).toBe(201);
  return hall;
}

/** A sign-in from a client address (CF-Connecting-IP, as Cloudflare sets it): each test's own, unless told. */
async function signIn(hall: string, badge: string, password = PASSWORD, client = `192.0.2.${hall.length}`) {
  return browser(null, "POST", `/api/halls/${hall}/sessions`, { badge, password }, ORIGIN, null, client);
}

/**
 * Counts the password checks (PBKDF2) the hall runs from now on; with `yieldMs`, each check
 * waits that long on a timer first, as a hash off the object's thread would let others in.
 */
async function countChecks(hall: string, yieldMs = 0): Promise<() => Promise<number>> {
  await runInDurableObject(stubOf(hall), (o: HallObject) => {
    const real = o.checkSecret;
    (o as any).checks = 0;
    o.checkSecret = async (secret, record) => {
      (o as any).checks++;
      if (yieldMs) await scheduler.wait(yieldMs);
      return real(secret, record);
    };
  });
  return () => runInDurableObject(stubOf(hall), (o: HallObject) => (o as any).checks as number);
}

/** A counter terminal of the hall, paired by a manager: its device cookie. */
async function pairedCounter(hall: string, window = "2"): Promise<string> {
  const shown = await SELF.fetch(`${ORIGIN}/api/pairing`, { method: "POST" });
  const { code } = (await shown.json()) as { code: string };
  const pairing = /tongban_pairing=[^;]*/.exec(shown.headers.get("Set-Cookie") ?? "")![0];
  const paired = await call("manager", "POST", `/api/halls/${hall}/devices`, { code, kind: "counter", name: `${window} 号窗口终端`, window });
  expect(paired.status, JSON.stringify(paired.body)).toBe(201);
  const status = await SELF.fetch(`${ORIGIN}/api/pairing/status`, { headers: { Cookie: pairing } });
  return /tongban_device=[^;]*/.exec(status.headers.getSetCookie().join("\n"))![0];
}

async function signedIn(hall: string, badge: string): Promise<string> {
  const res = await signIn(hall, badge);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.cookie!;
}

const staffList = async (hall: string) => (await call("manager", "GET", `/api/halls/${hall}/staff`)).body.staff;

describe("staff accounts with access and a password", () => {
  it("a manager sets them; the reply and the list say access and hasPassword, never the hash", async () => {
    const hall = await staffHall("sessions-accounts");
    const list = await staffList(hall);
    expect(list.find((s: any) => s.id === "wangfang")).toEqual({ id: "wangfang", name: "王芳", badge: "M001", role: "lead", access: "manager", hasPin: false, hasPassword: true });
    expect(list.find((s: any) => s.id === "lijun")).toMatchObject({ access: "counter", hasPassword: true });
    const kept = await runInDurableObject(stubOf(hall), (_o: HallObject, state) => ({
      passwords: state.storage.sql.exec("SELECT staff, hash FROM staff_passwords ORDER BY staff").toArray(),
      clear: [
        ...state.storage.sql.exec("SELECT body FROM events").toArray(),
        ...state.storage.sql.exec("SELECT detail FROM audit").toArray(),
        ...state.storage.sql.exec("SELECT body FROM commands").toArray(),
        ...state.storage.sql.exec("SELECT body FROM snapshot").toArray(),
      ].filter((r) => JSON.stringify(r).includes(PASSWORD)),
    }));
    expect(kept.passwords.map((r: any) => r.staff)).toEqual(["lijun", "wangfang"]);
    expect(kept.passwords.every((r: any) => /^[0-9a-f]{64}$/.test(r.hash as string))).toBe(true);
    expect(kept.clear).toEqual([]);
    expect(JSON.stringify(list)).not.toMatch(/hash|salt/);
  });

  it("an account saved without access keeps the access it has; a new one gets counter", async () => {
    const hall = await staffHall("sessions-keep-access");
    const renamed = await call("manager", "PUT", `/api/halls/${hall}/staff/wangfang`, { name: "王芳芳", badge: "M001", role: "lead" });
    expect(renamed.body.staff).toMatchObject({ name: "王芳芳", access: "manager", hasPassword: true });
    const fresh = await call("manager", "PUT", `/api/halls/${hall}/staff/zhao`, { name: "赵敏", badge: "C003" });
    expect(fresh.body.staff).toMatchObject({ access: "counter", hasPassword: false });
  });

  it("only a manager or an admin may set access or a password: 403 for the others, and nothing changes", async () => {
    const hall = await staffHall("sessions-account-roles");
    const before = await staffList(hall);
    for (const role of ["counter", "kiosk", "display"] as const) {
      const res = await call(role, "PUT", `/api/halls/${hall}/staff/lijun`, { name: "李军", badge: "C002", access: "manager", password: "taken over 1" });
      expect(res.status, role).toBe(403);
    }
    const counter = await signedIn(hall, "C002");
    const self = await browser(counter, "PUT", `/api/halls/${hall}/staff/lijun`, { name: "李军", badge: "C002", access: "manager" });
    expect(self.status).toBe(403);
    expect(await staffList(hall)).toEqual(before);
    expect((await signIn(hall, "C002", "taken over 1")).status).toBe(401);
    const admin = await call("admin", "PUT", `/api/halls/${hall}/staff/lijun`, { name: "李军", badge: "C002", access: "manager" });
    expect(admin.body.staff.access).toBe("manager");
  });

  it("a short password, an unknown access or a missing badge is a 400 naming the field, and nothing changes", async () => {
    const hall = await staffHall("sessions-bad-input");
    const before = await staffList(hall);
    const seq = (await snapshot(hall)).seq;
    const short = await call("manager", "PUT", `/api/halls/${hall}/staff/lijun`, { name: "李军", badge: "C002", password: "1234567" });
    expect(short.status).toBe(400);
    expect(Object.keys(short.body.details)).toEqual(["password"]);
    expect(short.body.details.password).toContain("至少 8 个字符");
    const access = await call("manager", "PUT", `/api/halls/${hall}/staff/lijun`, { name: "李军", badge: "C002", access: "boss" });
    expect(access.status).toBe(400);
    expect(Object.keys(access.body.details)).toEqual(["access"]);
    const noBadge = await call("manager", "PUT", `/api/halls/${hall}/staff/lijun`, { name: "李军", password: PASSWORD });
    expect(noBadge.status).toBe(400);
    expect(Object.keys(noBadge.body.details)).toEqual(["badge"]);
    expect(await staffList(hall)).toEqual(before);
    expect((await snapshot(hall)).seq).toBe(seq);
    expect((await signIn(hall, "C002", "1234567")).status).toBe(401);
    expect((await signIn(hall, "C002")).status).toBe(201);
  });
});

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Strict, 12-hour cookie and says who signed in", async () => {
    const hall = await staffHall("sessions-cookie");
    const at = await freezeClock(hall);
    const res = await signIn(hall, "M001");
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ session: { staff: "wangfang", name: "王芳", badge: "M001", access: "manager", expiresAt: new Date(at + 12 * 3600_000).toISOString() } });
    const attributes = res.headers.get("Set-Cookie")!.split(";").map((a) => a.trim());
    expect(attributes[0]).toMatch(new RegExp(`^tongban_session=${hall}\\.[0-9a-f]{32}\\.[0-9a-f]{64}$`));
    expect(attributes.slice(1)).toEqual(["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200", "Secure"]);
    const me = await browser(res.cookie, "GET", `/api/halls/${hall}/sessions/current`);
    expect(me.body.session).toMatchObject({ name: "王芳", access: "manager" });
    // A badge typed in lower case on a phone is the same badge.
    expect((await signIn(hall, "m001")).body.session.staff).toBe("wangfang");
  });

  it("a wrong badge and a wrong password get the same 401, which reveals neither", async () => {
    const hall = await staffHall("sessions-wrong");
    const checks = await countChecks(hall);
    const badge = await signIn(hall, "X999");
    const password = await signIn(hall, "M001", "not the password");
    const none = await call("manager", "PUT", `/api/halls/${hall}/staff/zhao`, { name: "赵敏", badge: "C003" });
    expect(none.status).toBe(201);
    const noPassword = await signIn(hall, "C003");
    for (const r of [badge, password, noPassword]) {
      expect(r.status).toBe(401);
      expect(r.cookie).toBeNull();
      expect(r.body).toEqual(badge.body);
    }
    expect(badge.body.error).toContain("警号或密码不正确");
    // Each cost the same hash: an unknown badge and an account without a password are checked
    // against a decoy, so the time taken does not tell a known badge either.
    expect(await checks()).toBe(3);
  });

  it("a missing badge or password is a 400 naming the field; a sign-in from a foreign page is a 403", async () => {
    const hall = await staffHall("sessions-sign-in-input");
    const noBadge = await browser(null, "POST", `/api/halls/${hall}/sessions`, { password: PASSWORD });
    expect(noBadge.status).toBe(400);
    expect(Object.keys(noBadge.body.details)).toEqual(["badge"]);
    const noPassword = await browser(null, "POST", `/api/halls/${hall}/sessions`, { badge: "M001" });
    expect(Object.keys(noPassword.body.details)).toEqual(["password"]);
    const foreign = await browser(null, "POST", `/api/halls/${hall}/sessions`, { badge: "M001", password: PASSWORD }, "https://evil.example");
    expect(foreign.status).toBe(403);
    expect(foreign.cookie).toBeNull();
    expect((await browser(null, "POST", "/api/halls/no-such-hall/sessions", { badge: "M001", password: PASSWORD })).status).toBe(404);
  });

  it("a sign-in without an Origin header is a 403 and checks nothing", async () => {
    const hall = await staffHall("sessions-no-origin");
    const checks = await countChecks(hall);
    const res = await browser(null, "POST", `/api/halls/${hall}/sessions`, { badge: "M001", password: PASSWORD }, null);
    expect(res.status).toBe(403);
    expect(res.body.error).toContain("Origin");
    expect(res.cookie).toBeNull();
    expect(await checks()).toBe(0);
  });
});

describe("wrong passwords earn waits, never a lock", () => {
  it("from one place: three wrong tries free, then 1 s, 2 s, 4 s; a try too soon is 429 and checks nothing", async () => {
    const hall = await staffHall("sessions-waits");
    const at = await freezeClock(hall);
    const checks = await countChecks(hall);
    for (let i = 1; i <= 3; i++) expect((await signIn(hall, "M001", `wrong-${i}-guess`)).status, `try ${i}`).toBe(401);
    for (const wait of [1, 2, 4]) {
      const tooSoon = await signIn(hall, "M001", PASSWORD);
      expect(tooSoon.status).toBe(429);
      expect(tooSoon.headers.get("Retry-After")).toBe(String(wait));
      expect(tooSoon.body).toMatchObject({ code: "too_many", details: { retryAfterSeconds: wait } });
      expect(tooSoon.cookie).toBeNull();
      await freezeClock(hall, wait * 1000);
      expect((await signIn(hall, "M001", "wrong again")).status).toBe(401);
    }
    // Six tries were checked; the three that came too soon were not.
    expect(await checks()).toBe(6);
    // The account is not locked: the officer signs in from another place at once.
    expect((await signIn(hall, "M001", PASSWORD, "198.51.100.7")).status).toBe(201);
    // And the waits were the hall clock's: a day later the first place is heard again.
    await runInDurableObject(stubOf(hall), (o: HallObject) => void (o.clock = () => at + 24 * 3600_000 + 7000));
    expect((await signIn(hall, "M001")).status).toBe(201);
  });

  it("fifty wrong passwords sent at once from one place: one at a time is checked, the rest are 429 without hashing", async () => {
    const hall = await staffHall("sessions-lockout-burst");
    await freezeClock(hall);
    // A hash that yields while it runs, as one off the object's thread would: without the
    // one-try-in-flight rule every guess would be checked against the same empty strikes.
    const checks = await countChecks(hall, 20);
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => signIn(hall, "C002", `burst-guess-${i}`)));
    // However the fifty interleave, no more are checked than the free tries, each after the last was counted.
    const checked = await checks();
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(3);
    expect(replies.filter((r) => r.status === 401)).toHaveLength(checked);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(50 - checked);
    // No lock: once the earned wait is over, the right password from here signs in.
    await freezeClock(hall, 1000);
    expect((await signIn(hall, "C002")).status).toBe(201);
  });

  it("a spray of badges from one place waits after ten; another place does not", async () => {
    const hall = await staffHall("sessions-spray");
    await freezeClock(hall);
    for (let i = 0; i < 10; i++) expect((await signIn(hall, `X${i}`, "guess-guess", "198.51.100.20")).status, `badge ${i}`).toBe(401);
    expect((await signIn(hall, "X10", "guess-guess", "198.51.100.20")).status).toBe(429);
    expect((await signIn(hall, "M001", PASSWORD, "198.51.100.21")).status).toBe(201);
  });

  it("strangers together wait once their burst of hashes is spent; the hall's own counter terminal does not", async () => {
    const hall = await staffHall("sessions-strangers");
    await freezeClock(hall);
    const terminal = await pairedCounter(hall);
    const checks = await countChecks(hall);
    const flood = [];
    for (let i = 0; i < 31; i++) flood.push((await signIn(hall, "C002", "stranger-guess", `203.0.113.${i}`)).status);
    expect(flood.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(flood[30]).toBe(429);
    expect(await checks()).toBe(30);
    const atCounter = await browser(null, "POST", `/api/halls/${hall}/sessions`, { badge: "C002", password: PASSWORD }, ORIGIN, terminal);
    expect(atCounter.status, JSON.stringify(atCounter.body)).toBe(201);
    // A quarter of a second later the bucket holds one more stranger's try.
    await freezeClock(hall, 250);
    expect((await signIn(hall, "C002", PASSWORD, "203.0.113.99")).status).toBe(201);
  });

  it("the hall's paired device is never slowed by wrong tries from elsewhere", async () => {
    const hall = await staffHall("sessions-paired");
    await freezeClock(hall);
    const terminal = await pairedCounter(hall);
    // Strangers on the hall's own Wi-Fi share the counter's public address.
    const address = "198.51.100.50";
    for (let i = 0; i < 12; i++) await signIn(hall, "C002", `elsewhere-${i}`, address);
    expect((await signIn(hall, "C002", PASSWORD, address)).status).toBe(429);
    const atCounter = await browser(null, "POST", `/api/halls/${hall}/sessions`, { badge: "C002", password: PASSWORD }, ORIGIN, terminal, address);
    expect(atCounter.status).toBe(201);
  });

  it("a place that keeps trying while told to wait is held before each answer, in the Worker: the hall's counter and kiosk are not", async () => {
    const hall = await staffHall("sessions-tarpit");
    await freezeClock(hall);
    const terminal = await pairedCounter(hall);
    const address = "198.51.100.60";
    for (let i = 0; i < 3; i++) expect((await signIn(hall, "C002", `tarpit-${i}`, address)).status).toBe(401);
    // Ten refused are answered at once, as a person retrying during a wait would want.
    for (let i = 0; i < HOLD_FREE; i++) {
      const tooSoon = await signIn(hall, "C002", PASSWORD, address);
      expect(tooSoon.status).toBe(429);
      expect(tooSoon.headers.get("Retry-After")).toBe("1");
    }
    // A script goes on: the next refusals are held 250 ms, 500 ms, 1 s, then 2 s each (a timer
    // never fires early, so these are floors however loaded the machine is).
    const sent = performance.now();
    const held = Array.from({ length: 6 }, () => signIn(hall, "C002", PASSWORD, address).then((r) => ({ status: r.status, ms: performance.now() - sent })));
    // Meanwhile the hall's own counter terminal signs in and the kiosk issues a ticket, unheld.
    const atCounter = browser(null, "POST", `/api/halls/${hall}/sessions`, { badge: "C002", password: PASSWORD }, ORIGIN, terminal, address).then((r) => ({ status: r.status, ms: performance.now() - sent }));
    const ticket = call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" }).then((r) => ({ status: r.status, ms: performance.now() - sent }));
    const replies = await Promise.all(held);
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(429));
    const times = replies.map((r) => r.ms).sort((a, b) => a - b);
    [250, 500, 1000, 2000, 2000, 2000].forEach((floor, i) => expect(times[i], `held reply ${i + 1}`).toBeGreaterThanOrEqual(floor));
    expect((await atCounter).status).toBe(201);
    expect((await ticket).status).toBe(201);
    expect((await atCounter).ms).toBeLessThan(times[5]!);
    expect((await ticket).ms).toBeLessThan(times[5]!);
    // Past the hold the place is still told its wait: 1 s earned, less the 2 s held, is at least 1.
    const after = await signIn(hall, "C002", PASSWORD, address);
    expect(after.status).toBe(429);
    expect(after.headers.get("Retry-After")).toBe("1");
    // A wrong password heard once the wait is over does not start the holds again: a flood from
    // many addresses is heard now and then (the strangers' bucket), and stays held between.
    await freezeClock(hall, 1000);
    expect((await signIn(hall, "C002", "tarpit-heard", address)).status).toBe(401);
    const again = performance.now();
    expect((await signIn(hall, "C002", PASSWORD, address)).status).toBe(429);
    expect(performance.now() - again).toBeGreaterThanOrEqual(2000);
  });

  it("a place's tries sent while one of its refusals is held are refused in the Worker, never reach the hall object, and are audited", async () => {
    const hall = await staffHall("sessions-held-places");
    await freezeClock(hall);
    const address = "198.51.100.70";
    for (let i = 0; i < 3; i++) expect((await signIn(hall, "C002", `held-${i}`, address)).status).toBe(401);
    // Ten refusals answered at once, then holds of 250 ms, 500 ms and 1 s: the next is held 2 s.
    for (let i = 0; i < HOLD_FREE + 3; i++) expect((await signIn(hall, "C002", PASSWORD, address)).status).toBe(429);
    // Counts the sign-ins that reach this hall's object (RPC looks methods up on the prototype).
    const proto = await runInDurableObject(stubOf(hall), (o: HallObject) => {
      const proto = Object.getPrototypeOf(o) as HallObject;
      const real = proto.signIn;
      (o as any).signIns = 0;
      proto.signIn = function (this: HallObject, ...args: Parameters<HallObject["signIn"]>) {
        if (this === o) (o as any).signIns++;
        return real.apply(this, args);
      };
      return { proto, real };
    });
    onTestFinished(() => void (proto.proto.signIn = proto.real));
    const signIns = () => runInDurableObject(stubOf(hall), (o: HallObject) => (o as any).signIns as number);
    const first = signIn(hall, "C002", PASSWORD, address);
    // Once the hall has answered it and the Worker holds it (2 s), ten more tries from the place.
    while ((await signIns()) === 0) await scheduler.wait(10);
    await scheduler.wait(200);
    const more = await Promise.all(Array.from({ length: 10 }, () => signIn(hall, "C002", PASSWORD, address)));
    expect((await first).status).toBe(429);
    expect(more.map((r) => r.status)).toEqual(Array(10).fill(429));
    expect(more[0]!.headers.get("Retry-After")).toBe("1");
    expect(more[0]!.body).toMatchObject({ code: "too_many" });
    expect(await signIns()).toBe(1);
    // The place's next try reaches the hall and tells it of the ten: all are in the audit row.
    expect((await signIn(hall, "C002", PASSWORD, address)).status).toBe(429);
    expect(await signIns()).toBe(2);
    const row = (await call("manager", "GET", `/api/halls/${hall}/audit?limit=50`)).body.entries.find((e: any) => e.action === "session_refused" && e.actor === `client ${address}`);
    expect(JSON.parse(row.detail)).toMatchObject({ count: 3 + HOLD_FREE + 3 + 1 + 10 + 1, wrong: 3, waiting: HOLD_FREE + 3 + 1 + 10 + 1 });
  });

  it("refused tries are audited as one row per place per minute, with a count", async () => {
    const hall = await staffHall("sessions-refused-audit");
    await freezeClock(hall);
    for (let i = 0; i < 20; i++) await signIn(hall, i % 2 ? "M001" : "X404", `audit-guess-${i}`, "192.0.2.1");
    await signIn(hall, "C002", "other-guess", "192.0.2.2");
    await freezeClock(hall, 60_000);
    await signIn(hall, "M001", "next-minute", "192.0.2.1");
    const rows = (await call("manager", "GET", `/api/halls/${hall}/audit?limit=50`)).body.entries
      .filter((e: any) => e.action === "session_refused")
      .map((e: any) => ({ ...e, detail: JSON.parse(e.detail) }));
    expect(rows.map((r: any) => [r.actor, r.detail.count])).toEqual([
      ["client 192.0.2.1", 1],
      ["client 192.0.2.2", 1],
      ["client 192.0.2.1", 20],
    ]);
    // Three wrong tries of each badge were heard; from then on each came too soon.
    expect(rows[2].detail).toMatchObject({ wrong: 6, waiting: 14, badges: ["X404", "M001"] });
    expect(rows[2].role).toBe("anonymous");
  });
});

describe("a session at work", () => {
  it("a manager's session runs the hall, and the audit row names the person", async () => {
    const hall = await staffHall("sessions-manager");
    const cookie = await signedIn(hall, "M001");
    const closed = await browser(cookie, "PATCH", `/api/halls/${hall}/windows/2`, { state: "closed" });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.window.state).toBe("closed");
    const audit = (await browser(cookie, "GET", `/api/halls/${hall}/audit?limit=5`)).body.entries;
    expect(audit[0]).toMatchObject({ action: "set_window", actor: "王芳 (M001)", role: "manager", target: "window:2" });
    expect(audit[1]).toMatchObject({ action: "session_start", actor: "王芳 (M001)" });
  });

  it("a person signed in with their password puts themselves on a window in one step, but nobody else without that person's secret", async () => {
    const hall = await staffHall("sessions-own-window");
    await call("manager", "PUT", `/api/halls/${hall}/staff/zhao`, { name: "赵敏", badge: "C003", access: "counter", password: "zhao min 2026" });
    const cookie = await signedIn(hall, "C002");
    const mine = await browser(cookie, "POST", `/api/halls/${hall}/staff/lijun/sign-in`, { window: "3" });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.window.officer).toEqual({ id: "lijun", name: "李军", badge: "C002" });
    const other = await browser(cookie, "POST", `/api/halls/${hall}/staff/zhao/sign-in`, { window: "4" });
    expect(other.status).toBe(400);
    expect(other.body.details.password).toContain("required");
    expect((await snapshot(hall)).windows.find((w: any) => w.id === "4").officer).toBeNull();
    const audit = (await call("manager", "GET", `/api/halls/${hall}/audit?limit=5`)).body.entries;
    expect(audit.find((r: any) => r.action === "sign_in_staff")).toMatchObject({ actor: "李军 (C002)", role: "counter", target: "window:3" });
  });

  it("a counter's session works a window but cannot do a manager's things (403)", async () => {
    const hall = await staffHall("sessions-counter");
    await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household" });
    const cookie = await signedIn(hall, "C002");
    const called = await browser(cookie, "POST", `/api/halls/${hall}/windows/1/call`, {});
    expect(called.status).toBe(200);
    expect(called.body.ticket.number).toBe("A001");
    const before = (await snapshot(hall)).windows;
    for (const [method, path, body] of [
      ["PATCH", `/api/halls/${hall}/windows/2`, { state: "closed" }],
      ["PUT", `/api/halls/${hall}/staff/zhao`, { name: "赵敏", badge: "C003" }],
      ["GET", `/api/halls/${hall}/audit`, undefined],
      ["POST", `/api/halls/${hall}/reset`, {}],
    ] as const) {
      const res = await browser(cookie, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error).toContain("counter sign-in");
    }
    expect((await snapshot(hall)).windows).toEqual(before);
    const audit = (await call("manager", "GET", `/api/halls/${hall}/audit?limit=3`)).body.entries;
    expect(audit.find((a: any) => a.action === "call")).toMatchObject({ actor: "李军 (C002)", role: "counter" });
  });

  it("a write with the session cookie from a foreign or missing Origin is a 403, and nothing changes", async () => {
    const hall = await staffHall("sessions-origin");
    const cookie = await signedIn(hall, "M001");
    const before = await snapshot(hall);
    for (const origin of ["https://evil.example", null]) {
      const res = await browser(cookie, "PATCH", `/api/halls/${hall}/windows/2`, { state: "closed" }, origin);
      expect(res.status, String(origin)).toBe(403);
      expect(res.body.error).toContain("Origin");
      const out = await browser(cookie, "DELETE", `/api/halls/${hall}/sessions/current`, undefined, origin);
      expect(out.status).toBe(403);
    }
    expect(await snapshot(hall)).toEqual(before);
    // Reads carry no risk from a foreign page (its script cannot see the reply) and the session still works.
    expect((await browser(cookie, "GET", `/api/halls/${hall}`, undefined, null)).status).toBe(200);
    expect((await browser(cookie, "PATCH", `/api/halls/${hall}/windows/2`, { state: "closed" })).status).toBe(200);
  });

  it("a session kept by another hall does not sign in here", async () => {
    const hall = await staffHall("sessions-other-hall");
    const other = await staffHall("sessions-other-hall-b");
    const cookie = await signedIn(other, "M001");
    expect((await browser(cookie, "GET", `/api/halls/${hall}`)).status).toBe(401);
    expect((await browser(cookie, "GET", `/api/halls/${other}`)).status).toBe(200);
  });
});

describe("a session ends", () => {
  it("on sign-out: the cookie is cleared and the old cookie gets 401", async () => {
    const hall = await staffHall("sessions-sign-out");
    const cookie = await signedIn(hall, "M001");
    const out = await browser(cookie, "DELETE", `/api/halls/${hall}/sessions/current`);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedOut: true });
    expect(out.headers.get("Set-Cookie")).toMatch(/^tongban_session=; HttpOnly; SameSite=Strict; Path=\/; Max-Age=0/);
    for (const path of [`/api/halls/${hall}`, `/api/halls/${hall}/sessions/current`]) {
      const res = await browser(cookie, "GET", path);
      expect(res.status, path).toBe(401);
    }
    expect((await browser(cookie, "PATCH", `/api/halls/${hall}/windows/2`, { state: "closed" })).status).toBe(401);
    const again = await browser(cookie, "DELETE", `/api/halls/${hall}/sessions/current`);
    expect(again.status).toBe(404);
    expect(again.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect((await browser(null, "DELETE", `/api/halls/${hall}/sessions/current`)).status).toBe(404);
    const audit = (await call("manager", "GET", `/api/halls/${hall}/audit?limit=1`)).body.entries;
    expect(audit[0]).toMatchObject({ action: "session_end", actor: "王芳 (M001)" });
  });

  it("after 12 hours on the hall's clock: 401", async () => {
    const hall = await staffHall("sessions-expiry");
    await freezeClock(hall);
    const cookie = await signedIn(hall, "C002");
    await freezeClock(hall, 12 * 3600_000 - 1000);
    expect((await browser(cookie, "GET", `/api/halls/${hall}`)).status).toBe(200);
    await freezeClock(hall, 1000);
    const expired = await browser(cookie, "GET", `/api/halls/${hall}`);
    expect(expired.status).toBe(401);
    expect(expired.body.error).toContain("sign-in is no longer valid");
  });

  it("when the person's password is changed or their account removed", async () => {
    const hall = await staffHall("sessions-revoked");
    const manager = await signedIn(hall, "M001");
    const counter = await signedIn(hall, "C002");
    await call("manager", "PUT", `/api/halls/${hall}/staff/wangfang`, { name: "王芳", badge: "M001", role: "lead", password: "a new one 123" });
    expect((await browser(manager, "GET", `/api/halls/${hall}`)).status).toBe(401);
    expect((await signIn(hall, "M001", "a new one 123")).status).toBe(201);
    await call("manager", "DELETE", `/api/halls/${hall}/staff/lijun`);
    expect((await browser(counter, "GET", `/api/halls/${hall}`)).status).toBe(401);
    expect((await signIn(hall, "C002")).status).toBe(401);
  });

  it("a forged or malformed cookie is a 401", async () => {
    const hall = await staffHall("sessions-forged");
    const cookie = await signedIn(hall, "M001");
    const forged = cookie.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
    expect((await browser(forged, "GET", `/api/halls/${hall}`)).status).toBe(401);
    expect((await browser("nonsense", "GET", `/api/halls/${hall}`)).status).toBe(401);
  });
});

describe("the pages", () => {
  it("the login page needs no token, and honours only a same-hall next", async () => {
    const hall = await staffHall("sessions-login-page");
    const page = await browser(null, "GET", `/halls/${hall}/login?next=${encodeURIComponent(`/halls/${hall}/counter/3`)}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(page.body).toContain("工作人员登录");
    expect(page.body).toContain(`"next":"/halls/${hall}/counter/3"`);
    const foreign = await browser(null, "GET", `/halls/${hall}/login?next=${encodeURIComponent("//evil.example/x")}`);
    expect(foreign.body).toContain('"next":null');
    expect((await browser(null, "GET", "/halls/no-such-hall/login")).status).toBe(404);
  });

  it("a console opened with no token and no sign-in goes to the login page; a screen does not", async () => {
    const hall = await staffHall("sessions-redirect");
    for (const path of [`/halls/${hall}/manage`, `/halls/${hall}/counter/3?device=t3`]) {
      const res = await browser(null, "GET", path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location")).toBe(`/halls/${hall}/login?next=${encodeURIComponent(path)}`);
    }
    expect((await browser(null, "GET", `/halls/${hall}/display`)).status).toBe(401);
    expect((await browser(null, "GET", `/halls/${hall}/manage?token=guess`)).status).toBe(401);
  });

  it("signed in, the console names the person, offers 退出登录, and its feed carries no token", async () => {
    const hall = await staffHall("sessions-console");
    const cookie = await signedIn(hall, "M001");
    const page = await browser(cookie, "GET", `/halls/${hall}/manage`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="signed-in"');
    expect(page.body).toContain("王芳 (M001)");
    expect(page.body).toContain("退出登录");
    expect(page.body).not.toContain("token=");
    const counter = await signedIn(hall, "C002");
    const refused = await browser(counter, "GET", `/halls/${hall}/manage`);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("李军 (C002) 无权打开此页");
    expect(refused.body).toContain(`/halls/${hall}/login?next=`);
    expect((await browser(counter, "GET", `/halls/${hall}/counter/3`)).body).toContain("李军 (C002)");
    // A token's console has no bar.
    expect((await call("manager", "GET", `/halls/${hall}/manage?token=dev-manager`)).body).not.toContain('id="signed-in"');
  });
});
