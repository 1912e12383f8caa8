import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { call, issue, newHall, openFeed, snapshot } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));

describe("durability", () => {
  it("keeps an acknowledged ticket when the hall object is evicted", async () => {
    const hall = await newHall("evicted");
    const { ticket } = await issue(hall, "household");
    const seqBefore = (await snapshot(hall)).seq;
    await evictDurableObject(stubOf(hall));
    const snap = await snapshot(hall);
    expect(snap.seq).toBe(seqBefore);
    expect(snap.waiting.map((t: any) => t.number)).toEqual([ticket.number]);
    const next = await issue(hall, "household");
    expect(next.ticket.number).toBe("A002");
  });

  it("never repeats a sequence number across evictions", async () => {
    const hall = await newHall("seq-unique");
    for (let round = 0; round < 3; round++) {
      await issue(hall, "traffic");
      await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
      await call("counter", "POST", `/api/halls/${hall}/windows/5/finish`);
      await evictDurableObject(stubOf(hall));
    }
    const feed = await openFeed(hall, "&since=0");
    const events = await feed.waitFor(10);
    feed.close();
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it("replays a commandId once: the same reply, one ticket", async () => {
    const hall = await newHall("idempotent");
    const first = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household", commandId: "kiosk1-press-17" });
    const again = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household", commandId: "kiosk1-press-17" });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await snapshot(hall)).waiting).toHaveLength(1);

    await issue(hall, "household");
    const call1 = await call("counter", "POST", `/api/halls/${hall}/windows/1/call`, { commandId: "w1-17" });
    const call2 = await call("counter", "POST", `/api/halls/${hall}/windows/1/call`, { commandId: "w1-17" });
    expect(call2.status).toBe(200);
    expect(call2.body.ticket.number).toBe(call1.body.ticket.number);
    expect((await snapshot(hall)).waiting).toHaveLength(1);
  });

  it("refuses a commandId reused for a different command", async () => {
    const hall = await newHall("idempotent-mismatch");
    await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "household", commandId: "press-1" });
    const res = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic", commandId: "press-1" });
    expect(res.status).toBe(409);
    expect(res.body.details.commandId).toBe("press-1");
    expect((await snapshot(hall)).waiting).toHaveLength(1);
  });

  it("never gives one ticket to two windows calling at once", async () => {
    const hall = await newHall("concurrent-calls");
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    const windows = ["1", "2", "3", "4", "5", "6"];
    const replies = await Promise.all(windows.map((w) => call("counter", "POST", `/api/halls/${hall}/windows/${w}/call`)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    const called = replies.map((r) => r.body.ticket?.number).filter(Boolean);
    expect(called.sort()).toEqual(["C001", "C002", "C003"]);
    expect(replies.filter((r) => r.body.ticket === null)).toHaveLength(3);
  });
});

describe("the live feed", () => {
  it("sends a snapshot on connect, then every event in order", async () => {
    const hall = await newHall("feed-basic");
    const feed = await openFeed(hall);
    const [first] = await feed.waitFor(1);
    expect(first).toMatchObject({ type: "snapshot", seq: 1 });
    expect(first.state.windows).toHaveLength(6);
    await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    const messages = await feed.waitFor(3);
    feed.close();
    expect(messages.slice(1).map((m) => [m.seq, m.type])).toEqual([
      [2, "ticket.issued"],
      [3, "ticket.called"],
    ]);
    const called = messages[2];
    expect(called.callId).toBeTruthy();
    expect(called.ticket).toMatchObject({ number: "C001", category: "traffic" });
    expect(called.window).toEqual({ id: "5", number: 5, label: "交管专窗" });
    expect(typeof called.at).toBe("string");
  });

  it("a display that reconnects with since=3 receives events 4.. and nothing else", async () => {
    const hall = await newHall("feed-resume");
    for (let i = 0; i < 5; i++) await issue(hall, "household");
    const feed = await openFeed(hall, "&since=3");
    const messages = await feed.waitFor(3);
    await new Promise((r) => setTimeout(r, 100));
    feed.close();
    expect(messages.map((m) => m.seq)).toEqual([4, 5, 6]);
    expect(messages.every((m) => m.type === "ticket.issued")).toBe(true);
  });

  it("sends a snapshot when since is ahead of the hall", async () => {
    const hall = await newHall("feed-future");
    const feed = await openFeed(hall, "&since=999");
    const [first] = await feed.waitFor(1);
    feed.close();
    expect(first).toMatchObject({ type: "snapshot", seq: 1 });
  });

  it("accepts the token as a bearer.<token> subprotocol and answers with tongban.v1", async () => {
    const hall = await newHall("feed-subprotocol");
    const { SELF } = await import("cloudflare:test");
    const res = await SELF.fetch(`http://hall.test/api/halls/${hall}/live`, {
      headers: { Upgrade: "websocket", "Sec-WebSocket-Protocol": "tongban.v1, bearer.dev-display" },
    });
    expect(res.status).toBe(101);
    expect(res.headers.get("Sec-WebSocket-Protocol")).toBe("tongban.v1");
    res.webSocket!.accept();
    res.webSocket!.close();
  });

  it("refuses a browser upgrade from a foreign origin, and plain HTTP with 426", async () => {
    const hall = await newHall("feed-origin");
    const { SELF } = await import("cloudflare:test");
    const foreign = await SELF.fetch(`http://hall.test/api/halls/${hall}/live?token=dev-display`, {
      headers: { Upgrade: "websocket", Origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    const same = await SELF.fetch(`http://hall.test/api/halls/${hall}/live?token=dev-display`, {
      headers: { Upgrade: "websocket", Origin: "http://hall.test" },
    });
    expect(same.status).toBe(101);
    same.webSocket!.accept();
    same.webSocket!.close();
    const plain = await call("display", "GET", `/api/halls/${hall}/live`);
    expect(plain.status).toBe(426);
  });

  it("answers ping with pong without waking the hall's code", async () => {
    const hall = await newHall("feed-ping");
    const { SELF } = await import("cloudflare:test");
    const res = await SELF.fetch(`http://hall.test/api/halls/${hall}/live?token=dev-display&since=1`, { headers: { Upgrade: "websocket" } });
    const ws = res.webSocket!;
    const got: string[] = [];
    ws.addEventListener("message", (e) => {
      got.push(e.data as string);
    });
    ws.accept();
    ws.send("ping");
    for (let i = 0; i < 40 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    ws.close();
    expect(got).toEqual(["pong"]);
  });
});

describe("the day", () => {
  it("starts a new day at local midnight: waiting tickets cancelled as day_end, numbering from 001", async () => {
    const hall = await newHall("midnight");
    const stub = stubOf(hall);
    // A day ahead of any real clock: the hall's day only ever moves forward.
    const evening = Date.parse("2031-03-03T15:30:00Z"); // 23:30 in Shanghai
    await runInDurableObject(stub, (o: HallObject) => {
      o.clock = () => evening;
    });
    const late = await issue(hall, "household");
    expect(late.ticket.id).toBe("20310303-A001");
    const feed = await openFeed(hall, `&since=${(await snapshot(hall)).seq}`);

    await runInDurableObject(stub, (o: HallObject) => {
      o.clock = () => Date.parse("2031-03-03T16:00:02Z"); // 00:00:02 on the 4th
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const [reset] = await feed.waitFor(1);
    feed.close();
    expect(reset).toMatchObject({ type: "hall.reset", day: "2031-03-04", previousDay: "2031-03-03", cancelled: [late.ticket.id] });

    const snap = await snapshot(hall);
    expect(snap.hall.day).toBe("2031-03-04");
    expect(snap.waiting).toEqual([]);
    const morning = await issue(hall, "household");
    expect(morning.ticket.id).toBe("20310304-A001");
  });
});
