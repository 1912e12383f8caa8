/**
 * The hall's parts, one line each: every capability's share of the Durable Object (part.ts).
 * Adding a capability's part is its file in its room plus one line here.
 *
 * The order is behaviour. Within a command's transaction `record` runs in this order (follow-ups,
 * then statistics, then the webhooks' outbox), and the alarm asks the wakers in this order (the
 * new day, the region report, the minute tick, the day plan, webhooks, the signage schedule,
 * the archives of old events and audit rows, retention's daily prune of replies).
 */
import { nextMidnight } from "../core/day.js";
import { HallBookings } from "../appointments/bookings.object.js";
import { HallArchives } from "../archives/hall-archives.object.js";
import { HallDevices } from "../devices/hall-devices.object.js";
import type { LiveView } from "../pages/views.js";
import { HallPlans } from "../planning/day-plans.object.js";
import { HallFollowUps } from "../ratings/follow-ups.object.js";
import { RegionReporter } from "../regions/report.object.js";
import { HallSessions } from "../sessions/hall-sessions.object.js";
import { ContentSchedule, HallContent } from "../signage/hall-content.object.js";
import { HallStats } from "../statistics/hall-stats.object.js";
import { HallWebhooks } from "../webhooks/hall-webhooks.object.js";
import type { Hall, Part } from "./part.js";
import { HallRetention } from "./retention.js";
import { StorageAlarms } from "./storage-alarms.js";
import { MinuteTick } from "./tick.js";

/** Views whose figures age with the clock: rendered again every minute while the hall is busy. */
const ages = (view: LiveView) => view.ages === true;
const playsContent = (view: LiveView) => view.showsContent === true;
const showsRoom = (view: LiveView) => view.showsRoom === true;

/** Wakes the hall just after its local midnight; the wake itself rolls the day over. */
const newDay: Part = { tables: [], plan: (state, now) => nextMidnight(now, state.settings.timezone) + 1000 };

/** Builds every part: run in the hall object's constructor, so on every wake. */
export function partsOf(hall: Hall) {
  const { ctx, env } = hall;
  return {
    newDay,
    reporter: new RegionReporter(hall),
    tick: new MinuteTick(() => hall.watching(ages), () => hall.render(ages)),
    sessions: new HallSessions(ctx.storage.sql),
    devices: new HallDevices(ctx, env, () => hall.render(showsRoom)),
    bookings: new HallBookings(hall),
    followUps: new HallFollowUps(ctx.storage),
    stats: new HallStats(ctx.storage),
    plans: new HallPlans(hall),
    webhooks: new HallWebhooks(ctx, env, () => hall.clock(), () => hall.schedule()),
    content: new HallContent(ctx, env),
    contentSchedule: new ContentSchedule(() => hall.watching(playsContent), () => hall.render(playsContent)),
    archives: new HallArchives(hall),
    retention: new HallRetention(ctx.storage.sql),
    storageAlarms: new StorageAlarms(ctx.storage.sql),
  } satisfies Record<string, Part>;
}

export type Parts = ReturnType<typeof partsOf>;
