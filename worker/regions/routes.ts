/**
 * Regions under /api/regions/{region}: define the tree (admin), read a region's live figures and
 * its 10-minute list (a token for that region or above), watch it over a WebSocket, and the
 * public list of halls open now (no token). State lives in the region objects
 * (worker/region-object); this layer authenticates, validates and routes.
 */
import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { Env } from "../env.js";
import type { StatsAnswer } from "../statistics/hall-stats.object.js";
import { definedRegionStub, regionStub, treeStub } from "./stubs.js";
import { regionStatsCsv, regionStatsRow, tenMinuteList, type RegionStatsRow } from "./stats.js";
import { originAllowed, type Principal } from "../access/tokens.js";
import { callerOf } from "../access/caller.js";
import { body, errors, json, publicRoute, REGION_CALLER, REGION_WATCHER, route, upgraded } from "../edge/openapi.js";
import { errorResponse } from "../edge/errors.js";
import { mayUseRegion } from "../access/region-scope.js";
import { StatsQuery } from "../statistics/routes.js";
import { fail } from "../edge/errors.js";
import { reply } from "../edge/execute.js";
import { ADMINS, ANY, MANAGERS } from "../access/roles.js";
import { HallApp } from "../edge/app.js";
import { hallStub } from "../hall-object/stub.js";
import { allowRegion } from "../access/allow.js";
import { upstreamHolds, upstreamOf } from "./upstream.js";
import type { Vars } from "../edge/app.js";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes, starting with a letter or digit, at most 40");

const RegionParam = z.object({ region: slug.openapi({ param: { name: "region", in: "path" }, example: "gx-wuzhou" }) });

const RegionName = z.strictObject({
  "zh-Hans": z.string().trim().min(1).max(30),
  "zh-Hant": z.string().trim().min(1).max(30).optional(),
  en: z.string().trim().min(1).max(80).optional(),
});

export const RegionBody = z
  .strictObject({
    name: RegionName,
    parent: slug.nullable().openapi({ description: "The region above (it must exist), or null for a top region" }),
  })
  .openapi("Region");

const Totals = z.object({
  halls: z.number(),
  waiting: z.number(),
  windowsOpen: z.number(),
  windowsTotal: z.number(),
  issuedToday: z.number(),
  servedToday: z.number(),
  meanWaitMinutes: z.number().nullable(),
  overLine: z.number().openapi({ description: "Halls over the line" }),
});

const HallLine = z.object({
  hall: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  waiting: z.number(),
  windowsOpen: z.number(),
  windowsTotal: z.number(),
  oldestWaitMinutes: z.number().nullable(),
  meanWaitMinutes: z.number().nullable(),
  p90WaitMinutes: z.number().nullable(),
  issuedToday: z.number(),
  servedToday: z.number(),
  overLine: z.boolean().openapi({ description: "The oldest waiting ticket is past the hall's alarm line, or today's mean wait is" }),
  stale: z.boolean().openapi({ description: "A busy hall that has not reported for 2 minutes" }),
  reportedAt: z.string(),
});

const RegionReply = z
  .object({
    region: z.string(),
    name: RegionName,
    parent: z.string().nullable(),
    totals: Totals,
    regions: z.array(z.object({ region: z.string(), name: RegionName, totals: Totals })),
    halls: z.array(HallLine),
  })
  .openapi("RegionFigures");

const PublicHall = z.object({
  hall: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  address: z.string().nullable(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  waiting: z.number(),
  windowsOpen: z.number(),
  categories: z.array(z.object({ id: z.string(), names: z.any(), waiting: z.number(), estimatedWaitMinutes: z.number().nullable() })),
  distanceKm: z.number().optional(),
  reportedAt: z.string(),
});

const NearQuery = z.object({
  near: z
    .string()
    .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, "latitude,longitude in degrees, e.g. 23.48,111.28")
    .refine((t) => Math.abs(Number(t.split(",")[0])) <= 90 && Math.abs(Number(t.split(",")[1])) <= 180, { message: "latitude within ±90, longitude within ±180", params: { rule: "place" } })
    .optional()
    .openapi({ param: { name: "near", in: "query" }, description: "Nearest first from this position" }),
});

const RegionStatsQuery = StatsQuery.pick({ from: true, to: true }).extend({
  over: z
    .string()
    .regex(/^\d{1,3}(\.\d+)?$/, "minutes, e.g. 10")
    .optional()
    .openapi({ param: { name: "over", in: "query" }, description: "Keep only halls whose mean wait over the range exceeded this many minutes" }),
});

const RegionStatsRowSchema = z.object({
  hall: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  issued: z.number(),
  served: z.number(),
  meanWaitMinutes: z.number().nullable(),
  p90WaitMinutes: z.number().nullable(),
  windowHours: z.number().openapi({ description: "Hours of service at the hall's windows (start of service → finish)" }),
});

type AnyContext = Context<{ Bindings: Env; Variables: Vars }>;

/** 401 without a token, 403 for a role or region the caller does not cover. */

async function gatherStats(
  c: AnyContext,
  region: string,
  q: z.infer<typeof RegionStatsQuery>,
): Promise<Response | { from: string; to: string; over?: number; rows: RegionStatsRow[] }> {
  if (q.from && q.to && q.from > q.to) return errorResponse(c, 400, "invalid", `from ${q.from} is after to ${q.to}`, { from: "must not be after to" });
  const halls = await regionStub(c.env, region).hallsBelow();
  if (!halls) return errorResponse(c, 404, "not_found", `unknown region "${region}"`, { region });
  const rows: RegionStatsRow[] = [];
  let from = q.from ?? "";
  let to = q.to ?? "";
  // A hall on another deployment: today's figures from its latest report, when the range holds today.
  const afar = halls.filter((h) => h.afar);
  // A few at a time: a province's thousand halls answer in batches, not in one burst.
  const here = halls.filter((h) => !h.afar);
  for (let i = 0; i < here.length; i += 25) {
    const batch = here.slice(i, i + 25);
    const answers = await Promise.all(
      batch.map(
        (h) =>
          hallStub(c.env, h.hall).insights(h.hall, { kind: "stats", by: "hall", from: q.from, to: q.to, per: "range" }) as Promise<{
            status: number;
            body: unknown;
          } | null>,
      ),
    );
    answers.forEach((a, j) => {
      if (!a || a.status !== 200) return;
      const answer = a.body as StatsAnswer;
      from ||= answer.from;
      to ||= answer.to;
      rows.push(regionStatsRow(batch[j]!, answer.total));
    });
  }
  for (const h of afar) {
    const r = h.afar!;
    from ||= r.day;
    to ||= r.day;
    if (r.day < from || r.day > to) continue;
    rows.push({ hall: h.hall, name: h.name, region: h.region, issued: r.issuedToday, served: r.servedToday, meanWaitMinutes: r.meanWaitMinutes, p90WaitMinutes: r.p90WaitMinutes, windowHours: 0 });
  }
  const over = q.over === undefined ? undefined : Number(q.over);
  return { from, to, ...(over === undefined ? {} : { over }), rows: tenMinuteList(rows, over) };
}

export function regionRoutes(app: HallApp): void {
  // A hall's configuration may name a region only once the region exists.
  app.use("/api/halls/:hall", async function hallRegionExists(c, next) {
    if (c.req.method !== "PUT") return next();
    const config = (await c.req.json().catch(() => null)) as { region?: unknown } | null;
    const region = config?.region;
    if (typeof region !== "string" || !/^[a-z0-9][a-z0-9-]{0,39}$/.test(region)) return next();
    if (await treeStub(c.env).knowsRegion(region)) return next();
    // Not held here: the deployment holding the regions (TONGBAN_UPSTREAM) may hold it.
    const up = upstreamOf(c.env);
    const held = up ? await upstreamHolds(up, c.req.param("hall"), region) : false;
    if (held === "unreachable") {
      return errorResponse(c, 503, "upstream_unreachable", `region "${region}" is not held here and the upstream ${up!.base} could not be asked: try again`, { region, upstream: up!.base });
    }
    if (!held) {
      const why = up ? `neither this deployment nor its upstream ${up.base} holds it` : `create it with PUT /api/regions/${region} first`;
      return errorResponse(c, 400, "invalid", `unknown region "${region}": ${why}`, { region: `unknown region "${region}"` });
    }
    return next();
  });

  app.openapi(
    route({
      method: "put",
      path: "/api/regions/{region}",
      operationId: "defineRegion",
      tags: ["Regions"],
      summary: "Create or replace a region",
      description: "Its name and the region above it; 400 for an unknown parent or a cycle. Roles: admin (a region-scoped admin only below its regions).",
      security: REGION_CALLER,
      middleware: [allowRegion(ADMINS)] as const,
      request: { params: RegionParam, ...body(RegionBody) },
      responses: {
        200: json(z.object({ region: z.string(), name: RegionName, parent: z.string().nullable(), path: z.array(z.string()) }), "Replaced"),
        201: json(z.object({ region: z.string(), name: RegionName, parent: z.string().nullable(), path: z.array(z.string()) }), "Created"),
        ...errors(400, 401, 403, 413),
      },
    }),
    async (c) => {
      const { region } = c.req.valid("param");
      const def = c.req.valid("json");
      const principal = c.get("principal");
      // A region-scoped admin shapes only the tree below its regions.
      if (principal.regions && (def.parent === null || !(await mayUseRegion(c.env, principal, def.parent)))) {
        return fail(c, 403, "forbidden", `this admin token may only place regions below ${principal.regions.join(", ")}`, { parent: def.parent });
      }
      return reply(c, await treeStub(c.env).defineRegion(region, def));
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/regions/{region}",
      operationId: "getRegion",
      tags: ["Regions"],
      summary: "The region now",
      description: "Totals, its child regions' totals, and every hall below it ranked by oldest wait. Roles: any, with a token for the region or one above it.",
      security: REGION_CALLER,
      middleware: [allowRegion(ANY)] as const,
      request: { params: RegionParam },
      responses: { 200: json(RegionReply, "The region's live figures"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { region } = c.req.valid("param");
      const view = await regionStub(c.env, region).view();
      if (!view) return fail(c, 404, "not_found", `unknown region "${region}"`, { region });
      return c.json(view, 200) as never;
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/regions/{region}/live",
      operationId: "watchRegion",
      tags: ["Regions"],
      summary: "Live region figures (WebSocket)",
      description:
        "Upgrade to a WebSocket: `{ type: \"snapshot\", seq, …the region's figures }`, then `{ type: \"changes\", seq, totals, regions, halls: [changed], removed: [hall ids] }`. Roles: any, with a token for the region or one above it.",
      security: REGION_WATCHER,
      middleware: [allowRegion(ANY, { allowQuery: true })] as const,
      request: { params: RegionParam },
      responses: { ...upgraded("Then the region's snapshot and its changes as JSON text messages."), ...errors(400, 401, 403, 404, 426) },
    }),
    async (c) => {
      const { region } = c.req.valid("param");
      if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") return fail(c, 426, "upgrade_required", "this is a WebSocket endpoint: connect with Upgrade: websocket");
      if (!originAllowed(c.req.raw, c.env)) return fail(c, 403, "forbidden", `WebSocket connections from origin ${c.req.header("Origin")} are not allowed`, { origin: c.req.header("Origin") });
      const offered = (c.req.header("Sec-WebSocket-Protocol") ?? "").split(",").map((p) => p.trim()).filter(Boolean);
      const protocol = offered.includes("tongban.v1") ? "tongban.v1" : (offered[0] ?? null);
      const headers = new Headers({ Upgrade: "websocket" });
      if (protocol) headers.set("X-Tongban-Protocol", protocol);
      const token = tokenOf(c.req.raw);
      if (token) headers.set("X-Tongban-Token", token);
      return (await regionStub(c.env, region).fetch(new Request(c.req.url, { headers }))) as never;
    },
  );

  app.openapi(
    publicRoute({
      method: "get",
      path: "/api/regions/{region}/halls",
      operationId: "listOpenHalls",
      tags: ["Regions"],
      summary: "Halls open now (public)",
      description:
        "No token: the region's halls open now, with waiting counts and the estimated wait per category; nearest first with ?near=lat,lng. For a WeChat mini-program or a public website (CORS open, cached 10 s).",
      request: { params: RegionParam, query: NearQuery },
      responses: {
        200: json(z.object({ region: z.string(), name: RegionName, halls: z.array(PublicHall) }), "Halls open now"),
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { region } = c.req.valid("param");
      const { near } = c.req.valid("query");
      const position = near ? { lat: Number(near.split(",")[0]), lng: Number(near.split(",")[1]) } : undefined;
      const list = await (await definedRegionStub(c.env, region))?.publicList(position);
      if (!list) return fail(c, 404, "not_found", `unknown region "${region}"`, { region });
      c.header("Cache-Control", "public, max-age=10");
      c.header("Access-Control-Allow-Origin", "*");
      return c.json(list, 200) as never;
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/regions/{region}/stats",
      operationId: "getRegionStats",
      tags: ["Regions"],
      summary: "The 10-minute list",
      description:
        "Each hall's own statistics over the range, one row per hall; `over` keeps halls whose mean wait exceeded it. Roles: manager, admin, for the region or one above it.",
      security: REGION_CALLER,
      middleware: [allowRegion(MANAGERS)] as const,
      request: { params: RegionParam, query: RegionStatsQuery },
      responses: {
        200: json(z.object({ from: z.string(), to: z.string(), over: z.number().optional(), rows: z.array(RegionStatsRowSchema) }), "One row per hall"),
        ...errors(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { region } = c.req.valid("param");
      const list = await gatherStats(c as never, region, c.req.valid("query"));
      return (list instanceof Response ? list : c.json(list, 200)) as never;
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/regions/{region}/stats.csv",
      operationId: "exportRegionStatsCsv",
      tags: ["Regions"],
      summary: "The 10-minute list as CSV",
      description: "The same list as CSV with a header row, UTF-8 with a byte-order mark. Roles: manager, admin, for the region or one above it.",
      security: REGION_CALLER,
      middleware: [allowRegion(MANAGERS)] as const,
      request: { params: RegionParam, query: RegionStatsQuery },
      responses: { 200: { description: "CSV, one line per hall", content: { "text/csv": { schema: z.string() } } }, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { region } = c.req.valid("param");
      const list = await gatherStats(c as never, region, c.req.valid("query"));
      if (list instanceof Response) return list as never;
      const name = `tongban-${region}-${list.from === list.to ? list.from : `${list.from}_${list.to}`}${list.over === undefined ? "" : `-over-${list.over}`}.csv`;
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="${name}"`);
      c.header("Cache-Control", "no-store");
      return c.body(regionStatsCsv(list.rows), 200) as never;
    },
  );
}

function tokenOf(request: Request): string | null {
  const query = new URL(request.url).searchParams.get("token");
  if (query) return query;
  for (const p of (request.headers.get("Sec-WebSocket-Protocol") ?? "").split(",")) {
    if (p.trim().startsWith("bearer.")) return p.trim().slice("bearer.".length);
  }
  return null;
}
