/**
 * Who may do what, and what leaks: the role × action matrix (the table below is the spec),
 * foreign-origin sockets, limits on what a socket may send, tokens kept out of logs and the
 * audit table, and one audit row per privileged action, written with the change.
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { Hono } from "hono";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { onError } from "../worker/edge/errors.js";
import type { HallObject } from "../worker/hall-object/index.js";
import { MAX_MESSAGES_PER_WINDOW } from "../worker/hall-object/limits.js";
import worker from "../worker/index.js";
import { PAGES } from "../worker/pages/routes.js";
import { call, issue, newHall, ORIGIN, snapshot, type Role } from "./helpers.js";

/** Every role a token may have; a reporter (issue 24 §4) is in none of the groups below. */
const ROLES: Role[] = ["admin", "manager", "counter", "kiosk", "display", "reporter"];
const ANY: Role[] = ["admin", "manager", "counter", "kiosk", "display"];
/** Routes whose credential is not the token (public, a sign-in, a ticket link, a pairing code): any token passes. */
const EVERYONE = ROLES;
const STAFF: Role[] = ["admin", "manager", "counter"];
const ADMINS: Role[] = ["admin"];
const MANAGERS: Role[] = ["admin", "manager"];
const FRONT_DESK: Role[] = ["admin", "manager", "kiosk"];

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

interface Attempt {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Manager-side setup an action needs before it can succeed, then the attempt itself. */
type Action = { roles: Role[]; attempt: (hall: string) => Promise<Attempt> };

const post = (path: string, body: unknown = {}): Attempt => ({ method: "POST", path, body });
const called = async (hall: string) => {
  await issue(hall, "traffic");
  await call("manager", "POST", `/api/halls/${hall}/windows/5/call`);
};
const withRegion = (region: string) => call("admin", "PUT", `/api/regions/${region}`, { name: { "zh-Hans": "区域" }, parent: null });
const withStaff = async (hall: string, id: string) => {
  const res = await call("manager", "PUT", `/api/halls/${hall}/staff/${id}`, { name: "王建国", badge: "045123", pin: "3141" });
  if (res.status !== 201) throw new Error(`staff: ${res.status} ${JSON.stringify(res.body)}`);
};
/** A hall's report as another deployment sends it (worker/regions/upstream.routes.ts), to the region named like the hall. */
const matrixReport = (hall: string) => ({
  hall, name: "区域大厅", region: hall, seq: 1, reportedAt: Date.parse("2031-03-04T09:00:00+08:00"), day: "2031-03-04",
  waiting: 0, beingServed: 0, windowsOpen: 1, windowsTotal: 1, officersOnDuty: 0, oldestQueuedAt: null, alarmMinutes: 30,
  waitsCounted: 0, meanWaitMinutes: null, p90WaitMinutes: null, issuedToday: 0, servedToday: 0, categories: [], location: null, address: null,
});
/** A person with a password, signed in: the cookie and this page's Origin, for the session routes. */
const signedIn = async (hall: string): Promise<Record<string, string>> => {
  await call("manager", "PUT", `/api/halls/${hall}/staff/s4`, { name: "周丽", badge: "045126", access: "counter", password: "matrix-pass-1" });
  const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: ORIGIN },
    body: JSON.stringify({ badge: "045126", password: "matrix-pass-1" }),
  });
  const cookie = /tongban_session=[^;]*/.exec(res.headers.get("Set-Cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return { Cookie: cookie, Origin: ORIGIN };
};
/** Window 3 for the afternoon: a plan applied for today (worker/planning/day-plans.object.ts). */
const MATRIX_PLAN = [{ id: "3", categories: ["traffic"], shifts: [{ opens: "14:00", closes: "16:00" }] }];
const withPlan = async (hall: string) => {
  const path = `/api/halls/${hall}/plan/${(await snapshot(hall)).hall.day}`;
  const res = await call("manager", "PUT", path, { windows: MATRIX_PLAN });
  if (res.status !== 201) throw new Error(`plan: ${res.status} ${JSON.stringify(res.body)}`);
  return path;
};
/** A code shown on a /pair page, and that browser's pairing cookie. */
const pairingCode = async () => {
  const res = await SELF.fetch(`${ORIGIN}/api/pairing`, { method: "POST" });
  const { code } = (await res.json()) as { code: string };
  return { code, cookie: res.headers.getSetCookie()[0]!.split(";")[0]! };
};
const withDevice = async (hall: string) => {
  const res = await call("manager", "POST", `/api/halls/${hall}/devices`, { code: (await pairingCode()).code, kind: "main-screen", name: "主屏" });
  if (res.status !== 201) throw new Error(`device: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.device.id as string;
};
const withWebhook = async (hall: string) => {
  const res = await call("manager", "POST", `/api/halls/${hall}/webhooks`, { url: "https://hooks.example.com/matrix", events: ["ticket.called"] });
  if (res.status !== 201) throw new Error(`webhook: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.webhook.id as string;
};
/** A citizen's signed status link (the token after /t/) for a traffic ticket, C001 in a fresh hall. */
const ticketLink = async (hall: string) => {
  const res = await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "traffic" });
  if (res.status !== 201) throw new Error(`kiosk ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return String(res.body.statusPath).slice("/t/".length);
};
const withContent = async (hall: string) => {
  const res = await call("manager", "POST", `/api/halls/${hall}/content`, { kind: "notice", text: { "zh-Hans": "通知" } });
  if (res.status !== 201) throw new Error(`content: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.item.id as string;
};
const withRegionContent = async (region: string) => {
  await withRegion(region);
  const res = await call("manager", "POST", `/api/regions/${region}/content`, { kind: "notice", text: { "zh-Hans": "全区通知" } });
  if (res.status !== 201) throw new Error(`region content: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.item.id as string;
};
/** An image in R2 under `prefix`, as an upload leaves it; its id. */
const withImage = async (prefix: string) => {
  const id = "ab".repeat(32);
  await env.MEDIA!.put(`${prefix}/${id}`, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { httpMetadata: { contentType: "image/png" } });
  return id;
};
/** An archive of day 0's events, as the hall's alarm would have left it (tests/archives.test.ts makes real ones). */
const archived = async (hall: string) => {
  await runInDurableObject(env.HALL.get(env.HALL.idFromName(hall)), (_o: HallObject, state) => {
    state.storage.sql.exec("INSERT INTO archives (kind, day, part, first, last, rows, bytes, archived_at) VALUES ('events', '2031-03-04', 1, 1, 1, 1, 20, '2031-03-12T01:00:00.000Z')");
  });
  const gz = new Uint8Array(await new Response(new Blob(['{"seq":1}\n']).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
  await env.MEDIA!.put(`archives/${hall}/events/2031-03-04.ndjson.gz`, gz);
  return { method: "GET", path: `/api/halls/${hall}/archives/events/2031-03-04.ndjson.gz` };
};
const demoBody = async () => {
  const { demoConfig } = await import("../worker/demo/hall.js");
  return demoConfig();
};

/**
 * THE SPEC: every API operation, by "METHOD /path" as /api/openapi.json names it, and the roles
 * allowed to do it (from the route definitions in the rooms' routes.ts files). Every other role gets 403.
 * A route added to the document fails "names every operation" until it is added here.
 */
const MATRIX: Record<string, Action> = {
  "PUT /api/halls/{hall}": { roles: ["admin"], attempt: async (h) => ({ method: "PUT", path: `/api/halls/${h}`, body: await demoBody() }) },
  "PATCH /api/halls/{hall}": { roles: MANAGERS, attempt: async (h) => ({ method: "PATCH", path: `/api/halls/${h}`, body: { notice: "午休不停办" } }) },
  "GET /api/halls/{hall}": { roles: ANY, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}` }) },
  "POST /api/halls/{hall}/tickets": { roles: FRONT_DESK, attempt: async (h) => post(`/api/halls/${h}/tickets`, { category: "household" }) },
  "POST /api/halls/{hall}/windows/{window}/call": {
    roles: STAFF,
    attempt: async (h) => (await issue(h, "traffic"), post(`/api/halls/${h}/windows/5/call`)),
  },
  "POST /api/halls/{hall}/windows/{window}/recall": { roles: STAFF, attempt: async (h) => (await called(h), post(`/api/halls/${h}/windows/5/recall`)) },
  "POST /api/halls/{hall}/windows/{window}/start": { roles: STAFF, attempt: async (h) => (await called(h), post(`/api/halls/${h}/windows/5/start`)) },
  "POST /api/halls/{hall}/windows/{window}/finish": { roles: STAFF, attempt: async (h) => (await called(h), post(`/api/halls/${h}/windows/5/finish`)) },
  "POST /api/halls/{hall}/windows/{window}/no-show": { roles: STAFF, attempt: async (h) => (await called(h), post(`/api/halls/${h}/windows/5/no-show`)) },
  "POST /api/halls/{hall}/windows/{window}/sign-in": {
    roles: MANAGERS,
    attempt: async (h) => post(`/api/halls/${h}/windows/2/sign-in`, { officer: { name: "李秀英", badge: "045124" } }),
  },
  "POST /api/halls/{hall}/windows/{window}/sign-out": {
    roles: STAFF,
    attempt: async (h) => {
      await call("manager", "POST", `/api/halls/${h}/windows/2/sign-in`, { officer: { name: "李秀英", badge: "045124" } });
      return post(`/api/halls/${h}/windows/2/sign-out`);
    },
  },
  "PATCH /api/halls/{hall}/windows/{window}": { roles: MANAGERS, attempt: async (h) => ({ method: "PATCH", path: `/api/halls/${h}/windows/1`, body: { state: "closed" } }) },
  "POST /api/halls/{hall}/windows/{window}/pause": { roles: STAFF, attempt: async (h) => post(`/api/halls/${h}/windows/1/pause`) },
  "POST /api/halls/{hall}/windows/{window}/resume": {
    roles: STAFF,
    attempt: async (h) => (await call("manager", "POST", `/api/halls/${h}/windows/1/pause`), post(`/api/halls/${h}/windows/1/resume`)),
  },
  "POST /api/halls/{hall}/tickets/{ticket}/transfer": {
    roles: STAFF,
    attempt: async (h) => (await issue(h, "household"), post(`/api/halls/${h}/tickets/A001/transfer`, { category: "traffic" })),
  },
  "POST /api/halls/{hall}/tickets/{ticket}/cancel": { roles: STAFF, attempt: async (h) => (await issue(h, "household"), post(`/api/halls/${h}/tickets/A001/cancel`)) },
  "POST /api/halls/{hall}/tickets/{ticket}/requeue": {
    roles: STAFF,
    attempt: async (h) => {
      await called(h);
      await call("manager", "POST", `/api/halls/${h}/windows/5/no-show`);
      return post(`/api/halls/${h}/tickets/C001/requeue`);
    },
  },
  "POST /api/halls/{hall}/reset": { roles: MANAGERS, attempt: async (h) => post(`/api/halls/${h}/reset`) },
  "GET /api/halls/{hall}/live": {
    roles: ANY,
    attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/live`, headers: { Upgrade: "websocket" } }),
  },
  "POST /api/halls/{hall}/staff/{staff}/sign-in": {
    roles: STAFF,
    attempt: async (h) => (await withStaff(h, "s1"), post(`/api/halls/${h}/staff/s1/sign-in`, { window: "3", pin: "3141" })),
  },
  "GET /api/halls/{hall}/staff": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/staff` }) },
  "GET /api/halls/{hall}/windows/{window}/officers": { roles: STAFF, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/windows/3/officers` }) },
  "POST /api/halls/{hall}/kiosk/tickets": { roles: FRONT_DESK, attempt: async (h) => post(`/api/halls/${h}/kiosk/tickets`, { category: "traffic" }) },
  "POST /api/halls/{hall}/appointments/{code}/check-in": {
    roles: FRONT_DESK,
    attempt: async (h) => {
      const booked = await call("manager", "POST", `/api/halls/${h}/appointments`, { category: "exit-entry" });
      return post(`/api/halls/${h}/appointments/${booked.body.appointment.code}/check-in`);
    },
  },
  "POST /api/halls/{hall}/windows/{window}/check-in": {
    roles: STAFF,
    attempt: async (h) => {
      const booked = await call("manager", "POST", `/api/halls/${h}/appointments`, { category: "exit-entry" });
      return post(`/api/halls/${h}/windows/1/check-in`, { code: booked.body.appointment.code });
    },
  },
  "PUT /api/halls/{hall}/staff/{staff}": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "PUT", path: `/api/halls/${h}/staff/s2`, body: { name: "陈志强", badge: "045125" } }),
  },
  "DELETE /api/halls/{hall}/staff/{staff}": {
    roles: MANAGERS,
    attempt: async (h) => (await withStaff(h, "s3"), { method: "DELETE", path: `/api/halls/${h}/staff/s3` }),
  },
  "POST /api/halls/{hall}/appointments": { roles: MANAGERS, attempt: async (h) => post(`/api/halls/${h}/appointments`, { category: "household" }) },
  "POST /api/halls/{hall}/preview": { roles: MANAGERS, attempt: async (h) => post(`/api/halls/${h}/preview`, { windows: [{ window: "1", state: "closed" }] }) },
  "POST /api/halls/{hall}/webhooks": {
    roles: MANAGERS,
    attempt: async (h) => post(`/api/halls/${h}/webhooks`, { url: "https://hooks.example.com/matrix", events: ["ticket.near"] }),
  },
  "GET /api/halls/{hall}/webhooks": { roles: MANAGERS, attempt: async (h) => (await withWebhook(h), { method: "GET", path: `/api/halls/${h}/webhooks` }) },
  "DELETE /api/halls/{hall}/webhooks/{webhook}": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "DELETE", path: `/api/halls/${h}/webhooks/${await withWebhook(h)}` }),
  },
  "GET /api/halls/{hall}/webhooks/{webhook}/deliveries": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/webhooks/${await withWebhook(h)}/deliveries` }),
  },
  "GET /api/halls/{hall}/events": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/events?after=0&limit=10` }) },
  "GET /api/halls/{hall}/audit": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/audit` }) },
  "GET /api/halls/{hall}/archives": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/archives` }) },
  "GET /api/halls/{hall}/archives/{kind}/{file}": { roles: MANAGERS, attempt: archived },
  "GET /api/halls/{hall}/stats": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/stats?by=window` }) },
  "GET /api/halls/{hall}/stats.csv": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/stats.csv` }) },
  "GET /api/halls/{hall}/advice": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/advice` }) },
  // Signing in and out asks for no role: the badge and password, or the session cookie, are the check.
  "POST /api/halls/{hall}/sessions": {
    roles: EVERYONE,
    attempt: async (h) => (await signedIn(h), { ...post(`/api/halls/${h}/sessions`, { badge: "045126", password: "matrix-pass-1" }), headers: { Origin: ORIGIN } }),
  },
  "GET /api/halls/{hall}/sessions/current": { roles: EVERYONE, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/sessions/current`, headers: await signedIn(h) }) },
  "DELETE /api/halls/{hall}/sessions/current": {
    roles: EVERYONE,
    attempt: async (h) => ({ method: "DELETE", path: `/api/halls/${h}/sessions/current`, headers: await signedIn(h) }),
  },
  "GET /api/halls/{hall}/plan": {
    roles: MANAGERS,
    // A ticket today, then a week on: the plan for that day has today as its history.
    attempt: async (h) => {
      await issue(h, "household");
      const today = (await snapshot(h)).hall.day as string;
      const week = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
      await runInDurableObject(stubOf(h), (o: HallObject) => {
        o.clock = () => Date.parse(`${week}T08:00:00+08:00`);
      });
      return { method: "GET", path: `/api/halls/${h}/plan?date=${week}` };
    },
  },
  "PUT /api/halls/{hall}/plan/{date}": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "PUT", path: `/api/halls/${h}/plan/${(await snapshot(h)).hall.day}`, body: { windows: MATRIX_PLAN } }),
  },
  "GET /api/halls/{hall}/plan/{date}": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: await withPlan(h) }) },
  "DELETE /api/halls/{hall}/plan/{date}": { roles: MANAGERS, attempt: async (h) => ({ method: "DELETE", path: await withPlan(h) }) },
  "POST /api/halls/{hall}/devices": {
    roles: MANAGERS,
    attempt: async (h) => post(`/api/halls/${h}/devices`, { code: (await pairingCode()).code, kind: "kiosk", name: "取号机" }),
  },
  "GET /api/halls/{hall}/devices": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/devices` }) },
  "PATCH /api/halls/{hall}/devices/{device}": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "PATCH", path: `/api/halls/${h}/devices/${await withDevice(h)}`, body: { kind: "data-wall" } }),
  },
  "DELETE /api/halls/{hall}/devices/{device}": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "DELETE", path: `/api/halls/${h}/devices/${await withDevice(h)}` }),
  },
  // A device that belongs to no hall yet asks for its code: no role needed, every one may.
  "POST /api/pairing": { roles: EVERYONE, attempt: async () => post("/api/pairing") },
  "GET /api/pairing/status": {
    roles: EVERYONE,
    attempt: async () => ({ method: "GET", path: "/api/pairing/status", headers: { Cookie: (await pairingCode()).cookie } }),
  },
  "POST /api/halls/{hall}/tickets/{ticket}/rating": {
    roles: STAFF,
    attempt: async (h) => (await called(h), await call("manager", "POST", `/api/halls/${h}/windows/5/finish`), post(`/api/halls/${h}/tickets/C001/rating`, { score: 5 })),
  },
  // Regions (worker/regions/routes.ts): the hall is the region's id; the public list takes any caller.
  "PUT /api/regions/{region}": { roles: ["admin"], attempt: async (h) => ({ method: "PUT", path: `/api/regions/${h}`, body: { name: { "zh-Hans": "区域" }, parent: null } }) },
  "GET /api/regions/{region}": { roles: ANY, attempt: async (h) => (await withRegion(h), { method: "GET", path: `/api/regions/${h}` }) },
  "GET /api/regions/{region}/live": {
    roles: ANY,
    attempt: async (h) => (await withRegion(h), { method: "GET", path: `/api/regions/${h}/live`, headers: { Upgrade: "websocket" } }),
  },
  "GET /api/regions/{region}/halls": { roles: EVERYONE, attempt: async (h) => (await withRegion(h), { method: "GET", path: `/api/regions/${h}/halls` }) },
  "GET /api/regions/{region}/stats": { roles: MANAGERS, attempt: async (h) => (await withRegion(h), { method: "GET", path: `/api/regions/${h}/stats` }) },
  "GET /api/regions/{region}/stats.csv": { roles: MANAGERS, attempt: async (h) => (await withRegion(h), { method: "GET", path: `/api/regions/${h}/stats.csv` }) },
  "POST /api/halls/{hall}/windows/{window}/evaluation": {
    roles: ["admin", "manager", "counter", "display"],
    attempt: async (h) => (await called(h), await call("manager", "POST", `/api/halls/${h}/windows/5/finish`), post(`/api/halls/${h}/windows/5/evaluation`, { score: 5 })),
  },
  "GET /api/halls/{hall}/appointments": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/appointments` }) },
  "DELETE /api/halls/{hall}/appointments/{code}": {
    roles: MANAGERS,
    attempt: async (h) => {
      const booked = await call("manager", "POST", `/api/halls/${h}/appointments`, { category: "traffic" });
      return { method: "DELETE", path: `/api/halls/${h}/appointments/${booked.body.appointment.code}` };
    },
  },
  "PUT /api/halls/{hall}/windows/{window}/evaluation/contact": {
    roles: ["admin", "manager", "counter", "display"],
    attempt: async (h) => {
      await called(h);
      await call("manager", "POST", `/api/halls/${h}/windows/5/finish`);
      await call("display", "POST", `/api/halls/${h}/windows/5/evaluation`, { score: 1 });
      const [poor] = (await call("manager", "GET", `/api/halls/${h}/follow-ups`)).body.followUps;
      return { method: "PUT", path: `/api/halls/${h}/windows/5/evaluation/contact`, body: { ticket: poor.ticket, mobile: "13812345678" } };
    },
  },
  "GET /api/halls/{hall}/follow-ups": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/follow-ups` }) },
  "PATCH /api/halls/{hall}/follow-ups/{id}": {
    roles: MANAGERS,
    attempt: async (h) => {
      await called(h);
      await call("manager", "POST", `/api/halls/${h}/windows/5/finish`);
      await call("display", "POST", `/api/halls/${h}/windows/5/evaluation`, { score: 1 });
      return { method: "PATCH", path: `/api/halls/${h}/follow-ups/1`, body: { state: "done", note: "已回访" } };
    },
  },
  // The citizen's routes take no role: the signed ticket link in the path is the whole check.
  "POST /api/t/{ticketToken}/rating": {
    roles: EVERYONE,
    attempt: async (h) => {
      const link = await ticketLink(h);
      await call("counter", "POST", `/api/halls/${h}/windows/5/call`);
      await call("counter", "POST", `/api/halls/${h}/windows/5/finish`);
      return post(`/api/t/${link}/rating`, { score: 5 });
    },
  },
  "GET /api/t/{ticketToken}/live": {
    roles: EVERYONE,
    attempt: async (h) => ({ method: "GET", path: `/api/t/${await ticketLink(h)}/live`, headers: { Upgrade: "websocket" } }),
  },
  // Citizens book without a credential (issue 26): any caller, limited per client instead.
  "GET /api/halls/{hall}/booking-slots": { roles: EVERYONE, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/booking-slots?date=2031-03-05&category=traffic` }) },
  "POST /api/halls/{hall}/bookings": {
    roles: EVERYONE,
    attempt: async (h) => {
      const { days } = (await call(null, "GET", `/api/halls/${h}/booking-slots?date=2000-01-01&category=traffic`)).body;
      const date = days.at(-1);
      const { slots } = (await call(null, "GET", `/api/halls/${h}/booking-slots?date=${date}&category=traffic`)).body;
      return post(`/api/halls/${h}/bookings`, { category: "traffic", date, from: slots[0].from, idNumber: "11010519491231002X", mobile: "13812345678" });
    },
  },
  // The manager's 预约 tab (issue 26 §5): blocks and the call list with whole mobiles, managers only.
  "GET /api/halls/{hall}/booking-board": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/booking-board?date=2031-03-05&category=traffic` }) },
  "POST /api/halls/{hall}/booking-blocks": {
    roles: MANAGERS,
    attempt: async (h) => post(`/api/halls/${h}/booking-blocks`, { date: (await bookableDays(h)).at(-1), from: "09:00", reason: "会议" }),
  },
  "DELETE /api/halls/{hall}/booking-blocks/{block}": {
    roles: MANAGERS,
    attempt: async (h) => {
      const made = await call("manager", "POST", `/api/halls/${h}/booking-blocks`, { date: (await bookableDays(h)).at(-1), reason: "会议" });
      return { method: "DELETE", path: `/api/halls/${h}/booking-blocks/${made.body.block.id}` };
    },
  },
  "POST /api/halls/{hall}/booking-blocks/{block}/contacted": {
    roles: MANAGERS,
    attempt: async (h) => {
      const date = (await bookableDays(h)).at(-1);
      const booked = await call("manager", "POST", `/api/halls/${h}/appointments`, { category: "traffic", day: date });
      const made = await call("manager", "POST", `/api/halls/${h}/booking-blocks`, { date, reason: "会议" });
      return post(`/api/halls/${h}/booking-blocks/${made.body.block.id}/contacted`, { code: booked.body.appointment.code });
    },
  },
  "POST /api/halls/{hall}/remote-tickets": {
    roles: EVERYONE,
    attempt: async (h) => post(`/api/halls/${h}/remote-tickets`, { category: "traffic", idNumber: "11010519491231002X", mobile: "13812345678" }),
  },
  "GET /api/health": { roles: EVERYONE, attempt: async () => ({ method: "GET", path: "/api/health" }) },
  // Development only (404 in production); the suites run in development.
  "GET /api/dev/wakes": { roles: EVERYONE, attempt: async () => ({ method: "GET", path: "/api/dev/wakes" }) },
  "POST /api/halls/{hall}/storage-alarms/acknowledge": { roles: MANAGERS, attempt: async (h) => post(`/api/halls/${h}/storage-alarms/acknowledge`, {}) },
  // The bench's (issue 22 §5): measuring a hall changes nothing.
  "POST /api/dev/bench/{hall}": { roles: ADMINS, attempt: async (h) => post(`/api/dev/bench/${h}`, { op: "measure", after: {} }) },
  // Signage (worker/signage/routes.ts): managers change content; the images are public, as on the screens.
  "POST /api/halls/{hall}/content": { roles: MANAGERS, attempt: async (h) => post(`/api/halls/${h}/content`, { kind: "notice", text: { "zh-Hans": "通知" } }) },
  "GET /api/halls/{hall}/content": { roles: MANAGERS, attempt: async (h) => ({ method: "GET", path: `/api/halls/${h}/content` }) },
  "PATCH /api/halls/{hall}/content/{id}": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "PATCH", path: `/api/halls/${h}/content/${await withContent(h)}`, body: { seconds: 20 } }),
  },
  "DELETE /api/halls/{hall}/content/{id}": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "DELETE", path: `/api/halls/${h}/content/${await withContent(h)}` }),
  },
  // A region's content: managers of the region (the dev tokens cover every region).
  "POST /api/regions/{region}/content": {
    roles: MANAGERS,
    attempt: async (h) => (await withRegion(h), post(`/api/regions/${h}/content`, { kind: "notice", text: { "zh-Hans": "全区通知" } })),
  },
  "POST /api/halls/{hall}/region-report": {
    roles: ["reporter"],
    attempt: async (h) => (await withRegion(h), post(`/api/halls/${h}/region-report`, { report: matrixReport(h), held: 0, placed: true })),
  },
  "GET /api/halls/{hall}/region-report/{region}": { roles: ["reporter"], attempt: async (h) => (await withRegion(h), { method: "GET", path: `/api/halls/${h}/region-report/${h}` }) },
  "GET /api/regions/{region}/content": { roles: MANAGERS, attempt: async (h) => (await withRegion(h), { method: "GET", path: `/api/regions/${h}/content` }) },
  "PATCH /api/regions/{region}/content/{id}": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "PATCH", path: `/api/regions/${h}/content/${await withRegionContent(h)}`, body: { seconds: 20 } }),
  },
  "DELETE /api/regions/{region}/content/{id}": {
    roles: MANAGERS,
    attempt: async (h) => ({ method: "DELETE", path: `/api/regions/${h}/content/${await withRegionContent(h)}` }),
  },
  "GET /media/{hall}/{id}": { roles: EVERYONE, attempt: async (h) => ({ method: "GET", path: `/media/${h}/${await withImage(`halls/${h}`)}` }) },
  "GET /media/regions/{region}/{id}": { roles: EVERYONE, attempt: async (h) => ({ method: "GET", path: `/media/regions/${h}/${await withImage(`regions/${h}`)}` }) },
};

/** Pages anyone opens, with or without a token: they show nothing of a hall. */
const PUBLIC_PAGES = ["/api/docs"];

/** Pages take `?token=`; their roles are the spec too (worker/pages/routes.tsx). */
const PAGE_ROLES: Record<string, Role[]> = {
  "/halls/:hall/display": ANY,
  "/halls/:hall/announcer": ANY,
  "/halls/:hall/windows/:window/screen": ANY,
  "/halls/:hall/windows/:window/evaluator": ["admin", "manager", "counter", "display"],
  "/halls/:hall/dashboard": ANY,
  "/halls/:hall/counter/:window": STAFF,
  "/halls/:hall/kiosk": FRONT_DESK,
  "/halls/:hall/manage": MANAGERS,
};

async function attempt(role: Role, a: Attempt) {
  const res = await SELF.fetch(`${ORIGIN}${a.path}`, {
    method: a.method,
    headers: {
      Authorization: `Bearer dev-${role}`,
      ...(a.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...a.headers,
    },
    ...(a.body === undefined ? {} : { body: JSON.stringify(a.body) }),
  });
  // Decoded by hand: workerd warns on .text() of a type it does not know as text (NDJSON).
  const text = new TextDecoder().decode(await res.arrayBuffer());
  if (res.webSocket) {
    res.webSocket.accept();
    res.webSocket.close();
  }
  // Every reply is JSON but a CSV export's.
  const json = (res.headers.get("Content-Type") ?? "").includes("application/json");
  return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : null };
}

async function fingerprint(hall: string): Promise<string> {
  return runInDurableObject(stubOf(hall), (_o: HallObject, state) => {
    const one = (q: string) => state.storage.sql.exec<{ n: number }>(q).one().n;
    return JSON.stringify({ seq: one("SELECT COALESCE(MAX(seq), 0) AS n FROM events"), audit: one("SELECT COUNT(*) AS n FROM audit") });
  });
}

let operations: string[] = [];

beforeAll(async () => {
  const doc: any = await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json();
  operations = Object.entries<any>(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
});

/** The days citizens may book at `h` now, as its booking page offers them. */
async function bookableDays(h: string): Promise<string[]> {
  return (await call(null, "GET", `/api/halls/${h}/booking-slots?date=2000-01-01&category=traffic`)).body.days;
}

describe("the role × action matrix", () => {
  it("names every operation in /api/openapi.json, and nothing else", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...operations].sort());
    expect(Object.keys(PAGE_ROLES).sort()).toEqual(PAGES.map((p) => p.path).sort());
  });

  for (const [i, [operation, action]] of Object.entries(MATRIX).entries()) {
    it(`${operation}: ${action.roles.join(", ")}; every other role gets 403 and changes nothing`, async () => {
      for (const role of ROLES) {
        const hall = await newHall(`matrix-${i}-${role}`);
        const a = await action.attempt(hall);
        const before = await fingerprint(hall);
        const res = await attempt(role, a);
        const where = `${role} ${operation} → ${res.status} ${JSON.stringify(res.body)}`;
        if (action.roles.includes(role)) {
          expect([200, 201, 101], where).toContain(res.status);
        } else {
          expect(res.status, where).toBe(403);
          expect(res.body.code, where).toBe("forbidden");
          expect(await fingerprint(hall), where).toBe(before);
        }
      }
    });
  }

  it("pages: every role opens the screens; consoles only for their roles", async () => {
    const hall = await newHall("m-pages");
    for (const page of PAGES) {
      for (const role of ROLES) {
        const path = page.path.replace(":hall", hall).replace(":window", "5");
        const res = await SELF.fetch(`${ORIGIN}${path}?token=dev-${role}`);
        await res.text();
        expect(res.status, `${role} ${page.path}`).toBe(PAGE_ROLES[page.path]!.includes(role) ? 200 : 403);
      }
    }
  });

  it("public pages: every role, and no token, opens them; they load nothing from another origin", async () => {
    for (const page of PUBLIC_PAGES) {
      for (const role of [...ROLES, null]) {
        const res = await SELF.fetch(`${ORIGIN}${page}${role ? `?token=dev-${role}` : ""}`);
        const html = await res.text();
        expect(res.status, `${role} ${page}`).toBe(200);
        expect(res.headers.get("Content-Type"), page).toContain("text/html");
        expect(res.headers.get("Set-Cookie"), page).toBeNull();
        for (const [, url] of html.matchAll(/(?:src|href)="([^"]*)"/g)) expect(url, `${page} loads ${url}`).toMatch(/^\/(?!\/)/);
      }
    }
  });

  it("a token scoped to one hall, or a counter token scoped to one window, acts nowhere else", async () => {
    const hall = await newHall("m-scoped");
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    const tokens = JSON.stringify({
      "window-3-terminal-token-000001": { role: "counter", halls: [hall], windows: ["3"], name: "3号窗口终端" },
      "other-hall-manager-token-00001": { role: "manager", halls: ["elsewhere"], name: "别处的管理员" },
    });
    const as = (token: string, method: string, path: string) =>
      worker.request(path, { method, headers: { Authorization: `Bearer ${token}` } }, { HALL: env.HALL, TONGBAN_TOKENS: tokens });
    const seq = (await snapshot(hall)).seq;
    expect((await as("window-3-terminal-token-000001", "POST", `/api/halls/${hall}/windows/5/call`)).status).toBe(403);
    expect((await as("other-hall-manager-token-00001", "POST", `/api/halls/${hall}/reset`)).status).toBe(403);
    expect((await snapshot(hall)).seq).toBe(seq);
    expect((await as("window-3-terminal-token-000001", "POST", `/api/halls/${hall}/windows/3/call`)).status).toBe(200);
  });

  it("a counter token scoped to window 3 cannot end or move the ticket another window is serving", async () => {
    const hall = await newHall("m-scoped-tickets");
    await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    const tokens = JSON.stringify({ "window-3-terminal-token-000001": { role: "counter", halls: [hall], windows: ["3"], name: "3号窗口终端" } });
    const as = (path: string, body: unknown) =>
      worker.request(path, { method: "POST", headers: { Authorization: "Bearer window-3-terminal-token-000001", "Content-Type": "application/json" }, body: JSON.stringify(body) }, { HALL: env.HALL, TONGBAN_TOKENS: tokens });
    const seq = (await snapshot(hall)).seq;
    const transfer = await as(`/api/halls/${hall}/tickets/C001/transfer`, { window: "3" });
    const cancel = await as(`/api/halls/${hall}/tickets/C001/cancel`, {});
    expect({ transfer: transfer.status, cancel: cancel.status }).toEqual({ transfer: 403, cancel: 403 });
    expect((await snapshot(hall)).seq).toBe(seq);
  });
});

describe("what staff type is shown, never run", () => {
  it("escapes names, labels and notices on every page and in every live fragment", async () => {
    const IMG = "<img src=x onerror=alert(1)>";
    const SCRIPT = "<script>1</script>";
    const hall = await newHall("sec-xss", (c) => {
      c.windows[0]!.label = `综合${IMG}`;
      c.categories[0]!.names = { "zh-Hans": SCRIPT, "zh-Hant": SCRIPT, en: `Household ${IMG}` };
    });
    const base = `/api/halls/${hall}`;
    expect((await call("manager", "PATCH", base, { notice: `通知 ${IMG} ${SCRIPT}` })).status).toBe(200);
    expect((await call("manager", "POST", `${base}/windows/1/sign-in`, { officer: { name: IMG, badge: "045123" } })).status).toBe(200);
    expect((await call("manager", "PUT", `${base}/staff/s1`, { name: SCRIPT, badge: "045124" })).status).toBe(201);
    expect((await call("manager", "POST", `${base}/appointments`, { category: "household", note: IMG })).status).toBe(201);
    await issue(hall, "household");
    await call("counter", "POST", `${base}/windows/1/call`);
    const leaks = (text: string) => [IMG, SCRIPT].filter((p) => text.includes(p));
    // What a page shows of them, escaped: a page that dropped them would leak nothing and prove nothing.
    const shown = (text: string) => ["&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;1&lt;/script&gt;"].filter((p) => text.includes(p));
    for (const page of PAGES) {
      const path = page.path.replace(":hall", hall).replace(":window", "1");
      // The announcer page shows no staff text, only where it stands: give it a hostile label.
      const query = new URLSearchParams({ token: "dev-admin", ...(page.view === "announcer" ? { label: IMG } : {}) });
      const res = await SELF.fetch(`${ORIGIN}${path}?${query}`);
      const html = await res.text();
      expect(res.status, path).toBe(200);
      expect(leaks(html), path).toEqual([]);
      expect(shown(html), `${path} shows the hostile text, escaped`).not.toEqual([]);
      if (page.view === "announcer") {
        // …and hands it to its browser code intact, with "<" escaped inside the script element.
        const config = /<script type="application\/json" id="tongban-announcer">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
        expect(config).toContain("\\u003cimg");
        expect(JSON.parse(config).label).toBe(IMG);
      }
      const feed = await SELF.fetch(`${ORIGIN}${base}/live?view=${page.view}&window=1`, { headers: { Upgrade: "websocket", Authorization: "Bearer dev-admin" } });
      expect(feed.status, `${page.view} live feed: ${feed.status === 101 ? "" : await feed.text()}`).toBe(101);
      const got: string[] = [];
      feed.webSocket!.addEventListener("message", (e) => void got.push(e.data as string));
      feed.webSocket!.accept();
      for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      feed.webSocket!.close();
      expect(got.length, `${page.view} live feed sent its first rendering`).toBeGreaterThan(0);
      for (const m of got) {
        const message = JSON.parse(m);
        expect(message, `${page.view} fragment`).toMatchObject({ type: "html", html: expect.any(String) });
        expect(leaks(message.html), `${page.view} fragment`).toEqual([]);
        // The announcer listens to the JSON feed, so its view renders no fragments; every other
        // view's fragments show the hostile text, escaped.
        if (page.view === "announcer") expect(message.html, "announcer fragment").toBe("");
        else expect(shown(message.html), `${page.view} fragment shows the hostile text, escaped`).not.toEqual([]);
      }
    }
  });
});

describe("the live feed's doors", () => {
  it("refuses upgrades from a foreign Origin on the hall feed and the citizen feed, and allows listed origins", async () => {
    const hall = await newHall("sec-origin");
    const foreign = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live`, {
      headers: { Upgrade: "websocket", Origin: "https://evil.example", "Sec-WebSocket-Protocol": "tongban.v1, bearer.dev-display" },
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as any).error).toContain("evil.example");

    const issued = await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "household" });
    const link = String(issued.body.statusPath).replace(/^\/t\//, "");
    const citizen = await SELF.fetch(`${ORIGIN}/api/t/${link}/live`, { headers: { Upgrade: "websocket", Origin: "https://evil.example" } });
    expect(citizen.status).toBe(403);

    const listed = await worker.request(
      `/api/halls/${hall}/live`,
      { headers: { Upgrade: "websocket", Origin: "https://screens.example.gov.cn", Authorization: "Bearer dev-display" } },
      { HALL: env.HALL, TONGBAN_MODE: "development", TONGBAN_ALLOWED_ORIGINS: "https://screens.example.gov.cn" },
    );
    expect(listed.status).toBe(101);
    listed.webSocket!.accept();
    listed.webSocket!.close();
  });

  async function open(hall: string) {
    const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?since=999999`, { headers: { Upgrade: "websocket", Authorization: "Bearer dev-display" } });
    const ws = res.webSocket!;
    const got: string[] = [];
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.addEventListener("close", (e) => resolve({ code: e.code, reason: e.reason })));
    ws.addEventListener("message", (e) => got.push(e.data as string));
    ws.accept();
    const within = (ms: number) => Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
    return { ws, got, within };
  }

  it("closes a socket that sends a message over 4096 bytes with 1009", async () => {
    const hall = await newHall("sec-size");
    const s = await open(hall);
    s.ws.send("x".repeat(4096));
    s.ws.send(new Uint8Array(4097));
    expect(await s.within(2000)).toMatchObject({ code: 1009 });
  });

  it("ignores messages still queued behind a socket it closed, instead of throwing on send", async () => {
    const hall = await newHall("sec-after-close");
    await runInDurableObject(stubOf(hall), async (o: HallObject) => {
      const closing = {
        readyState: WebSocket.CLOSING,
        send() {
          throw new TypeError("Can't call WebSocket send() after close().");
        },
        close() {},
        deserializeAttachment: () => ({ role: "display", connectedAt: 0 }),
        serializeAttachment() {},
      } as unknown as WebSocket;
      await expect(o.webSocketMessage(closing, '{"type":"hello"}')).resolves.toBeUndefined();
      await expect(o.webSocketMessage(closing, "x".repeat(5000))).resolves.toBeUndefined();
    });
  });

  it("counts the limit in bytes: 2,000 hanzi (6,000 bytes of UTF-8) close the socket with 1009", async () => {
    const hall = await newHall("sec-size-utf8");
    const s = await open(hall);
    s.ws.send("叫".repeat(2000));
    expect(await s.within(2000)).toMatchObject({ code: 1009 });
  });

  it(`closes a socket that sends more than ${MAX_MESSAGES_PER_WINDOW} messages in 10 s with 1008, and keeps quiet ones`, async () => {
    const hall = await newHall("sec-rate");
    const chatty = await open(hall);
    const quiet = await open(hall);
    for (let i = 0; i < MAX_MESSAGES_PER_WINDOW; i++) chatty.ws.send('{"type":"hello"}');
    quiet.ws.send('{"type":"hello"}');
    expect(await chatty.within(200)).toBeNull();
    chatty.ws.send('{"type":"hello"}');
    expect(await chatty.within(2000)).toMatchObject({ code: 1008 });
    // "ping" is answered by the runtime and never counts.
    for (let i = 0; i < 30; i++) quiet.ws.send("ping");
    expect(await quiet.within(300)).toBeNull();
    expect(quiet.got.filter((m) => m === "pong").length).toBeGreaterThan(0);
    quiet.ws.close();
  });
});

describe("tokens stay secret", () => {
  afterEach(() => vi.restoreAllMocks());

  it("never writes a token to the Worker's console, whatever the request", async () => {
    const lines: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(" ")));
    }
    const hall = await newHall("sec-console");
    const secret = "s3cret-token-that-must-not-leak";
    const tokens = JSON.stringify({ [secret]: { role: "manager", name: "值班主任" } });
    const env2 = { HALL: env.HALL, TONGBAN_TOKENS: tokens };
    for (const [method, path, body] of [
      ["GET", `/api/halls/${hall}?token=${secret}`],
      ["POST", `/api/halls/${hall}/tickets`, '{"category":"household"}'],
      ["POST", `/api/halls/${hall}/tickets`, "{not json"],
      ["POST", `/api/halls/${hall}/windows/9/call`, "{}"],
      ["GET", `/api/halls/${hall}/live?token=${secret}`],
      ["GET", `/halls/${hall}/display?token=${secret}`],
      ["GET", `/nowhere?token=${secret}`],
    ] as const) {
      const res = await worker.request(path, { method, headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" }, ...(body ? { body } : {}) }, env2);
      await res.text();
    }
    // The one place that logs a request: the 500 handler. It names the path, never the query.
    const app = new Hono();
    app.get("/boom", () => {
      throw new Error("boom");
    });
    app.onError(onError);
    const boom = await app.request(`/boom?token=${secret}`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(boom.status).toBe(500);
    expect(lines.some((l) => l.includes("boom"))).toBe(true);
    for (const line of lines) expect(line).not.toContain(secret);
  });

  it("names actors in the audit table, never their tokens", async () => {
    const hall = await newHall("sec-audit-names");
    const tokens = JSON.stringify({
      "kiosk-east-door-token-0000001": { role: "kiosk", name: "东门取号机" },
      "window-5-terminal-token-00001": { role: "counter", name: "5号窗口终端" },
      "duty-manager-token-0000000001": { role: "manager", name: "值班主任" },
    });
    const as = (token: string, method: string, path: string, body?: unknown) =>
      worker.request(
        path,
        { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "X-Tongban-Device": "test-device" }, ...(body ? { body: JSON.stringify(body) } : {}) },
        { HALL: env.HALL, TONGBAN_TOKENS: tokens },
      );
    expect((await as("kiosk-east-door-token-0000001", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" })).status).toBe(201);
    expect((await as("duty-manager-token-0000000001", "PUT", `/api/halls/${hall}/staff/s1`, { name: "王建国", badge: "045123", pin: "5813" })).status).toBe(201);
    expect((await as("window-5-terminal-token-00001", "POST", `/api/halls/${hall}/staff/s1/sign-in`, { window: "5", pin: "5813" })).status).toBe(200);
    expect((await as("window-5-terminal-token-00001", "POST", `/api/halls/${hall}/windows/5/call`)).status).toBe(200);
    expect((await as("duty-manager-token-0000000001", "PATCH", `/api/halls/${hall}/windows/1`, { state: "paused" })).status).toBe(200);
    const rows = await runInDurableObject(stubOf(hall), (_o: HallObject, state) => state.storage.sql.exec("SELECT * FROM audit").toArray());
    const text = JSON.stringify(rows);
    for (const token of Object.keys(JSON.parse(tokens))) expect(text).not.toContain(token);
    expect(rows.map((r) => r.actor)).toEqual(expect.arrayContaining(["东门取号机", "值班主任"]));
    expect(rows.some((r) => String(r.actor).includes("王建国") && String(r.actor).includes("5号窗口终端"))).toBe(true);
  });
});

describe("the audit table", () => {
  async function auditRows(hall: string) {
    return runInDurableObject(stubOf(hall), (_o: HallObject, state) =>
      state.storage.sql
        .exec<{ id: number; action: string; role: string; seq_from: number | null; seq_to: number | null; command_id: string | null }>(
          "SELECT id, action, role, seq_from, seq_to, command_id FROM audit ORDER BY id",
        )
        .toArray(),
    );
  }
  async function eventSeqs(hall: string) {
    return runInDurableObject(stubOf(hall), (_o: HallObject, state) =>
      state.storage.sql.exec<{ seq: number }>("SELECT seq FROM events ORDER BY seq").toArray().map((r) => r.seq),
    );
  }

  it("has exactly one row per privileged action, covering exactly the events it made; none for a refusal or a replay", async () => {
    const hall = await newHall("sec-audit-once");
    const base = `/api/halls/${hall}`;
    const actions: Array<[Role, string, string, unknown?]> = [
      ["kiosk", "POST", `${base}/tickets`, { category: "traffic", commandId: "k-1" }],
      ["kiosk", "POST", `${base}/kiosk/tickets`, { category: "household" }],
      ["manager", "POST", `${base}/windows/5/sign-in`, { officer: { name: "王建国", badge: "045123" } }],
      ["counter", "POST", `${base}/windows/5/call`],
      ["counter", "POST", `${base}/windows/5/recall`],
      ["counter", "POST", `${base}/windows/5/start`],
      ["counter", "POST", `${base}/windows/5/finish`],
      ["counter", "POST", `${base}/windows/1/call`],
      ["counter", "POST", `${base}/windows/1/no-show`],
      ["counter", "POST", `${base}/tickets/A001/requeue`],
      ["counter", "POST", `${base}/tickets/A001/transfer`, { category: "traffic" }],
      ["counter", "POST", `${base}/windows/2/pause`],
      ["counter", "POST", `${base}/windows/2/resume`],
      ["counter", "POST", `${base}/windows/5/sign-out`],
      ["manager", "PATCH", `${base}/windows/4`, { categories: ["traffic"] }],
      ["manager", "PATCH", base, { notice: "今天延时服务到 19:00" }],
      ["manager", "PUT", `${base}/staff/s1`, { name: "李秀英", badge: "045124", pin: "2580" }],
      ["counter", "POST", `${base}/staff/s1/sign-in`, { window: "6", pin: "2580" }],
      ["manager", "POST", `${base}/appointments`, { category: "exit-entry" }],
      ["counter", "POST", `${base}/tickets/A001/cancel`, { reason: "材料不全" }],
      ["admin", "PUT", base, await demoBody()],
      ["manager", "POST", `${base}/reset`],
    ];
    for (const [role, method, path, body] of actions) {
      const beforeRows = await auditRows(hall);
      const beforeSeqs = await eventSeqs(hall);
      const res = await call(role, method, path, body);
      expect(res.status, `${role} ${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      const rows = await auditRows(hall);
      const seqs = await eventSeqs(hall);
      const added = rows.slice(beforeRows.length);
      expect(added, `${method} ${path}`).toHaveLength(1);
      const made = seqs.slice(beforeSeqs.length);
      const row = added[0]!;
      expect([row.seq_from, row.seq_to], `${method} ${path}`).toEqual(made.length ? [made[0], made.at(-1)] : [null, null]);
      expect(row.role).toBe(role);
    }
    // A refusal and a replay write nothing.
    const rows = (await auditRows(hall)).length;
    expect((await call("counter", "POST", `${base}/windows/5/finish`)).status).toBe(409);
    expect((await call("kiosk", "POST", `${base}/tickets`, { category: "nope" })).status).toBe(404);
    const first = await call("kiosk", "POST", `${base}/tickets`, { category: "traffic", commandId: "k-2" });
    const replay = await call("kiosk", "POST", `${base}/tickets`, { category: "traffic", commandId: "k-2" });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    expect((await auditRows(hall)).length).toBe(rows + 1);
  });

  it("keeps events and their audit rows together across evictions: every event is covered by exactly one row", async () => {
    const hall = await newHall("sec-audit-cover");
    const { evictDurableObject } = await import("cloudflare:test");
    for (let i = 0; i < 30; i++) {
      await issue(hall, i % 2 ? "traffic" : "household");
      await call("counter", "POST", `/api/halls/${hall}/windows/${(i % 6) + 1}/finish`);
      await call("counter", "POST", `/api/halls/${hall}/windows/${(i % 6) + 1}/call`);
      if (i % 7 === 0) await evictDurableObject(stubOf(hall));
    }
    const rows = await auditRows(hall);
    const seqs = await eventSeqs(hall);
    const covered = new Map<number, number>();
    for (const r of rows) {
      if (r.seq_from === null) continue;
      for (let s = r.seq_from; s <= r.seq_to!; s++) covered.set(s, (covered.get(s) ?? 0) + 1);
    }
    for (const s of seqs) expect(covered.get(s), `event ${s}`).toBe(1);
    expect(covered.size).toBe(seqs.length);
  });
});
