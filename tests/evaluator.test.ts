/**
 * The window evaluator's API (窗口评价器) and the follow-ups (回访) of its 差评: who may press,
 * what it may rate (only the ticket just finished at its window, once), and bad input that
 * changes nothing.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { call, newHall, snapshot } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
const evaluate = (role: Parameters<typeof call>[0], hall: string, body: unknown, window = "5") =>
  call(role, "POST", `/api/halls/${hall}/windows/${window}/evaluation`, body);

async function finishedAtFive(name: string): Promise<string> {
  const hall = await newHall(name);
  await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
  await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
  await call("counter", "POST", `/api/halls/${hall}/windows/5/finish`);
  return hall;
}

describe("the window evaluator's press", () => {
  it("rates the ticket just finished at its window, once, and answers with the citizen's number only", async () => {
    const hall = await finishedAtFive("eval-once");
    const first = await evaluate("display", hall, { score: 5 });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ rating: { ticket: "C001", score: 5, reasons: [], at: expect.any(String) } });
    const again = await evaluate("display", hall, { score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error).toContain("no ticket to rate");
  });

  it("has nothing to rate at a window that finished nobody, or another window's citizen", async () => {
    const hall = await finishedAtFive("eval-other-window");
    const seq = (await snapshot(hall)).seq;
    const elsewhere = await evaluate("display", hall, { score: 5 }, "4");
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.details).toEqual({ window: "4" });
    expect((await evaluate("display", hall, { score: 5 }, "99")).status).toBe(404);
    expect((await snapshot(hall)).seq).toBe(seq);
  });

  it("stops asking ten minutes after the finish", async () => {
    const hall = await finishedAtFive("eval-late");
    await runInDurableObject(stubOf(hall), (o: HallObject) => {
      const later = o.clock() + 10 * 60_000 + 1000;
      o.clock = () => later;
    });
    expect((await evaluate("display", hall, { score: 5 })).status).toBe(409);
  });

  it("refuses reasons with a good score, unknown reasons, scores off the scale, and the kiosk: nothing changes", async () => {
    const hall = await finishedAtFive("eval-bad-input");
    const seq = (await snapshot(hall)).seq;
    const good = await evaluate("display", hall, { score: 4, reasons: ["attitude"] });
    expect(good.status).toBe(400);
    expect(good.body.details).toHaveProperty("reasons");
    const unknown = await evaluate("display", hall, { score: 1, reasons: ["rude"] });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.details)[0]).toMatch(/^reasons/);
    for (const score of [0, 6, 2.5, "5"]) expect((await evaluate("display", hall, { score })).status).toBe(400);
    expect((await evaluate("kiosk", hall, { score: 5 })).status).toBe(403);
    expect((await evaluate(null, hall, { score: 5 })).status).toBe(401);
    expect((await snapshot(hall)).seq).toBe(seq);
    expect((await call("manager", "GET", `/api/halls/${hall}/follow-ups?state=all`)).body.followUps).toEqual([]);
  });
});

describe("follow-ups of 差评 (回访)", () => {
  it("opens one for each 1 or 2, from the evaluator or the ticket rating, none for a 3", async () => {
    const hall = await finishedAtFive("follow-open");
    expect((await evaluate("display", hall, { score: 1, reasons: ["other", "attitude", "attitude"] })).status).toBe(201);
    await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic" });
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    await call("counter", "POST", `/api/halls/${hall}/windows/5/finish`);
    expect((await call("counter", "POST", `/api/halls/${hall}/tickets/C002/rating`, { score: 3 })).status).toBe(201);
    const list = (await call("manager", "GET", `/api/halls/${hall}/follow-ups`)).body.followUps;
    expect(list).toEqual([expect.objectContaining({ number: "C001", score: 1, reasons: ["attitude", "other"], state: "open", window: "5" })]);
    expect((await call("display", "GET", `/api/halls/${hall}/follow-ups`)).status).toBe(403);
    expect((await call("counter", "GET", `/api/halls/${hall}/follow-ups`)).status).toBe(403);
  });

  it("closes with a note, once, audited; a missing note or an unknown one is refused", async () => {
    const hall = await finishedAtFive("follow-close");
    await evaluate("display", hall, { score: 2 });
    const [open] = (await call("manager", "GET", `/api/halls/${hall}/follow-ups`)).body.followUps;
    expect((await call("manager", "PATCH", `/api/halls/${hall}/follow-ups/${open.id}`, { state: "done", note: "  " })).status).toBe(400);
    expect((await call("manager", "PATCH", `/api/halls/${hall}/follow-ups/${open.id}`, { state: "open", note: "x" })).status).toBe(400);
    expect((await call("manager", "PATCH", `/api/halls/${hall}/follow-ups/999`, { state: "done", note: "x" })).status).toBe(404);
    expect((await call("counter", "PATCH", `/api/halls/${hall}/follow-ups/${open.id}`, { state: "done", note: "x" })).status).toBe(403);
    expect((await call("manager", "GET", `/api/halls/${hall}/follow-ups`)).body.followUps).toHaveLength(1);
    const done = await call("manager", "PATCH", `/api/halls/${hall}/follow-ups/${open.id}`, { state: "done", note: "已回访，已致歉" });
    expect(done.status).toBe(200);
    expect(done.body.followUp).toMatchObject({ state: "done", note: "已回访，已致歉", doneBy: "dev-manager" });
    const twice = await call("manager", "PATCH", `/api/halls/${hall}/follow-ups/${open.id}`, { state: "done", note: "again" });
    expect(twice.status).toBe(409);
    expect((await call("manager", "GET", `/api/halls/${hall}/follow-ups?state=done`)).body.followUps).toEqual([
      expect.objectContaining({ id: open.id, note: "已回访，已致歉" }),
    ]);
    const audit = (await call("manager", "GET", `/api/halls/${hall}/audit?limit=3`)).body.entries;
    expect(audit[0]).toMatchObject({ action: "follow_up_done", target: "C001", detail: "已回访，已致歉" });
  });

  it("outlive the day's reset", async () => {
    const hall = await finishedAtFive("follow-reset");
    await evaluate("display", hall, { score: 1 });
    expect((await call("manager", "POST", `/api/halls/${hall}/reset`)).status).toBe(200);
    expect((await call("manager", "GET", `/api/halls/${hall}/follow-ups`)).body.followUps).toHaveLength(1);
  });
});
