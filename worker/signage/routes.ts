/**
 * Signage content under /api/halls/{hall}/content (manager): notices and guides as JSON, images
 * as multipart/form-data into R2, each a hall command (so audited, idempotent with commandId, and
 * on the screens through the live feed); and the images themselves at /media, for the screens.
 */
import type { ContentDraft } from "../core/content-types.js";
import { serveImage, type MediaOwner } from "./bucket.js";
import { publicRoute } from "../edge/openapi.js";
import { ContentBody, ContentListReply, ContentParams, ContentPatch, ImageUploadForm, ItemReply, MediaParams } from "./schemas.js";
import { isUpload, readUpload } from "./upload.routes.js";
import type { Context } from "hono";
import { z } from "@hono/zod-openapi";
import { body, errors, json, route } from "../edge/openapi.js";
import { execute, reply } from "../edge/execute.js";
import { fail } from "../edge/errors.js";
import { hallStub } from "../hall-object/stub.js";
import { MANAGERS } from "../access/roles.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";
import { mediaStore } from "../media/store.js";

const tags: ["Content"] = ["Content"];

/** The body of POST …/content: JSON for a notice or guide, a form for an image. */
export const newItemBody = {
  body: {
    required: false,
    content: {
      "application/json": { schema: ContentBody },
      "multipart/form-data": { schema: ImageUploadForm as never },
    },
  },
};

/** The image item a form describes: the hall fills in its id and where its bytes are. */
export function imageDraft(fields: object): ContentDraft {
  return { kind: "image", id: "", ...fields } as unknown as ContentDraft;
}

export function contentRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/content",
      operationId: "addHallContent",
      tags,
      summary: "Add a content item",
      description: "Add a content item: a notice or a guide (JSON), or an image (multipart/form-data, `file` and an `item` JSON field). Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: ContentParams.pick({ hall: true }), ...newItemBody },
      responses: { 201: json(ItemReply, "Added; on the screens once its schedule says so"), ...errors(400, 401, 403, 404, 409, 413, 415) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      if (isUpload(c.req.raw)) {
        const upload = await readUpload(c);
        if (upload instanceof Response) return upload as never;
        const command = { type: "add_content" as const, item: imageDraft(upload.fields) };
        return reply(c, await execute(c, hall, command, { commandId: upload.commandId, upload: { bytes: upload.bytes, type: upload.type } }));
      }
      const { commandId, ...item } = c.req.valid("json") as z.infer<typeof ContentBody>;
      if (!("kind" in item)) return fail(c, 400, "invalid", 'kind: "notice" or "guide" as JSON, or an image as multipart/form-data', { kind: "required" }, [{ field: "kind", problem: "required" }]);
      return reply(c, await execute(c, hall, { type: "add_content", item: { ...item, id: "" } as ContentDraft }, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/content",
      operationId: "listHallContent",
      tags,
      summary: "List content items",
      description: "The hall's content items and its regions', in play order, each with whether it is on screen now. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: ContentParams.pick({ hall: true }) },
      responses: { 200: json(ContentListReply, "Items"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const items = await hallStub(c.env, hall).contentList(hall);
      if (!items) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return c.json({ items }, 200) as never;
    },
  );

  app.openapi(
    route({
      method: "patch",
      path: "/api/halls/{hall}/content/{id}",
      operationId: "changeHallContent",
      tags,
      summary: "Change a content item",
      description: "Change an item; a region's item may only be hidden or shown again. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: ContentParams, ...body(ContentPatch) },
      responses: { 200: json(ItemReply, "The item now"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, id } = c.req.valid("param");
      const { commandId, ...change } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "change_content", id, change }, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "delete",
      path: "/api/halls/{hall}/content/{id}",
      operationId: "removeHallContent",
      tags,
      summary: "Remove a content item",
      description: "Remove an item (and its image, unless another item shows it); a region's item can only be hidden. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: ContentParams },
      responses: { 200: json(ItemReply, "Removed"), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { hall, id } = c.req.valid("param");
      return reply(c, await execute(c, hall, { type: "remove_content", id }));
    },
  );

  const image = (description: string) => ({
    description,
    content: Object.fromEntries(["image/png", "image/jpeg", "image/webp"].map((t) => [t, { schema: { type: "string", format: "binary" } as never }])),
  });
  const media = async (c: Context<any>, owner: MediaOwner, id: string) => {
    const res = await serveImage(mediaStore(c.env), owner, id, c.req.header("If-None-Match") ?? null);
    return res ?? fail(c, 404, "not_found", "no such image", { id });
  };

  app.openapi(
    publicRoute({
      method: "get",
      path: "/media/{hall}/{id}",
      operationId: "getHallImage",
      tags,
      summary: "A hall's image",
      description: "A hall's image as the screens load it (no token: <img> sends none); `id` is its SHA-256, so it is cached as immutable.",
      request: { params: MediaParams },
      responses: { 200: image("The image, with ETag and Cache-Control"), 304: { description: "The screen has it already" }, ...errors(400, 404) },
    }),
    async (c) => {
      const { hall, id } = c.req.valid("param");
      return (await media(c, { hall }, id)) as never;
    },
  );

  app.openapi(
    publicRoute({
      method: "get",
      path: "/media/regions/{region}/{id}",
      operationId: "getRegionImage",
      tags,
      summary: "A region's image",
      description: "A region's image, shown in every hall below it (no token).",
      request: { params: MediaParams.pick({ id: true }).extend({ region: ContentParams.shape.hall.openapi({ param: { name: "region", in: "path" }, example: "gx" }) }) },
      responses: { 200: image("The image, with ETag and Cache-Control"), 304: { description: "The screen has it already" }, ...errors(400, 404) },
    }),
    async (c) => {
      const { region, id } = c.req.valid("param");
      return (await media(c, { region }, id)) as never;
    },
  );
}
