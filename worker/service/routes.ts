/** Whether the Worker answers (and its upstream, and a hall's reports), and (in development only) how often each hall object woke. */
import { z } from "@hono/zod-openapi";
import { isDevelopment } from "../env.js";
import { wakeCounts } from "./wakes.js";
import { fail, notFound } from "../edge/errors.js";
import { HallParam, slug } from "../edge/schemas.js";
import { hallStub } from "../hall-object/stub.js";
import { upstreamHealth, upstreamOf } from "../regions/upstream.js";
import { body, errors, json, publicRoute, route } from "../edge/openapi.js";
import { allow } from "../access/allow.js";
import { ADMINS } from "../access/roles.js";
import { HallApp } from "../edge/app.js";
import type { BenchRequest } from "../hall-object/bench.js";

const instant = z.number().int().nonnegative();

/** What `npm run bench:year` asks of a hall (worker/hall-object/bench.ts). */
const BenchBody = z
  .object({
    op: z.enum(["configure", "day", "measure", "evict", "wake", "oversize"]).openapi({ description: "`oversize` tries one write over the platform's 2 MB row limit, which the storage guard refuses (the console's 存储告警)" }),
    at: instant.optional(),
    day: z.number().int().nonnegative().optional(),
    open: instant.optional(),
    everyMs: z.number().int().positive().optional(),
    tickets: z.number().int().min(0).max(20_000).optional(),
    midnight: instant.nullable().optional(),
    from: z.number().int().min(1).optional().openapi({ description: "Play the day's tickets from this one (day)" }),
    to: z.number().int().min(0).optional().openapi({ description: "…to this one (day); default the day's last" }),
    after: z.record(z.string(), z.number().int()).optional(),
  })
  .openapi("BenchRequest");

const Health = z
  .object({
    ok: z.literal(true),
    upstream: z
      .object({
        reachable: z.boolean().openapi({ description: "The upstream's GET /api/health answered 200 within 4 s" }),
        status: z.number().nullable().openapi({ description: "Its HTTP status; null when nothing came back" }),
        ms: z.number(),
      })
      .optional()
      .openapi({ description: "Only on a deployment with TONGBAN_UPSTREAM" }),
    hall: z
      .object({
        hall: z.string(),
        region: z.string().nullable(),
        upstream: z.boolean().openapi({ description: "Its region is on the upstream, not on this deployment" }),
        lastReportAt: z.string().nullable().openapi({ description: "When the last report landed (the hall's clock); null for none since it took this region" }),
        lastReportAgeSeconds: z.number().nullable().openapi({ description: "A busy hall reports at least every 60 s: alert above 180" }),
        failing: z.boolean(),
        failingSince: z.string().nullable(),
        error: z.string().nullable().openapi({ description: "Why the last try failed" }),
      })
      .optional()
      .openapi({ description: "Only with ?hall=" }),
  })
  .openapi("Health");

export function serviceRoutes(app: HallApp): void {
  app.openapi(
    publicRoute({
      method: "get",
      path: "/api/health",
      operationId: "getHealth",
      tags: ["Service"],
      summary: "Health check",
      description:
        "Answers `{ ok: true }` without touching any hall: for a load balancer or a monitor. A deployment reporting to an upstream (`TONGBAN_UPSTREAM`) adds `upstream`: whether the upstream's own health check answers. With `?hall=`, `hall` says how that hall's reports to its region fare (it wakes that hall): where they go, the last one's age on the hall's clock, and since when they fail. `ok` stays true: it says this process answers.",
      request: { query: z.object({ hall: slug.optional().openapi({ description: "A hall whose region reports to check", example: "demo" }) }) },
      responses: { 200: json(Health, "The Worker answers"), ...errors(400, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("query");
      const up = upstreamOf(c.env);
      const [upstream, report] = await Promise.all([up ? upstreamHealth(up) : null, hall ? hallStub(c.env, hall).reportHealth(hall) : null]);
      if (hall && !report) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
      return c.json(
        {
          ok: true as const,
          ...(upstream ? { upstream } : {}),
          ...(hall && report ? { hall: { hall, ...report, lastReportAt: iso(report.lastReportAt), failing: report.failingSince !== null, failingSince: iso(report.failingSince) } } : {}),
        },
        200,
      ) as never;
    },
  );

  // See worker/service/wakes.ts: the benchmarks read these to show an idle hall runs no code.
  app.openapi(
    publicRoute({
      method: "get",
      path: "/api/dev/wakes",
      operationId: "getDevWakeCounts",
      tags: ["Service"],
      summary: "Hall wake counts (development only)",
      description:
        "How many times each hall object in this isolate woke from eviction or hibernation, and how many requests, socket messages and alarms it handled. Only with `TONGBAN_MODE=development`; 404 otherwise.",
      responses: {
        200: json(z.record(z.string(), z.object({ wakes: z.number(), handled: z.number() })).openapi("WakeCounts"), "Counts by hall id"),
        ...errors(404),
      },
    }),
    (c) => (isDevelopment(c.env) ? c.json(wakeCounts(), 200) : (notFound(c) as never)),
  );

  // Issue 22 §5: `npm run bench:year` plays a hall's days inside its object (scripts/bench/year.ts).
  app.openapi(
    route({
      method: "post",
      path: "/api/dev/bench/{hall}",
      operationId: "runDevBench",
      tags: ["Service"],
      summary: "Play a bench day in a hall (development only)",
      description:
        "For `npm run bench:year`: configures a bench hall, plays a day of tickets inside the hall's object on the bench's clock (each command the whole way a request's goes there, then the midnight alarm), measures its database, evicts it, or wakes it; for the browser suite, tries a write over the platform's row limit in any hall (`oversize`), which the storage guard refuses and the manager console shows. Only with `TONGBAN_MODE=development`; 404 otherwise. Roles: admin.",
      middleware: [allow(ADMINS)] as const,
      request: { params: HallParam, ...body(BenchBody) },
      responses: { 200: json(z.object({ status: z.number(), body: z.unknown() }).openapi("BenchReply"), "What the hall answered"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      if (!isDevelopment(c.env)) return notFound(c) as never;
      const { hall } = c.req.valid("param");
      const request = c.req.valid("json") as BenchRequest;
      try {
        const reply: { status: number; body: unknown } | null = await hallStub(c.env, hall).bench(hall, request);
        return reply ? (c.json({ status: reply.status, body: reply.body }, 200) as never) : (notFound(c) as never);
      } catch (error) {
        // An eviction resets the object under its own call: that is the answer asked for.
        if (request.op === "evict") return c.json({ status: 200, body: { evicted: String(error) } }, 200);
        throw error;
      }
    },
  );
}
