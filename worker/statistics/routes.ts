/**
 * Statistics, staffing advice and ratings. Figures come from the hall's event log through its
 * rollups (worker/statistics/hall-stats.object.ts); a rating is one hall command like any other, so it is in
 * the log, the audit table and the replay store.
 *
 * Waits run from taking a ticket to its first call; service from the start of service at the
 * window that finished the ticket to the finish. Median and 90th percentile are nearest-rank over
 * whole seconds: the value at rank ⌈p/100 · n⌉ of the n sorted values, always a wait that happened.
 */
import type { Context } from "hono";
import { z } from "@hono/zod-openapi";
import { MAX_SCORE, MIN_SCORE } from "../core/rating.js";
import { DIMENSIONS } from "./rollup.js";
import { statsCsv } from "./stats.js";
import type { StatsAnswer } from "./hall-stats.object.js";
import { publicRoute } from "../edge/openapi.js";
import * as S from "../edge/schemas.js";
import { TicketReply } from "../halls/queue.schemas.js";
import { ticketSecret, verifyTicket } from "../access/ticket-token.js";
import { body, errors, json, route } from "../edge/openapi.js";
import { execute, reply } from "../edge/execute.js";
import { fail } from "../edge/errors.js";
import { hallStub } from "../hall-object/stub.js";
import { CITIZEN, MANAGERS, STAFF } from "../access/roles.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";
import type { Actor } from "../hall-object/protocol.js";
import type { StoredReply } from "../hall-object/storage.js";

function isCalendarDay(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine(isCalendarDay, { message: "not a calendar date from 2000 on", params: { rule: "date" } });

export const StatsQuery = z.object({
  from: Day.optional().openapi({ param: { name: "from", in: "query" }, example: "2026-11-16", description: "First local day included; default: `to`" }),
  to: Day.optional().openapi({ param: { name: "to", in: "query" }, example: "2026-11-22", description: "Last local day included; default: today" }),
  by: z
    .enum(DIMENSIONS as [string, ...string[]])
    .default("category")
    .openapi({ param: { name: "by", in: "query" }, description: "Group by category, window, officer, hour of arrival, or the whole hall" }),
  per: z
    .enum(["range", "day"])
    .default("range")
    .openapi({ param: { name: "per", in: "query" }, description: "One row per group over the range (default), or one per day and group" }),
});

const Durations = z.object({
  count: z.number(),
  meanMinutes: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  maxMinutes: z.number().nullable(),
});

const StatsRow = z
  .object({
    from: z.string(),
    to: z.string(),
    by: z.string(),
    key: z.string().openapi({ description: "Category id, window id, officer badge (\"\" for nobody signed in), hour \"09\", or \"all\"" }),
    label: z.string().openapi({ example: "户政" }),
    issued: z.number(),
    served: z.number(),
    noShows: z.number(),
    transfers: z.number(),
    wait: Durations.openapi({ description: "Ticket issued → first call, minutes" }),
    service: Durations.openapi({ description: "Start of service at the finishing window → finish, minutes" }),
    satisfaction: z.object({
      meanScore: z.number().nullable(),
      count: z.number(),
      goodRate: z.number().nullable().openapi({ description: "好评率: share of 非常满意 and 满意 (4, 5), percent" }),
      bad: z.number().openapi({ description: "差评: ratings of 1 or 2, each followed up (GET …/follow-ups)" }),
    }),
  })
  .openapi("StatsRow");

const StatsReply = z
  .object({
    hall: z.string(),
    timezone: z.string(),
    today: z.string(),
    from: z.string(),
    to: z.string(),
    by: z.string(),
    per: z.enum(["range", "day"]),
    total: S.orNull(StatsRow),
    rows: z.array(StatsRow),
    pendingDays: z.array(z.string()).openapi({ description: "Days of the range still being counted from the log (a hall that ran before statistics were kept): ask again" }),
  })
  .openapi("Stats");

const Advice = z
  .object({
    hall: z.string(),
    day: z.string(),
    at: z.string(),
    targets: z.object({ targetWaitMinutes: z.number(), alarmMinutes: z.number(), withinAlarm: z.number() }),
    live: z.object({ open: z.number(), needed: z.number(), categories: z.array(z.any()) }).passthrough(),
    daily: z
      .object({ expectedVolume: z.number(), basis: z.enum(["last_week", "today"]), laibin: z.any(), peak: z.any() })
      .passthrough(),
  })
  .openapi("StaffingAdvice");

const Score = z.number().int("a whole number").min(MIN_SCORE).max(MAX_SCORE).openapi({ example: 5, description: "1 (very unhappy) to 5 (very happy)" });

export const Reasons = z
  .array(z.enum(["efficiency", "skill", "attitude", "other"]))
  .max(4)
  .optional()
  .openapi({ description: "For 不满意/非常不满意 (1 or 2) only: 服务效率 efficiency, 服务水平 skill, 服务态度 attitude, 其他 other" });

export const RatingBody = z.strictObject({ score: Score, reasons: Reasons, commandId: S.CommandId }).openapi("Rating");

async function statsOf(c: Context<any>, hall: string, q: z.infer<typeof StatsQuery>): Promise<StoredReply> {
  const answer: StoredReply | null = await hallStub(c.env, hall).insights(hall, { kind: "stats", by: q.by as StatsAnswer["by"], from: q.from, to: q.to, per: q.per });
  if (!answer) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
  return answer;
}

export function statsRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/stats",
      operationId: "getHallStats",
      tags: ["Statistics"],
      summary: "Statistics",
      description:
        "From the event log, by category, window, officer or hour of arrival: tickets issued, served, no-shows, transfers, waits and service times (mean, nearest-rank median and 90th percentile, max, in minutes), satisfaction. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, query: StatsQuery },
      responses: { 200: json(StatsReply, "The figures"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      return reply(c, await statsOf(c, hall, c.req.valid("query")));
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/stats.csv",
      operationId: "exportHallStatsCsv",
      tags: ["Statistics"],
      summary: "Statistics as CSV",
      description: "The same figures as CSV with a header row, UTF-8 with a byte-order mark so Excel shows Chinese; as an attachment. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, query: StatsQuery },
      responses: { 200: { description: "CSV, one line per row", content: { "text/csv": { schema: z.string() } } }, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const answer = await statsOf(c, hall, c.req.valid("query"));
      if (answer.status !== 200) return reply(c, answer);
      const a = answer.body as StatsAnswer;
      const name = `tongban-${hall}-${a.by}-${a.from === a.to ? a.from : `${a.from}_${a.to}`}${a.per === "day" ? "-daily" : ""}.csv`;
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="${name}"`);
      c.header("Cache-Control", "no-store");
      return c.body(statsCsv(a.rows, { bom: true }), 200) as never;
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/advice",
      operationId: "getStaffingAdvice",
      tags: ["Statistics"],
      summary: "Staffing advice",
      description:
        "Windows needed now per category and as comprehensive windows (Erlang C on the last hour's arrivals and learnt service times, against the target mean wait and the alarm line), and for the day: Laibin's rule on the expected volume beside Erlang C for the expected busiest hour. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(Advice, "The advice"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const answer = await hallStub(c.env, hall).insights(hall, { kind: "advice" });
      if (!answer) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return reply(c, answer);
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/tickets/{ticket}/rating",
      operationId: "rateTicket",
      tags: ["Ratings"],
      summary: "Rate a finished ticket",
      description: "1 to 5, once; 409 for a ticket not done or already rated. Roles: counter, manager, admin.",
      middleware: [allow(STAFF)] as const,
      request: { params: S.TicketParams, ...body(RatingBody) },
      responses: { 201: json(TicketReply, "Rated; the ticket carries its rating"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, ticket } = c.req.valid("param");
      const { score, reasons, commandId } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "rate", ticket, score, ...(reasons ? { reasons } : {}) }, { commandId }));
    },
  );

  citizenRating(app);
}

const CitizenRating = z
  .object({ rating: z.object({ ticket: z.string().openapi({ example: "A023" }), score: z.number(), at: z.string() }) })
  .openapi("CitizenRating");

/**
 * The citizen rates from the status page: the signed ticket link is the whole authorisation and
 * names the one ticket it may rate (like the page's live feed, outside the role-token API).
 */
/** Who rated from a status page, for the audit log: a citizen, by no device. */
const STATUS_PAGE_RATER: Actor = { role: CITIZEN, name: "市民（状态页）· citizen, status page", device: null };

function citizenRating(app: HallApp): void {
  app.openapi(
    publicRoute({
      method: "post",
      path: "/api/t/{ticketToken}/rating",
      operationId: "rateByTicketLink",
      tags: ["Citizens"],
      summary: "Rate the service (status page)",
      description:
        "The citizen rates their finished ticket 1 to 5, once, from the status page; reasons for 1–2. The signed link is the credential and names the one ticket it may rate; the reply gives back only the number and the score.",
      request: { params: S.TicketLinkParam, ...body(RatingBody) },
      responses: { 201: json(CitizenRating, "Rated"), ...errors(400, 404, 409, 413, 503) },
    }),
    async (c) => {
      const secret = ticketSecret(c.env);
      if (!secret.ok) return fail(c, 503, "not_configured", secret.problem);
      const target = await verifyTicket(secret.secret, c.req.valid("param").ticketToken);
      if (!target) return fail(c, 404, "not_found", "no such ticket link");
      const { score, reasons, commandId } = c.req.valid("json");
      const rate = { type: "rate" as const, ticket: target.ticket, score, ...(reasons ? { reasons } : {}) };
      const r = await execute(c, target.hall, rate, { commandId, actor: STATUS_PAGE_RATER });
      // The citizen gets their number and score back, never the ticket's stored fields.
      const rated = r.status === 201 ? { rating: { ticket: r.body.ticket.number, score, at: r.body.ticket.rating.at } } : r.body;
      return c.json(rated as object, r.status as 201) as never;
    },
  );
}
