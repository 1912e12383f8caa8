/**
 * The hall's archives for its managers (issue 22 §2): the list (`GET /api/halls/{hall}/archives`)
 * and one archive's file (`GET /api/halls/{hall}/archives/{kind}/{file}`).
 *
 * A file is sent as it is stored, `Content-Type: application/gzip` with no Content-Encoding, as
 * a download (`Content-Disposition: attachment`): a browser saves the `.ndjson.gz` file and
 * curl writes the same bytes (`curl … | gunzip`), so what a manager keeps is byte for byte what
 * the hall archived. Announced as `Content-Encoding: gzip`, browsers and fetch would unpack it
 * on the way and a proxy might too, and the copy kept would no longer be the archive.
 */
import { z } from "@hono/zod-openapi";
import * as S from "../edge/schemas.js";
import { errors, json, route } from "../edge/openapi.js";
import { fail } from "../edge/errors.js";
import { hallStub } from "../hall-object/stub.js";
import { mediaStore } from "../media/store.js";
import { MANAGERS } from "../access/roles.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";
import { ARCHIVE_KINDS, archiveKey, archiveName, parseArchiveName, type ArchiveEntry } from "./archive.js";

const tags: ["Event log"] = ["Event log"];

const Archive = z
  .object({
    kind: z.enum(ARCHIVE_KINDS).openapi({ description: "`events` (the event log, as GET /events sends it) or `audit` (audit rows, as GET /audit sends them)" }),
    day: z.string().openapi({ description: "The hall's local day the rows were written on", example: "2026-09-01" }),
    part: z.number().int().openapi({ description: "1, or 2, 3, … for a day too big for one file (at most 25,000 rows or 8 MiB before gzip each)" }),
    first: z.number().int().openapi({ description: "The first seq (events) or audit id in the file" }),
    last: z.number().int().openapi({ description: "The last seq or audit id in the file" }),
    rows: z.number().int().openapi({ description: "Lines in the file: one row each" }),
    bytes: z.number().int().openapi({ description: "The file's size, gzipped" }),
    archivedAt: z.string().openapi({ description: "When the hall archived it (ISO)" }),
    url: z.string().openapi({ description: "Where to download it", example: "/api/halls/demo/archives/events/2026-09-01.ndjson.gz" }),
  })
  .openapi("Archive");

const ArchiveList = z
  .object({
    archives: z.array(Archive).openapi({ description: "Events first, then audit; each oldest day first" }),
    liveFrom: z
      .object({
        events: z.number().int().openapi({ description: "The first seq still in the hall (GET /events?after= from one before it)" }),
        audit: z.number().int().openapi({ description: "The first audit id still in the hall" }),
      })
      .openapi({ description: "Where the hall's own logs start; everything before is in the archives" }),
  })
  .openapi("ArchiveList");

const ArchiveParams = S.HallParam.extend({
  kind: z.enum(ARCHIVE_KINDS).openapi({ param: { name: "kind", in: "path" }, example: "events" }),
  file: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(\.[1-9]\d{0,3})?\.ndjson\.gz$/, "a file name from the list: YYYY-MM-DD.ndjson.gz, or YYYY-MM-DD.N.ndjson.gz for a later part")
    .openapi({ param: { name: "file", in: "path" }, example: "2026-09-01.ndjson.gz" }),
});

const urlOf = (hall: string, a: ArchiveEntry) => `/api/halls/${encodeURIComponent(hall)}/archives/${a.kind}/${archiveName(a.day, a.part)}`;

export function archiveRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/archives",
      operationId: "listArchives",
      tags,
      summary: "List the hall's archives",
      description:
        "Events and audit rows older than the hall's retention (`eventDays`, default 90; `auditDays`, default 180 and never fewer) are archived by the hall's daily alarm, one gzip NDJSON file per kind per local day, before they are pruned from the hall. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(ArchiveList, "The archives and where the live logs start"), ...errors(400, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const list = await hallStub(c.env, hall).archives(hall);
      if (!list) return fail(c, 404, "unknown_hall", `unknown hall "${hall}"`, { hall });
      c.header("Cache-Control", "no-store");
      return c.json({ archives: list.archives.map((a) => ({ ...a, url: urlOf(hall, a) })), liveFrom: list.liveFrom }, 200);
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/archives/{kind}/{file}",
      operationId: "downloadArchive",
      tags,
      summary: "Download one archive",
      description:
        "One archive file as stored: `Content-Type: application/gzip`, no Content-Encoding, sent as an attachment, so a browser saves the .ndjson.gz file and `curl -o` keeps the same bytes (unpack with gunzip). Each line is one event or audit row in order. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: ArchiveParams },
      responses: {
        200: {
          description: "The gzip NDJSON file",
          headers: z.object({
            "Content-Disposition": z.string().openapi({ description: 'attachment; filename="{hall}-{kind}-{file}"' }),
            "X-Tongban-Rows": z.string().openapi({ description: "Lines in the file" }),
          }),
          content: { "application/gzip": { schema: z.string().openapi({ format: "binary" }) } },
        },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const { hall, kind, file } = c.req.valid("param");
      const named = parseArchiveName(file);
      if (!named) return fail(c, 400, "invalid", `"${file}" is not an archive's file name`, { file: "YYYY-MM-DD.ndjson.gz or YYYY-MM-DD.N.ndjson.gz" });
      const list = await hallStub(c.env, hall).archives(hall, { kind, ...named });
      if (!list) return fail(c, 404, "unknown_hall", `unknown hall "${hall}"`, { hall });
      const entry = list.archives[0];
      if (!entry) return fail(c, 404, "not_found", `no ${kind} archive ${file} in this hall`, { kind, file });
      const stored = await mediaStore(c.env).get(archiveKey(hall, kind, named.day, named.part));
      if (!stored) {
        console.error(JSON.stringify({ alarm: "archive_missing", hall, kind, file }));
        return fail(c, 404, "not_found", `the ${kind} archive ${file} is listed but its file is missing from the media store`, { kind, file });
      }
      return new Response(stored.body, {
        status: 200,
        headers: {
          "Content-Type": "application/gzip",
          "Content-Length": String(entry.bytes),
          "Content-Disposition": `attachment; filename="${hall}-${kind}-${file}"`,
          "Cache-Control": "private, no-store",
          "X-Tongban-Rows": String(entry.rows),
        },
      }) as never;
    },
  );
}
