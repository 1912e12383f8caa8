/**
 * The upstream's side of regions across deployments (issue 24 §4): a hall on another deployment
 * reports here with a `reporter` token bound to it, and learns whether a region is held here
 * before its deployment accepts the hall naming it. Nothing else takes a reporter token
 * (worker/access/roles.ts), and these routes take nothing else.
 */
import { z } from "@hono/zod-openapi";
import { allow } from "../access/allow.js";
import { REPORTERS } from "../access/roles.js";
import type { HallApp } from "../edge/app.js";
import { fail } from "../edge/errors.js";
import { body, errors, json, route } from "../edge/openapi.js";
import { HallParam, slug } from "../edge/schemas.js";
import { ItemReply } from "../signage/schemas.js";
import { regionStub, treeStub } from "./stubs.js";
import type { HallReport } from "./summary.js";

const tags: ["Regions"] = ["Regions"];
const count = z.number().int().min(0).max(1_000_000);
const minutes = z.number().min(0).max(100_000).nullable();
const instant = z.number().int().min(0).max(8.64e15);

const ReportSchema = z
  .object({
    hall: z.string().max(64),
    name: z.string().max(200),
    region: slug,
    seq: count.max(Number.MAX_SAFE_INTEGER),
    reportedAt: instant,
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    waiting: count,
    beingServed: count,
    windowsOpen: count,
    windowsTotal: count,
    officersOnDuty: count,
    oldestQueuedAt: instant.nullable(),
    alarmMinutes: z.number().min(0).max(1_440),
    waitsCounted: count,
    meanWaitMinutes: minutes,
    p90WaitMinutes: minutes,
    issuedToday: count,
    servedToday: count,
    categories: z
      .array(
        z.object({
          id: z.string().max(64),
          names: z.record(z.string(), z.string().max(200)),
          waiting: count,
          estimatedWaitMinutes: minutes,
        }),
      )
      .max(100),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullable(),
    address: z.string().max(500).nullable(),
    gone: z.literal(true).optional(),
  })
  .openapi("HallReport", { description: "The hall's throttled summary (worker/regions/summary.ts): the same a local hall hands its region" });

const ReportBody = z
  .strictObject({
    report: ReportSchema,
    held: count.max(Number.MAX_SAFE_INTEGER).openapi({ description: "The version of the region's content the hall holds; 0 for none" }),
    placed: z.boolean().openapi({ description: "The hall came to (or, in a departure, left) the region since its last report" }),
  })
  .openapi("RegionReport");

const ContentReply = z
  .object({ region: z.string(), version: z.number(), items: z.array(ItemReply.shape.item) })
  .nullable()
  .openapi({ description: "The region's content when the hall holds an older version; null when it is current" });

const RegionOfHallParams = HallParam.extend({ region: slug.openapi({ param: { name: "region", in: "path" }, example: "gx-wuzhou" }) });

export function upstreamRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/region-report",
      operationId: "reportToRegion",
      tags,
      summary: "A hall on another deployment reports to its region",
      description:
        "What `TONGBAN_UPSTREAM` deployments send: the hall's throttled summary, seq-numbered, admitted like a local hall's (a repeated or older report changes nothing), and the region's content back when the hall's is older. Roles: reporter, for this hall.",
      middleware: [allow(REPORTERS)] as const,
      request: { params: HallParam, ...body(ReportBody) },
      responses: { 200: json(z.object({ content: ContentReply }), "Admitted (or already known)"), ...errors(400, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { report, held, placed } = c.req.valid("json");
      if (report.hall !== hall) return fail(c, 400, "invalid", `this report is for hall "${report.hall}", not "${hall}"`, { "report.hall": `must be "${hall}"` });
      const answer = await regionStub(c.env, report.region).reportFromAfar(report as HallReport, held);
      if (!answer) return fail(c, 404, "not_found", `unknown region "${report.region}" on this deployment`, { region: report.region });
      // Region tokens here see the hall once it is placed, as they see a local one.
      if (placed) await treeStub(c.env).placeHall(hall, report.gone ? null : report.region);
      return c.json({ content: answer.content }, 200) as never;
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/region-report/{region}",
      operationId: "checkReportRegion",
      tags,
      summary: "Whether this deployment holds a region",
      description:
        "Asked by a deployment before it accepts a hall naming a region it does not hold itself (PUT /api/halls/{hall} there). Roles: reporter, for this hall.",
      middleware: [allow(REPORTERS)] as const,
      request: { params: RegionOfHallParams },
      responses: { 200: json(z.object({ region: z.string() }), "Held here"), ...errors(400, 404) },
    }),
    async (c) => {
      const { region } = c.req.valid("param");
      if (!(await regionStub(c.env, region).isDefined())) return fail(c, 404, "not_found", `unknown region "${region}" on this deployment`, { region });
      return c.json({ region }, 200) as never;
    },
  );
}
