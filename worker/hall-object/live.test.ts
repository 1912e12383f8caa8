/**
 * The live fan-out's cost when nobody watches (issue 22 §5: a busy hall's commands inside the
 * object): events are serialised for the JSON feed only when a JSON socket is open. With one
 * open, what each socket receives is covered by tests/live-and-durability.test.ts.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { emptyHall } from "../core/hall.js";
import type { HallEvent } from "../core/events.js";
import { HallLive } from "./live.js";

describe("the live fan-out with no sockets", () => {
  it("serialises no event when no JSON socket is open", async () => {
    const stub = env.HALL.get(env.HALL.idFromName("live-nobody-watches"));
    const serialised = await runInDurableObject(stub, (_o, ctx) => {
      const state = emptyHall("live-nobody-watches");
      const live = new HallLive(ctx, () => state, () => 0, {} as never, {} as never);
      let n = 0;
      const event = { seq: 1, type: "hall.notice", at: "2031-11-24T01:00:00.000Z", toJSON: () => (n++, { seq: 1 }) } as unknown as HallEvent;
      live.broadcast([event, event]);
      live.flush();
      return n;
    });
    expect(serialised).toBe(0);
  });
});
