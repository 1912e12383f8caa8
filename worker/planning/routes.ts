/**
 * The day's plan from the hall's own history: `GET /api/halls/{hall}/plan?date=YYYY-MM-DD`
 * (manager). The same weekday over the last four weeks, from the statistics the hall keeps,
 * rebuilt as a day (insights/plan-history.ts) and planned by the same planner as `npm run plan`:
 * the same simulator and call policy as the live hall.
 *
 * A plan a manager applies becomes the hall's plan for that day: `PUT`, `GET` and `DELETE
 * /api/halls/{hall}/plan/{date}` (manager, audited). The hall reminds of its shift changes and,
 * with the setting `autoOpen`, makes them itself (worker/planning/day-plans.object.ts).
 */
import { z } from "@hono/zod-openapi";
import type { HallSnapshot } from "../core/snapshot.js";
import type { StatsAnswer } from "../statistics/hall-stats.object.js";
import { planDay } from "./plan.js";
import { planRulesOf } from "./rules.js";
import { dayFromHistory, referenceDays } from "./plan-history.js";
import type { PlanRequest } from "./day-plans.object.js";
import * as S from "../edge/schemas.js";
import { body, errors, json, route } from "../edge/openapi.js";
import { fail } from "../edge/errors.js";
import { hallStub } from "../hall-object/stub.js";
import { MANAGERS } from "../access/roles.js";
import { reply, requestActor } from "../edge/execute.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";
import type { StoredReply } from "../hall-object/storage.js";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: "not a calendar date", params: { rule: "date" } });

const PlanQuery = z.object({
  date: date.openapi({ param: { name: "date", in: "query" }, example: "2026-11-30", description: "The local day to plan" }),
});

const PlanParams = S.HallParam.extend({
  date: date.openapi({ param: { name: "date", in: "path" }, example: "2026-11-30", description: "The hall's local day the plan is for" }),
});

const halfHour = z.string().regex(/^([01]\d|2[0-3]):(00|30)$/, "a half hour of the day, HH:00 or HH:30 from 00:00 to 23:30");

const AppliedPlanBody = z
  .strictObject({
    windows: z
      .array(
        z.strictObject({
          id: S.windowId,
          categories: z.array(S.slug).min(1).max(26).openapi({ description: "Most preferred first, as the call policy reads them" }),
          shifts: z
            .array(z.strictObject({ opens: halfHour.openapi({ example: "10:00" }), closes: halfHour.openapi({ example: "12:00" }) }))
            .min(1)
            .max(24)
            .openapi({ description: "In order, each at least an hour, none overlapping" }),
        }),
      )
      .min(1)
      .max(200)
      .openapi({ description: "The windows the plan runs; the hall's other windows are left as they are" }),
    basedOn: z.array(date).max(4).default([]).openapi({ description: "The days of history the plan came from (GET /plan's basedOn.days)" }),
    commandId: S.CommandId,
  })
  .openapi("AppliedPlanBody");

const AppliedPlan = z
  .object({
    date: z.string(),
    windows: z.array(z.object({ id: z.string(), categories: z.array(z.string()), shifts: z.array(z.object({ opens: z.string(), closes: z.string() })) })),
    windowHours: z.number(),
    basedOn: z.array(z.string()),
    savedAt: z.string(),
    savedBy: z.string(),
  })
  .openapi("AppliedPlan");

const PlanReplyBody = z.object({ plan: AppliedPlan });

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
    rules: z
      .object({ minShiftMinutes: z.number(), maxShifts: z.number(), keepCategories: z.boolean() })
      .openapi({ description: "The hall's plan rules the plan keeps (hall setting planRules)" }),
    closed: z
      .array(
        z.object({
          window: z.string(),
          from: z.string(),
          to: z.string(),
          reason: z.enum(["not-needed", "quiet", "no-demand", "beyond-limit"]),
          citizens: z.number().openapi({ description: "Citizens expected then for the categories the window serves" }),
        }),
      )
      .openapi({ description: "Why each of the hall's windows is closed when it is: not needed all day, a quiet spell, no citizen for its categories, or beyond the windows allowed" }),
    load: z
      .array(z.object({ from: z.string(), to: z.string(), forecast: z.number(), booked: z.number() }))
      .openapi({ description: "Citizens per half hour: forecast from history, and booked for the day (both planned for)" }),
  })
  .openapi("DayPlan");

export function planRoutes(app: HallApp): void {
  appliedPlanRoutes(app);
  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/plan",
      operationId: "getDayPlan",
      tags: ["Planning"],
      summary: "Plan a day",
      description:
        "Which windows to open, serving what, in which half-hour shifts, with the fewest window-hours that keep the mean wait within the target and every category's p90 within the alarm line, checked by simulating the day rebuilt from the same weekday of the last four weeks plus the day's bookings; beside Laibin's rule. Keeps the hall's plan rules (planRules: shortest shift, shifts per window, windows keep their categories) and says why each window is closed when it is. 404 without history to plan from. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, query: PlanQuery },
      responses: { 200: json(PlanReply, "The plan"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { date } = c.req.valid("query");
      const stub = hallStub(c.env, hall);
      const snapshot = (await stub.snapshot(hall)) as HallSnapshot | null;
      if (!snapshot) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      const days = referenceDays(date);
      const ask = async (by: "hour" | "category") => {
        const answer: StoredReply | null = await stub.insights(hall, { kind: "stats", by, from: days.at(-1), to: days[0], per: "day" });
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
        bookings: (await stub.bookedLoad(hall, date)) ?? [],
      });
      if (!rebuilt) {
        return fail(c, 404, "not_found", `no tickets on ${days.join(", ")} (the same weekday over the last four weeks) to plan ${date} from`, { date, days });
      }
      // History whose tickets all came within one hour (a day of one ticket) gives no day to
      // plan shifts in: say so, as for no history, rather than fail inside.
      let plan: ReturnType<typeof planDay>;
      try {
        plan = planDay(rebuilt.scenario, { rules: planRulesOf(snapshot.hall.planRules) });
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        return fail(c, 404, "not_found", `${e.message}: ${rebuilt.days.join(", ")} had tickets in under an hour, too little to plan ${date} from`, {
          date,
          days: rebuilt.days,
        });
      }
      return c.json({ ...plan, basedOn: { days: rebuilt.days }, load: rebuilt.load }, 200) as never;
    },
  );
}

function appliedPlanRoutes(app: HallApp): void {
  const ask = async (c: Parameters<typeof fail>[0], hall: string, request: PlanRequest) => {
    const answer = await hallStub(c.env, hall).dayPlan(hall, request);
    return answer ? reply(c, answer) : fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
  };

  app.openapi(
    route({
      method: "put",
      path: "/api/halls/{hall}/plan/{date}",
      operationId: "applyDayPlan",
      tags: ["Planning"],
      summary: "Apply a day plan",
      description:
        "Apply a plan as the hall's plan for that day (today or later): its windows and shifts, checked against the hall's windows and categories. The consoles and the data wall remind of each shift change 30 minutes ahead; with the hall setting autoOpen the hall opens, pauses (after the citizen at the window) and re-assigns the windows itself, as the actor \\\"plan\\\". Replaces the day's plan; audited. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: PlanParams, ...body(AppliedPlanBody) },
      responses: { 200: json(PlanReplyBody, "Replaced the day's plan"), 201: json(PlanReplyBody, "Applied"), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { hall, date } = c.req.valid("param");
      const { windows, basedOn } = c.req.valid("json");
      return ask(c, hall, { op: "put", date, windows, basedOn, actor: requestActor(c) });
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/plan/{date}",
      operationId: "getAppliedDayPlan",
      tags: ["Planning"],
      summary: "The applied day plan",
      description: "The plan applied for that day, or 404 when none is. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: PlanParams },
      responses: { 200: json(PlanReplyBody, "The applied plan"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall, date } = c.req.valid("param");
      return ask(c, hall, { op: "get", date });
    },
  );

  app.openapi(
    route({
      method: "delete",
      path: "/api/halls/{hall}/plan/{date}",
      operationId: "removeDayPlan",
      tags: ["Planning"],
      summary: "Remove a day plan",
      description:
        "Stop following the plan applied for that day: no more reminders or automatic changes; windows stay as they are. Audited. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: PlanParams },
      responses: { 200: json(PlanReplyBody, "The plan removed"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall, date } = c.req.valid("param");
      return ask(c, hall, { op: "delete", date, actor: requestActor(c) });
    },
  );
}
