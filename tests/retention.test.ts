/** Retention (issue 22 §2): replies to commandIds are kept 48 hours, then the hall's own alarm prunes them. */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { call, MORNING, newHall } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
const HOUR = 3600_000;

/** The hall's clock, moved by the test (the object reads it through this closure). */
let now = MORNING;

async function replies(hall: string): Promise<string[]> {
  return runInDurableObject(stubOf(hall), (_o: HallObject, state) =>
    state.storage.sql.exec<{ id: string }>("SELECT id FROM commands ORDER BY id").toArray().map((r) => r.id),
  );
}

describe("retention of command replies", () => {
  it("answers a retried commandId for 48 hours; the daily alarm prunes it after that", async () => {
    const hall = "retention-replies";
    now = MORNING;
    await runInDurableObject(stubOf(hall), (o: HallObject) => {
      o.clock = () => now;
    });
    await newHall(hall);
    const first = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic", commandId: "kiosk-press-1" });
    expect(first.status).toBe(201);
    expect(await replies(hall)).toEqual(["kiosk-press-1"]);

    now = MORNING + 47 * HOUR;
    await runDurableObjectAlarm(stubOf(hall));
    const retried = await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic", commandId: "kiosk-press-1" });
    expect(retried.body).toEqual(first.body);
    expect(await replies(hall)).toEqual(["kiosk-press-1"]);

    now = MORNING + 72 * HOUR; // past 48 hours, and a daily prune has come due
    const alarmAt = await runInDurableObject(stubOf(hall), (_o: HallObject, state) => state.storage.getAlarm());
    expect(alarmAt).not.toBeNull();
    await runDurableObjectAlarm(stubOf(hall));
    expect(await replies(hall)).toEqual([]);
  });

  it("keeps replies as many hours as the hall's replyHours says", async () => {
    const hall = "retention-reply-hours";
    now = MORNING;
    await runInDurableObject(stubOf(hall), (o: HallObject) => {
      o.clock = () => now;
    });
    await newHall(hall);
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { replyHours: 24 })).status).toBe(200);
    expect((await call("kiosk", "POST", `/api/halls/${hall}/tickets`, { category: "traffic", commandId: "press-24" })).status).toBe(201);

    now = MORNING + 23 * HOUR; // under a day: still answered from the stored reply
    await runDurableObjectAlarm(stubOf(hall));
    expect(await replies(hall)).toEqual(["press-24"]);
    now = MORNING + 25 * HOUR; // past the day, and the daily prune is due again
    await runDurableObjectAlarm(stubOf(hall));
    expect(await replies(hall)).toEqual([]);
  });
});
