/**
 * Issue 16, part 2: webhooks that survive a receiver outage and the hall's own eviction — at
 * least once, in seq order per webhook, retried on the hall's alarm for 24 hours and then given
 * up visibly — and `ticket.near`, once per ticket at the hall's threshold.
 *
 * The hall's clock is a variable of this file (same isolate), so a test moves time by changing
 * it and fires the alarm with runDurableObjectAlarm, which returns once the deliveries it started
 * are done.
 */
import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { RETRY_FOR_MS } from "../worker/webhooks/backoff.js";
import { call, issue, newHall, ORIGIN, snapshot } from "./helpers.js";
import { installReceivers, receiver, signedBy, type Hit } from "./webhook-receiver.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
/** A weekday morning in Shanghai, ahead of the suite's clock so the day only moves forward. */
const MORNING = Date.parse("2031-03-04T01:30:00Z"); // 09:30
const clocks = new Map<string, number>();

beforeAll(installReceivers);
afterAll(() => vi.restoreAllMocks());

/** Puts the hall on this file's clock for it (again after an eviction), at `at` if given. */
async function useClock(hall: string, at?: number): Promise<void> {
  if (at !== undefined) clocks.set(hall, at);
  await runInDurableObject(stubOf(hall), (o: HallObject) => {
    o.clock = () => clocks.get(hall)!;
  });
}

/** Moves the hall's clock to `at` (or leaves it) and fires its alarm: due deliveries go out and finish. */
async function wake(hall: string, at?: number): Promise<void> {
  await useClock(hall, at);
  expect(await runDurableObjectAlarm(stubOf(hall))).toBe(true);
}

async function deliveries(hall: string, hook: string): Promise<any[]> {
  const res = await call("manager", "GET", `/api/halls/${hall}/webhooks/${hook}/deliveries?limit=200`);
  expect(res.status).toBe(200);
  return res.body.deliveries;
}

/** Wakes the hall when the webhook's next delivery is due again; false when none is pending. */
async function wakeAtNextTry(hall: string, hook: string): Promise<boolean> {
  const head = (await deliveries(hall, hook)).filter((d) => d.state === "pending").at(-1);
  if (!head) return false;
  await wake(hall, Date.parse(head.nextAttemptAt));
  return true;
}

async function createHook(hall: string, body: Record<string, unknown>) {
  const res = await call("manager", "POST", `/api/halls/${hall}/webhooks`, body);
  if (res.status !== 201) throw new Error(`webhook: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.webhook as { id: string; secret: string };
}

/** What a receiver that deduplicates by id keeps, in the order each first arrived. */
const deduplicated = (hits: Hit[]) => [...new Map(hits.map((h) => [h.json.id, h.json])).values()];

describe("webhook deliveries when things go wrong", () => {
  it("a receiver down for a while, then up, gets every delivery at least once and, deduplicated by id, each once in seq order; the hall's other webhook is not held back", async () => {
    const hall = await newHall("deliver-outage");
    await useClock(hall, MORNING);
    const down = receiver("outage-down");
    const fine = receiver("outage-fine");
    down.mode = 500; // it stores what it reads, then fails to answer
    const hook = await createHook(hall, { url: down.url, events: ["ticket.issued", "ticket.called"] });
    await createHook(hall, { url: fine.url, events: ["ticket.issued", "ticket.called"] });
    for (let i = 0; i < 5; i++) await issue(hall, "household");
    await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
    await fine.waitFor(6);
    await wake(hall);
    expect(down.hits).toHaveLength(1); // one in flight: only the head was tried
    const head = down.hits[0]!.json.seq;

    down.mode = "unreachable";
    for (let i = 0; i < 3; i++) expect(await wakeAtNextTry(hall, hook.id)).toBe(true);
    expect(down.hits.map((h) => h.json.seq)).toEqual([head, head, head, head]);
    const [first] = (await deliveries(hall, hook.id)).filter((d) => d.seq === head);
    expect(first).toMatchObject({ state: "pending", attempts: 4, lastStatus: null });
    expect(first.tries.map((t: { status: number | null }) => t.status)).toEqual([null, null, null, 500]);
    expect(first.lastError).toContain("not delivered");

    down.mode = "up";
    expect(await wakeAtNextTry(hall, hook.id)).toBe(true);
    expect(down.received.map((h) => h.json.seq)).toEqual(fine.received.map((h) => h.json.seq));
    const kept = deduplicated(down.hits);
    expect(kept.map((d) => d.id)).toEqual(fine.received.map((h) => h.json.id));
    expect(kept.map((d) => d.seq)).toEqual([...kept.map((d) => d.seq)].sort((a, b) => a - b));
    for (const h of down.hits) expect(await signedBy(hook.secret, h)).toBe(true);
    expect((await deliveries(hall, hook.id)).every((d) => d.state === "delivered")).toBe(true);
  });

  it("an eviction mid-retry loses nothing: the outbox and the alarm are in storage, and delivery resumes in order", async () => {
    const hall = await newHall("deliver-evicted");
    await useClock(hall, MORNING);
    const r = receiver("evicted");
    r.mode = 503;
    const hook = await createHook(hall, { url: r.url, events: ["ticket.issued"] });
    for (let i = 0; i < 4; i++) await issue(hall, "traffic");
    await wake(hall);
    expect(r.hits).toHaveLength(1);

    await evictDurableObject(stubOf(hall));
    const alarm = await runInDurableObject(stubOf(hall), (_o: HallObject, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    r.mode = "up";
    expect(await wakeAtNextTry(hall, hook.id)).toBe(true);
    expect(r.received.map((h) => h.json.data.ticket.number)).toEqual(["C001", "C002", "C003", "C004"]);
    expect(await wakeAtNextTry(hall, hook.id)).toBe(false);
  });

  it("retries for 24 hours on the hall's alarm, then marks the delivery failed, with the ones that ran out of time behind it, and moves on", async () => {
    const hall = await newHall("deliver-give-up");
    await useClock(hall, MORNING);
    const r = receiver("give-up");
    r.mode = 500;
    const hook = await createHook(hall, { url: r.url, events: ["ticket.issued"] });
    await issue(hall, "household");
    await issue(hall, "household");
    await wake(hall);
    let wakes = 0;
    while ((await deliveries(hall, hook.id)).at(-1).state === "pending" && wakes < 40) {
      await wakeAtNextTry(hall, hook.id);
      wakes++;
    }
    const [second, first] = await deliveries(hall, hook.id);
    expect(first).toMatchObject({ state: "failed", lastStatus: 500 });
    expect(first.attempts).toBeGreaterThan(12);
    expect(first.attempts).toBeLessThan(25);
    expect(Date.parse(first.doneAt) - Date.parse(first.queuedAt)).toBe(RETRY_FOR_MS);
    expect(r.hits.every((h) => h.json.data.ticket.number === "A001")).toBe(true);
    // The second waited its 24 hours behind the first: failed too, never tried.
    expect(second).toMatchObject({ state: "failed", attempts: 0 });
    expect(second.lastError).toContain("24 h");
    const list = (await call("manager", "GET", `/api/halls/${hall}/webhooks`)).body.webhooks[0];
    expect(list).toMatchObject({ pending: 0, failed: 2, delivered: 0 });

    r.mode = "up";
    await issue(hall, "household"); // a new day by now: numbering restarted
    await wake(hall);
    expect(r.received.map((h) => h.json.data.ticket.number)).toEqual(["A001"]);
    expect(r.received[0]!.json.seq).toBeGreaterThan(second.seq);
  });

  it("takes a redirect for a failure; removing a webhook drops what it had queued", async () => {
    const hall = await newHall("deliver-removed");
    await useClock(hall, MORNING);
    const r = receiver("removed");
    const elsewhere = receiver("redirected-to");
    r.mode = 302;
    r.location = elsewhere.url;
    const hook = await createHook(hall, { url: r.url, events: ["*"] });
    await issue(hall, "household");
    await wake(hall);
    expect((await deliveries(hall, hook.id)).at(-1)).toMatchObject({ state: "pending", attempts: 1, lastStatus: 302, lastError: "the receiver answered 302" });
    expect(elsewhere.hits).toEqual([]); // the redirect was not followed
    expect((await call("manager", "DELETE", `/api/halls/${hall}/webhooks/${hook.id}`)).status).toBe(200);
    const rows = await runInDurableObject(stubOf(hall), (_o: HallObject, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM webhook_outbox").one().n);
    expect(rows).toBe(0);
    const hits = r.hits.length;
    await wake(hall, MORNING + 3600_000);
    expect(r.hits).toHaveLength(hits);
  });
});

describe("ticket.near", () => {
  it("fires once per ticket when it has nearAhead (3) or fewer ahead, with its number, category, the screen's ahead and its status link", async () => {
    // Only window 4 (household, traffic) open: one line, easy to count.
    const hall = await newHall("near-once", (c) => {
      for (const w of c.windows) w.state = w.id === "4" ? "open" : "closed";
    });
    await useClock(hall, MORNING);
    const r = receiver("near-once");
    const hook = await createHook(hall, { url: r.url, events: ["ticket.near"] });
    const aheadOnScreen = async () => new Map<string, number>((await snapshot(hall)).waiting.map((t: any) => [t.number, t.ahead]));

    for (let i = 0; i < 6; i++) await issue(hall, "household");
    const shown = await aheadOnScreen();
    await r.waitFor(4);
    await wake(hall);
    expect(r.received.map((h) => [h.json.data.ticket.number, h.json.data.ahead])).toEqual([["A001", 0], ["A002", 1], ["A003", 2], ["A004", 3]]);
    for (const h of r.received) expect(h.json.data.ahead).toBe(shown.get(h.json.data.ticket.number));

    // A priority ticket pushes A004 back to 4 ahead; calls bring it near again, but it was told once.
    await issue(hall, "household", { priority: "elderly" });
    await call("counter", "POST", `/api/halls/${hall}/windows/4/call`); // the elderly ticket
    await call("counter", "POST", `/api/halls/${hall}/windows/4/call`); // A001; A005 now has 3 ahead
    await wake(hall);
    const told = r.received.map((h) => h.json.data.ticket.number);
    expect(told).toEqual(["A001", "A002", "A003", "A004", "A007", "A005"]); // A007, elderly, was next when it came
    expect(new Set(told).size).toBe(told.length);

    const near = r.received.at(-1)!.json;
    expect(near).toMatchObject({ type: "ticket.near", hall, id: `${hall}-${near.seq}-near-${near.data.ticket.id}` });
    expect(near.data).toMatchObject({ ticket: { number: "A005", category: "household", priority: "normal" }, ahead: 3, nearAhead: 3, categoryNames: { "zh-Hans": "户政" } });
    expect(near.data.statusUrl).toBe(`${ORIGIN}${near.data.statusPath}`);
    const status = await SELF.fetch(`${ORIGIN}${near.data.statusPath}`);
    expect(status.status).toBe(200);
    expect(await status.text()).toContain("A005");
    // It carries the seq of the call that brought A005 near.
    const log = await call("manager", "GET", `/api/halls/${hall}/events?after=${near.seq - 1}&limit=1`);
    expect(log.body).toMatchObject({ seq: near.seq, type: "ticket.called", ticket: { number: "A001" } }); // one NDJSON line
    expect(await signedBy(hook.secret, r.received.at(-1)!)).toBe(true);
  });

  it("follows the hall's nearAhead, from 0 (next) to 50; anything else is a 400 naming it", async () => {
    const hall = await newHall("near-setting", (c) => {
      for (const w of c.windows) w.state = w.id === "4" ? "open" : "closed";
    });
    for (const bad of [-1, 1.5, 51, "3"]) {
      const res = await call("manager", "PATCH", `/api/halls/${hall}`, { nearAhead: bad });
      expect(res.status, String(bad)).toBe(400);
      expect(Object.keys(res.body.details)).toEqual(["nearAhead"]);
    }
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { nearAhead: 0 })).status).toBe(200);
    const r = receiver("near-zero");
    await createHook(hall, { url: r.url, events: ["ticket.near"] });
    for (let i = 0; i < 3; i++) await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/4/call`);
    await r.waitFor(2);
    expect(r.received.map((h) => [h.json.data.ticket.number, h.json.data.ahead])).toEqual([["C001", 0], ["C002", 0]]);
  });
});
