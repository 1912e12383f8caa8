/**
 * Issue 16, part 2: a hall's webhooks, set up by its manager — the secret shown once, signed
 * deliveries of the subscribed events in seq order, and bad input refused naming the field with
 * nothing stored.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import worker from "../worker/index.js";
import { call, issue, newHall } from "./helpers.js";
import { installReceivers, receiver, signedBy } from "./webhook-receiver.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

beforeAll(installReceivers);
afterAll(() => vi.restoreAllMocks());

async function createHook(hall: string, body: Record<string, unknown>) {
  const res = await call("manager", "POST", `/api/halls/${hall}/webhooks`, body);
  if (res.status !== 201) throw new Error(`webhook: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.webhook as { id: string; secret: string; startsAfter: number };
}

async function auditActions(hall: string): Promise<string[]> {
  const res = await call("manager", "GET", `/api/halls/${hall}/audit?limit=200`);
  return res.body.entries.map((e: { action: string }) => e.action);
}

describe("webhooks: setting them up", () => {
  it("creates a webhook with its secret shown once; the list, the deliveries and the audit log never show it", async () => {
    const hall = await newHall("hooks-create");
    const res = await call("manager", "POST", `/api/halls/${hall}/webhooks`, {
      url: "https://sms.example.gov.cn/tongban?key=abc",
      events: ["ticket.near", "ticket.called"],
      description: "短信提醒",
    });
    expect(res.status).toBe(201);
    const hook = res.body.webhook;
    expect(hook).toMatchObject({ url: "https://sms.example.gov.cn/tongban?key=abc", events: ["ticket.near", "ticket.called"], description: "短信提醒", startsAfter: 1 });
    expect(hook.id).toMatch(/^wh_[0-9a-f]{16}$/);
    expect(hook.secret).toMatch(/^whsec_[0-9a-f]{64}$/);

    const list = await call("manager", "GET", `/api/halls/${hall}/webhooks`);
    expect(list.status).toBe(200);
    expect(list.body.webhooks).toHaveLength(1);
    expect(list.body.webhooks[0]).toMatchObject({ id: hook.id, pending: 0, delivered: 0, failed: 0, lastAttempt: null });
    expect(JSON.stringify(list.body)).not.toContain(hook.secret);
    const deliveries = await call("manager", "GET", `/api/halls/${hall}/webhooks/${hook.id}/deliveries`);
    expect(deliveries.body).toEqual({ webhook: hook.id, deliveries: [] });
    const audit = await call("manager", "GET", `/api/halls/${hall}/audit`);
    expect(audit.body.entries[0]).toMatchObject({ action: "create_webhook", target: `webhook:${hook.id}`, role: "manager" });
    expect(JSON.stringify(audit.body)).not.toContain(hook.secret);

    const removed = await call("manager", "DELETE", `/api/halls/${hall}/webhooks/${hook.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.webhook.id).toBe(hook.id);
    expect((await auditActions(hall))[0]).toBe("delete_webhook");
    expect((await call("manager", "GET", `/api/halls/${hall}/webhooks`)).body.webhooks).toEqual([]);
    expect((await call("manager", "DELETE", `/api/halls/${hall}/webhooks/${hook.id}`)).status).toBe(404);
    expect((await call("manager", "GET", `/api/halls/${hall}/webhooks/${hook.id}/deliveries`)).status).toBe(404);
  });

  it("refuses bad input with a 400 naming the field, and stores nothing", async () => {
    const hall = await newHall("hooks-bad");
    const before = await auditActions(hall);
    const url = "https://hooks.example.com/in";
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ url: "ftp://hooks.example.com/in", events: ["ticket.called"] }, "url"],
      [{ url: "javascript:alert(1)", events: ["ticket.called"] }, "url"],
      [{ url: "hooks.example.com/in", events: ["ticket.called"] }, "url"],
      [{ url: "https://user:secret@hooks.example.com/in", events: ["ticket.called"] }, "url"],
      [{ url: "https://token@hooks.example.com/in", events: ["ticket.called"] }, "url"],
      [{ url: `https://hooks.example.com/${"x".repeat(2100)}`, events: ["ticket.called"] }, "url"],
      [{ events: ["ticket.called"] }, "url"],
      [{ url, events: ["ticket.teleported"] }, "events.0"],
      [{ url, events: ["ticket.called", "ticket.near", "ticket.call"] }, "events.2"],
      [{ url, events: [] }, "events"],
      [{ url, events: ["ticket.called", "ticket.called"] }, "events"],
      [{ url }, "events"],
      [{ url, events: ["*"], description: "x".repeat(201) }, "description"],
      [{ url, events: ["*"], secret: "mine" }, "(body)"],
    ];
    for (const [body, field] of cases) {
      const res = await call("manager", "POST", `/api/halls/${hall}/webhooks`, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.code).toBe("invalid");
      expect(Object.keys(res.body.details), JSON.stringify(body).slice(0, 80)).toEqual([field]);
    }
    expect((await call("manager", "GET", `/api/halls/${hall}/webhooks`)).body.webhooks).toEqual([]);
    expect(await auditActions(hall)).toEqual(before);
    expect((await call("manager", "DELETE", `/api/halls/${hall}/webhooks/not-an-id`)).status).toBe(400);
    expect((await call("manager", "GET", `/api/halls/${hall}/webhooks/wh_0000000000000000/deliveries?limit=0`)).status).toBe(400);
    expect((await call("manager", "POST", `/api/halls/hooks-nowhere/webhooks`, { url, events: ["*"] })).status).toBe(404);
  });

  it("allows at most 10 webhooks a hall: the 11th is a 409 naming the cap and adds nothing", async () => {
    const hall = await newHall("hooks-ten");
    for (let i = 0; i < 10; i++) await createHook(hall, { url: `https://hooks.example.com/${i}`, events: ["*"] });
    const res = await call("manager", "POST", `/api/halls/${hall}/webhooks`, { url: "https://hooks.example.com/10", events: ["*"] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "conflict", details: { cap: "webhooks", limit: 10 } });
    expect((await call("manager", "GET", `/api/halls/${hall}/webhooks`)).body.webhooks).toHaveLength(10);
  });

  it("in production, refuses loopback, private, link-local, CGNAT and unique-local addresses and localhost", async () => {
    const hall = await newHall("hooks-production");
    const token = "k3Jq9-real-manager-token-0001";
    const post = (url: string) =>
      worker.request(
        `/api/halls/${hall}/webhooks`,
        { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: JSON.stringify({ url, events: ["*"] }) },
        { HALL: env.HALL, TONGBAN_TOKENS: JSON.stringify({ [token]: "manager" }) },
      );
    for (const url of [
      "http://127.0.0.1:8787/hook",
      "http://127.1/hook",
      "http://2130706433/hook",
      "http://10.1.2.3/hook",
      "http://172.20.0.1/hook",
      "http://192.168.1.10/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://100.100.1.1/hook",
      "http://0.0.0.0/hook",
      "http://[::1]/hook",
      "http://[fd12:3456::1]/hook",
      "http://[fe80::1]/hook",
      "http://[::ffff:10.0.0.1]/hook",
      "http://localhost:9000/hook",
      "http://api.localhost/hook",
    ]) {
      const res = await post(url);
      const body = (await res.json()) as any;
      expect(res.status, url).toBe(400);
      expect(Object.keys(body.details), url).toEqual(["url"]);
    }
    expect((await call("manager", "GET", `/api/halls/${hall}/webhooks`)).body.webhooks).toEqual([]);
    expect((await post("https://hooks.example.com/tongban")).status).toBe(201);
    expect((await post("http://203.119.1.1/tongban")).status).toBe(201);
  });
});

describe("webhooks: deliveries", () => {
  it("POSTs each subscribed event in seq order as { id, hall, seq, type, at, data }, signed with the webhook's secret", async () => {
    const hall = await newHall("hooks-order");
    const r = receiver("order");
    const hook = await createHook(hall, { url: r.url, events: ["ticket.issued", "ticket.called", "ticket.finished"] });
    for (let i = 0; i < 4; i++) await issue(hall, "household");
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    await call("counter", "POST", `/api/halls/${hall}/windows/1/start`); // ticket.serving: not subscribed
    await call("counter", "POST", `/api/halls/${hall}/windows/1/finish`);
    const got = await r.waitFor(6);
    expect(got.map((h) => h.json.type)).toEqual(["ticket.issued", "ticket.issued", "ticket.issued", "ticket.issued", "ticket.called", "ticket.finished"]);
    const seqs = got.map((h) => h.json.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBe(hook.startsAfter + 1);

    const first = got[0]!;
    expect(Object.keys(first.json)).toEqual(["id", "hall", "seq", "type", "at", "data"]);
    expect(first.json).toMatchObject({ id: `${hall}-${first.json.seq}`, hall, type: "ticket.issued", data: { ticket: { number: "A001", status: "waiting" } } });
    expect(first.headers["content-type"]).toContain("application/json");
    expect(first.headers["x-tongban-delivery"]).toBe(first.json.id);
    expect(first.headers["x-tongban-event"]).toBe("ticket.issued");
    expect(first.headers["x-tongban-timestamp"]).toMatch(/^\d{10}$/);
    for (const h of got) expect(await signedBy(hook.secret, h)).toBe(true);
    expect(await signedBy("whsec_someone-else", first)).toBe(false);
    expect(await signedBy(hook.secret, { ...first, body: first.body.replace("A001", "A002") })).toBe(false);

    const log = await call("manager", "GET", `/api/halls/${hall}/webhooks/${hook.id}/deliveries`);
    expect(log.body.deliveries).toHaveLength(6);
    expect(log.body.deliveries[0]).toMatchObject({ type: "ticket.finished", state: "delivered", attempts: 1, lastStatus: 200, tries: [{ status: 200, error: null }] });
  });

  it("sends each webhook only what it subscribed to; * is everything", async () => {
    const hall = await newHall("hooks-subscriptions");
    const calls = receiver("subs-calls");
    const all = receiver("subs-all");
    await createHook(hall, { url: calls.url, events: ["ticket.called"] });
    await createHook(hall, { url: all.url, events: ["*"] });
    await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    await call("manager", "PATCH", `/api/halls/${hall}/windows/2`, { state: "paused" });
    await all.waitFor(4);
    expect(calls.received.map((h) => h.json.type)).toEqual(["ticket.called"]);
    expect(all.received.map((h) => h.json.type)).toEqual(["ticket.issued", "ticket.near", "ticket.called", "window.updated"]);
  });

  it("keeps the citizen's ID mark in the hall: no delivery of any event type carries it", async () => {
    const hall = await newHall("hooks-marks");
    const r = receiver("marks");
    await createHook(hall, { url: r.url, events: ["*"] });
    const ID = "11010519491231002X";
    const take = (category: string) => call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category, idNumber: ID });
    expect((await take("household")).status).toBe(201);
    expect((await take("traffic")).status).toBe(201);
    expect((await take("exit-entry")).status).toBe(201);
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`); // called
    await call("counter", "POST", `/api/halls/${hall}/windows/1/recall`); // recalled
    await call("counter", "POST", `/api/halls/${hall}/windows/1/start`); // serving
    await call("counter", "POST", `/api/halls/${hall}/windows/1/finish`); // finished
    await call("display", "POST", `/api/halls/${hall}/windows/1/evaluation`, { score: 2 }); // rated
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    await call("counter", "POST", `/api/halls/${hall}/windows/5/no-show`); // no_show
    await call("counter", "POST", `/api/halls/${hall}/tickets/C001/requeue`); // requeued
    await call("counter", "POST", `/api/halls/${hall}/tickets/C001/transfer`, { category: "household" }); // transferred
    await call("counter", "POST", `/api/halls/${hall}/tickets/B001/cancel`); // cancelled
    await call("manager", "POST", `/api/halls/${hall}/reset`); // hall.reset
    const marks = await runInDurableObject(stubOf(hall), (_o: HallObject, state) =>
      state.storage.sql
        .exec<{ h: string }>("SELECT DISTINCT json_extract(body, '$.ticket.citizen.idHash') AS h FROM events WHERE h IS NOT NULL")
        .toArray()
        .map((row) => row.h),
    );
    expect(marks.length).toBeGreaterThan(0);
    const types = ["ticket.issued", "ticket.called", "ticket.recalled", "ticket.serving", "ticket.finished", "ticket.rated", "ticket.no_show", "ticket.requeued", "ticket.transferred", "ticket.cancelled", "hall.reset", "ticket.near"];
    const until = Date.now() + 3000;
    while (!types.every((t) => r.received.some((h) => h.json.type === t)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(new Set(r.received.map((h) => h.json.type))).toEqual(new Set(types));
    for (const h of r.received) {
      expect(h.body, h.json.type).not.toMatch(/"citizen"|idHash|idLast4|002X/);
      for (const mark of marks) expect(h.body).not.toContain(mark);
    }
  });
});
