/**
 * A region's content under /api/regions/{region}/content (a manager of that region or above):
 * items published to every hall below it (worker/regions/content.object.ts delivers them), shown
 * after each hall's own; a hall may hide one, not change it. An image is kept in R2 under the
 * region (regions/{region}/{sha256}) and served from /media/regions/{region}/{sha256}.
 */
import { z } from "@hono/zod-openapi";
import type { ContentDraft } from "../core/content-types.js";
import { regionItemProblems } from "../core/content.js";
import type { ContentRequest } from "./region.object.js";
import { regionStub } from "./stubs.js";
import { clockOf } from "../clock.js";
import { imageHash, mediaKey, mediaSrc, putImage } from "../signage/bucket.js";
import { ContentBody, ContentPatch, ItemReply } from "../signage/schemas.js";
import { imageDraft, newItemBody } from "../signage/routes.js";
import { isUpload, readUpload } from "../signage/upload.routes.js";
import { allowRegion } from "../access/allow.js";
import type { Context } from "hono";
import { body, errors, json, route } from "../edge/openapi.js";
import { fail } from "../edge/errors.js";
import { reply } from "../edge/execute.js";
import { refusal } from "../edge/refusal.js";
import { MANAGERS } from "../access/roles.js";
import { HallApp } from "../edge/app.js";
import type { Reply } from "./inboxes.js";
import { mediaStore } from "../media/store.js";

const tags: ["Content", ...("Regions")[]] = ["Content", "Regions"];
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes, starting with a letter or digit, at most 40");
const RegionParam = z.object({ region: slug.openapi({ param: { name: "region", in: "path" }, example: "gx" }) });
const RegionItemParams = RegionParam.extend({ id: z.string().regex(/^[a-f0-9]{16}$/, "a content item id").openapi({ param: { name: "id", in: "path" } }) });

const RegionList = z.object({
  items: z.array(ItemReply.shape.item),
  version: z.number().openapi({ description: "The list's version; each change is a new one" }),
  halls: z.number().openapi({ description: "Halls below the region" }),
  delivered: z.number().openapi({ description: "Halls that hold this version" }),
});

async function ask(c: Context<any>, region: string, request: ContentRequest): Promise<{ status: number; body: any }> {
  const answer: Reply | null = await regionStub(c.env, region).content(request);
  return answer ?? { status: 404, body: refusal("not_found", `unknown region "${region}"`, { region }) };
}

export function regionContentRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "post",
      path: "/api/regions/{region}/content",
      operationId: "addRegionContent",
      tags,
      summary: "Publish content to a region",
      description: "Publish a content item to every hall below the region: a notice or guide (JSON) or an image (multipart/form-data). Roles: a manager or admin token for the region or one above it.",
      middleware: [allowRegion(MANAGERS)] as const,
      request: { params: RegionParam, ...newItemBody },
      responses: { 201: json(ItemReply, "Published; each hall below gets it within seconds, or when it next can be reached"), ...errors(400, 401, 403, 404, 409, 413, 415) },
    }),
    async (c) => {
      const { region } = c.req.valid("param");
      if (!isUpload(c.req.raw)) {
        const { commandId: _, ...item } = c.req.valid("json") as z.infer<typeof ContentBody>;
        if (!("kind" in item)) return fail(c, 400, "invalid", 'kind: "notice" or "guide" as JSON, or an image as multipart/form-data', { kind: "required" }, [{ field: "kind", problem: "required" }]);
        return reply(c, await ask(c, region, { op: "add", draft: { ...item, id: "" } as ContentDraft }));
      }
      const upload = await readUpload(c);
      if (upload instanceof Response) return upload as never;
      const hash = await imageHash(upload.bytes);
      const owner = { region };
      const draft = { ...imageDraft(upload.fields), media: { src: mediaSrc(owner, hash), type: upload.type, bytes: upload.bytes.byteLength, hash } } as ContentDraft;
      // Checked before the image is stored, so a refused item leaves nothing in R2.
      const problems = regionItemProblems({ ...draft, order: 0, createdAt: "", updatedAt: "" } as never, clockOf(c.env)());
      if (Object.keys(problems).length > 0) return fail(c, 400, "invalid", `invalid content item: ${Object.values(problems).join("; ")}`, problems);
      await putImage(mediaStore(c.env), owner, hash, upload.bytes, upload.type as never);
      const added = await ask(c, region, { op: "add", draft });
      if (added.status >= 300 && !(await ask(c, region, { op: "usesImage", hash })).body?.used) await mediaStore(c.env).delete(mediaKey(owner, hash));
      return reply(c, added);
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/regions/{region}/content",
      operationId: "listRegionContent",
      tags,
      summary: "A region's content",
      description: "The region's items, and how many halls below hold the current list. Roles: a manager or admin token for the region or one above it.",
      middleware: [allowRegion(MANAGERS)] as const,
      request: { params: RegionParam },
      responses: { 200: json(RegionList, "Items"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => reply(c, await ask(c, c.req.valid("param").region, { op: "list" })),
  );

  app.openapi(
    route({
      method: "patch",
      path: "/api/regions/{region}/content/{id}",
      operationId: "changeRegionContent",
      tags,
      summary: "Change a region's item",
      description: "Change a region's item; every hall below gets the change. Roles: a manager or admin token for the region or one above it.",
      middleware: [allowRegion(MANAGERS)] as const,
      request: { params: RegionItemParams, ...body(ContentPatch) },
      responses: { 200: json(ItemReply, "The item now"), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { region, id } = c.req.valid("param");
      const { commandId: _, ...change } = c.req.valid("json");
      return reply(c, await ask(c, region, { op: "change", id, change }));
    },
  );

  app.openapi(
    route({
      method: "delete",
      path: "/api/regions/{region}/content/{id}",
      operationId: "removeRegionContent",
      tags,
      summary: "Remove a region's item",
      description: "Withdraw a region's item from every hall below. Roles: a manager or admin token for the region or one above it.",
      middleware: [allowRegion(MANAGERS)] as const,
      request: { params: RegionItemParams },
      responses: { 200: json(ItemReply, "Withdrawn"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { region, id } = c.req.valid("param");
      const removed = await ask(c, region, { op: "remove", id });
      const item = removed.body?.item;
      if (removed.status === 200 && item?.kind === "image" && !(await ask(c, region, { op: "usesImage", hash: item.media.hash })).body?.used) {
        c.executionCtx.waitUntil(mediaStore(c.env).delete(mediaKey({ region }, item.media.hash)));
      }
      return reply(c, removed);
    },
  );
}
