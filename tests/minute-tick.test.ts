/**
 * Issue 14: waits and estimates on the screens, kiosk and status page age with the clock, so the
 * hall renders those views again at least once a minute while someone waits or is served —
 * with no event at all — and leaves a quiet hall, or a busy one nobody watches, asleep.
 */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { TICK_MS } from "../worker/hall-object/tick.js";
import { issue, newHall, openFeed, snapshot } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
// A weekday morning in Shanghai, ahead of the suite's clock so the day only moves forward.
const MORNING = Date.parse("2031-03-04T01:30:00Z"); // 09:30

async function setClock(hall: string, at: number): Promise<void> {
  await runInDurableObject(stubOf(hall), (o: HallObject) => {
    o.clock = () => at;
  });
}

/** How long after the hall clock's `now` its alarm is set (worker/clock.ts machineInstant, reversed), or null. */
async function alarmAfter(hall: string): Promise<number | null> {
  return runInDurableObject(stubOf(hall), async (o: HallObject, state) => {
    const at = await state.storage.getAlarm();
    return at === null ? null : at - Date.now();
  });
}

/** The data wall's oldest-wait cell for one category's row, as its text (minutes, or "—"). */
function oldestWait(html: string, category: string): string | undefined {
  const row = html.split(`class="load-row`).find((r) => r.startsWith(`" role="row" data-category="${category}"`));
  const cell = /data-field="oldest-wait">([^<]*)</.exec(row ?? "");
  return cell?.[1]?.trim();
}

describe("the minute tick", () => {
  it("renders a watched screen again a minute later with no event, and the wait it shows has grown", async () => {
    const hall = await newHall("tick-busy");
    await setClock(hall, MORNING);
    await issue(hall, "household");
    const seq = (await snapshot(hall)).seq;
    const feed = await openFeed(hall, "&view=dashboard");
    const [first] = await feed.waitFor(1);
    expect(first).toMatchObject({ type: "html", seq });

    await setClock(hall, MORNING + 5 * TICK_MS);
    expect(await runDurableObjectAlarm(stubOf(hall))).toBe(true);
    const [, again] = await feed.waitFor(2);
    feed.close();
    expect(again.type).toBe("html");
    expect(again.seq).toBe(seq); // nothing happened in the hall…
    // …but the household line's oldest wait went from 0 to 5 minutes (not just the clock's text).
    expect(oldestWait(first.html, "household")).toBe("0");
    expect(oldestWait(again.html, "household")).toBe("5");
  });

  it("wakes a busy, watched hall within the minute, and leaves it asleep till midnight once the queue is empty", async () => {
    const hall = await newHall("tick-empties");
    await setClock(hall, MORNING);
    const { ticket } = await issue(hall, "household");
    const feed = await openFeed(hall, "&view=main");
    await feed.waitFor(1);
    expect(await alarmAfter(hall)).toBeLessThanOrEqual(TICK_MS + 1000);

    await runInDurableObject(stubOf(hall), async (o: HallObject) => {
      await o.execute({ hall, command: { type: "cancel", ticket: ticket.id }, actor: { role: "manager", name: "test", device: null } });
    });
    expect(await alarmAfter(hall)).toBeGreaterThan(60 * TICK_MS); // 09:30 → just after midnight
    feed.close();
  });

  it("does not wake a busy hall that no screen watches", async () => {
    const hall = await newHall("tick-unwatched");
    await setClock(hall, MORNING);
    await issue(hall, "household");
    expect(await alarmAfter(hall)).toBeGreaterThan(60 * TICK_MS);
  });

  it("does not wake a watched hall where nobody waits or is served", async () => {
    const hall = await newHall("tick-quiet");
    await setClock(hall, MORNING);
    const main = await openFeed(hall, "&view=main");
    await main.waitFor(1);
    expect(await alarmAfter(hall)).toBeGreaterThan(60 * TICK_MS);
    main.close();
  });
});
