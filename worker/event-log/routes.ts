/**
 * The event log, exported (`GET /api/halls/{hall}/events?after=&limit=`): NDJSON, one public
 * event per line in seq order, for archives and audits. The next page starts after the seq in
 * `X-Tongban-Next-After`; `Link: <…>; rel="next"` names it while the log holds more. Pages over
 * one chunk are streamed from the hall a chunk at a time (worker/event-log/export.object.ts).
 * `X-Tongban-Live-From` says where the live log starts; what is older is in the hall's archives
 * (worker/archives), which `Link: <…>; rel="archives"` names once anything is archived.
 */
import { z } from "@hono/zod-openapi";
import * as S from "../edge/schemas.js";
import { errors, route } from "../edge/openapi.js";
import { fail } from "../edge/errors.js";
import { outOfRange } from "../edge/refusal.js";
import { hallStub } from "../hall-object/stub.js";
import { MANAGERS } from "../access/roles.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";

export const EXPORT_DEFAULT_LIMIT = 1000;
export const EXPORT_MAX_LIMIT = 10_000;
/** Events read from the hall per call while streaming a page. */
const CHUNK = 500;

const EventsQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,15}$/, "a seq: 0 for the start of the log, then the previous page's X-Tongban-Next-After")
    .optional()
    .openapi({ param: { name: "after", in: "query" }, example: "0", description: "Events with a seq above this; default 0 (the start of the log)" }),
  limit: z
    .string()
    .regex(/^\d{1,6}$/, `a whole number from 1 to ${EXPORT_MAX_LIMIT}`)
    .optional()
    .openapi({ param: { name: "limit", in: "query" }, example: "1000", description: `At most this many events, 1 to ${EXPORT_MAX_LIMIT}; default ${EXPORT_DEFAULT_LIMIT}` }),
});

const PAGE_HEADERS = z.object({
  "X-Tongban-Next-After": z.string().openapi({ description: "The seq to pass as `after` for the next page (the last seq in this one, or `after` when it is empty)" }),
  "X-Tongban-Head": z.string().openapi({ description: "The log's last seq when the page was read" }),
  "X-Tongban-Live-From": z.string().openapi({ description: "The first seq the hall still holds; older events are archived (GET /api/halls/{hall}/archives), 1 while none are" }),
  Link: z
    .string()
    .optional()
    .openapi({ description: 'The next page as `<…>; rel="next"` while the log holds events past this page, and `</api/halls/{hall}/archives>; rel="archives"` once older events are archived' }),
});

const encoder = new TextEncoder();
const ndjson = (lines: string[]) => encoder.encode(lines.map((l) => `${l}\n`).join(""));

export function eventRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/events",
      operationId: "exportEvents",
      tags: ["Event log"],
      summary: "Export the event log",
      description:
        "The hall's event log as NDJSON, one event per line in seq order ({ seq, type, at, … } as the live feed sends it, without citizens' ID marks), for archives and audits; page on with ?after= the X-Tongban-Next-After header. The live log starts at X-Tongban-Live-From: whole days older than the hall's `eventDays` (default 90) are archived as gzip NDJSON in the same format (GET /api/halls/{hall}/archives) and pruned, and asking for events before the live log starts is 410 naming where it starts and where the archives are. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, query: EventsQuery },
      responses: {
        200: {
          description: "Up to `limit` events after `after`, one JSON object per line",
          headers: PAGE_HEADERS,
          content: { "application/x-ndjson": { schema: z.string().openapi({ example: '{"seq":42,"type":"ticket.issued","at":"2026-11-23T01:30:00.000Z","ticket":{…}}\n' }) } },
        },
        ...errors(400, 401, 403, 404, 410),
      },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const query = c.req.valid("query");
      const after = Number(query.after ?? 0);
      const limit = query.limit === undefined ? EXPORT_DEFAULT_LIMIT : Number(query.limit);
      if (limit < 1 || limit > EXPORT_MAX_LIMIT) {
        return fail(c, 400, "invalid", `limit must be from 1 to ${EXPORT_MAX_LIMIT}`, { limit: `from 1 to ${EXPORT_MAX_LIMIT}` }, [
          outOfRange("limit", limit, 1, EXPORT_MAX_LIMIT),
        ]);
      }
      const stub = hallStub(c.env, hall);
      const first = await stub.eventLog(hall, after, limit, CHUNK);
      if (!first) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      if (after > first.head) {
        return fail(c, 400, "invalid", `after ${after} is past the end of the log (its last seq is ${first.head})`, { after: `at most ${first.head}` });
      }
      const archives = `/api/halls/${encodeURIComponent(hall)}/archives`;
      if (after < first.liveFrom - 1) {
        return fail(c, 410, "archived", `events up to seq ${first.liveFrom - 1} are archived: the live log starts at seq ${first.liveFrom}; read older events from ${archives}`, {
          after: `at least ${first.liveFrom - 1}`,
          liveFrom: first.liveFrom,
          archives,
        });
      }
      const headers = new Headers({
        "Content-Type": "application/x-ndjson; charset=utf-8",
        "Cache-Control": "no-store",
        "X-Tongban-Next-After": String(first.last),
        "X-Tongban-Head": String(first.head),
        "X-Tongban-Live-From": String(first.liveFrom),
      });
      const links: string[] = [];
      if (first.last < first.head) {
        const next = new URL(c.req.url);
        next.search = new URLSearchParams({ after: String(first.last), limit: String(limit) }).toString();
        links.push(`<${next.pathname}${next.search}>; rel="next"`);
      }
      if (first.liveFrom > 1) links.push(`<${archives}>; rel="archives"`);
      if (links.length > 0) headers.set("Link", links.join(", "));
      const last = first.last;
      let cursor = first.through;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (first.lines.length > 0) controller.enqueue(ndjson(first.lines));
          if (cursor >= last) controller.close();
        },
        async pull(controller) {
          const page = await stub.eventLog(hall, cursor, last - cursor, CHUNK);
          // The log never shrinks, so a chunk before `last` is never empty; closing on one keeps a
          // surprise from looping forever.
          if (!page || page.lines.length === 0) return controller.close();
          cursor = page.through;
          controller.enqueue(ndjson(page.lines));
          if (cursor >= last) controller.close();
        },
      });
      return new Response(body, { status: 200, headers }) as never;
    },
  );
}
