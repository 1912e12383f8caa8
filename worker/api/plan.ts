/**
 * The day's plan from the hall's own history: `GET /api/halls/{hall}/plan?date=YYYY-MM-DD`
 * (manager). The same weekday over the last four weeks, from the statistics the hall keeps,
 * rebuilt as a day (insights/plan-history.ts) and planned by the same planner as `npm run plan`:
 * the same simulator and call policy as the live hall.
 */
import { z } from "@hono/zod-openapi";
import type { HallSnapshot } from "../core/snapshot.js";
import type { StatsAnswer } from "../hall-object/stats.js";
import { planDay } from "../insights/plan.js";
import { dayFromHistory, referenceDays } from "../insights/plan-history.js";
import { errors, fail, hallStub, json, MANAGERS, route } from "./consoles.js";
import { allow, type HallApp } from "./halls.js";
import * as S from "./schemas.js";

const PlanQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "not a calendar date")
    .openapi({ param: { name: "date", in: "query" }, example: "2026-11-30", description: "The local day to plan" }),
});

const Shift = z.object({ opens: z.string().openapi({ example: "08:30" }), closes: z.string().openapi({ example: "12:00" }) });

const PlanReply = z
  .object({
    feasible: z.boolean(),
    windows: z.array(z.object({ id: z.string(), categories: z.array(z.string()), shifts: z.array(Shift) })),
    windowHours: z.number(),
    laibin: z.object({ windows: z.number(), windowHours: z.number() }),
    simulated: z.object({ overall: z.any(), categories: z.any() }),
    shortfall: z.array(z.object({ from: z.string(), to: z.string(), extraWindows: z.number() })),
    basedOn: z.object({ days: z.array(z.string()).openapi({ description: "The same weekdays of the last four weeks that had tickets" }) }),
  })
  .openapi("DayPlan");

export function planRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/plan",
      operationId: "getDayPlan",
      tags: ["Planning"],
      summary: "Plan a day",
      description:
        "Which windows to open, serving what, in which half-hour shifts, with the fewest window-hours that keep the mean wait within the target and every category's p90 within the alarm line, checked by simulating the day rebuilt from the same weekday of the last four weeks; beside Laibin's rule. 404 without history to plan from. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, query: PlanQuery },
      responses: { 200: json(PlanReply, "The plan"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { date } = c.req.valid("query");
      const stub = hallStub(c, hall);
      const snapshot = (await stub.snapshot(hall)) as HallSnapshot | null;
      if (!snapshot) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      const days = referenceDays(date);
      const ask = async (by: "hour" | "category") => {
        const answer = await stub.insights(hall, { kind: "stats", by, from: days.at(-1), to: days[0], per: "day" });
        return (answer?.body as StatsAnswer | undefined)?.rows ?? [];
      };
      const rebuilt = dayFromHistory({
        date,
        timezone: snapshot.hall.timezone,
        alarmMinutes: snapshot.hall.alarmMinutes,
        targetWaitMinutes: snapshot.hall.targetWaitMinutes,
        categories: snapshot.categories.map((k) => ({ id: k.id, prefix: k.prefix, name: k.names["zh-Hans"], serviceMinutes: k.learntServiceMinutes ?? k.serviceMinutes })),
        windows: snapshot.windows.map((w) => ({ id: w.id, label: w.label, categories: w.categories })),
        hours: await ask("hour"),
        categoryRows: await ask("category"),
      });
      if (!rebuilt) {
        return fail(c, 404, "not_found", `no tickets on ${days.join(", ")} (the same weekday over the last four weeks) to plan ${date} from`, { date, days });
      }
      // History whose tickets all came within one hour (a day of one ticket) gives no day to
      // plan shifts in: say so, as for no history, rather than fail inside.
      let plan: ReturnType<typeof planDay>;
      try {
        plan = planDay(rebuilt.scenario);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        return fail(c, 404, "not_found", `${e.message}: ${rebuilt.days.join(", ")} had tickets in under an hour, too little to plan ${date} from`, {
          date,
          days: rebuilt.days,
        });
      }
      return c.json({ ...plan, basedOn: { days: rebuilt.days } }, 200) as never;
    },
  );
}
