/**
 * The upstream's side of regions across deployments (issue 24 §4): a hall on another deployment
 * reports here with a `reporter` token bound to it, takes back the content of its region and of
 * every region above it, and learns whether a region is held here
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
import { MAX_DEPTH } from "./tree.js";

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
    holds: z
      .record(slug, count.max(Number.MAX_SAFE_INTEGER))
      .refine((h) => Object.keys(h).length <= MAX_DEPTH, { message: `at most ${MAX_DEPTH} regions` })
      .optional()
      .openapi({ description: "The version of each region's content the hall holds (the regions above its own are read from here)", example: { "gx-wuzhou": 3, gx: 7 } }),
  })
  .openapi("RegionReport");

const RegionContentList = z.object({ region: z.string(), version: z.number(), items: z.array(ItemReply.shape.item) });
const ContentReply = RegionContentList.nullable().openapi({ description: "The region's content when the hall holds an older version; null when it is current" });
const ReportReply = z.object({
  content: ContentReply,
  above: z.array(RegionContentList).openapi({ description: "The content of each region above the hall's whose version is newer than the hall holds, nearest first" }),
  path: z.array(z.string()).optional().openapi({ description: "The hall's region and every region above it here, nearest first: content of any other region held from here is to be dropped. Absent after a departure." }),
});

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
      responses: { 200: json(ReportReply, "Admitted (or already known)"), ...errors(400, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { report, held, placed, holds = {} } = c.req.valid("json");
      if (report.hall !== hall) return fail(c, 400, "invalid", `this report is for hall "${report.hall}", not "${hall}"`, { "report.hall": `must be "${hall}"` });
      const answer = await regionStub(c.env, report.region).reportFromAfar(report as HallReport, held);
      if (!answer) return fail(c, 404, "not_found", `unknown region "${report.region}" on this deployment`, { region: report.region });
      // Region tokens here see the hall once it is placed, as they see a local one.
      if (placed) await treeStub(c.env).placeHall(hall, report.gone ? null : report.region);
      if (report.gone) return c.json({ content: answer.content, above: [] }, 200) as never;
      // A province's notice reaches a county hall on another deployment as it reaches a local one:
      // each region above, read by the parent each region names (the same link its reports go up by).
      const path = [report.region];
      const above: Array<z.infer<typeof RegionContentList>> = [];
      for (let at = answer.parent; at !== null && !path.includes(at) && path.length < MAX_DEPTH; ) {
        const got = await regionStub(c.env, at).contentFromAfar(hall, holds[at] ?? 0);
        if (!got) break;
        path.push(at);
        if (got.content) above.push(got.content);
        at = got.parent;
      }
      return c.json({ content: answer.content, above, path }, 200) as never;
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
