/**
 * The shapes of signage content (worker/core/content-types.ts) as the API takes and returns them,
 * for a hall's items and a region's alike. Lengths keep a slide readable from ten metres.
 */
import { z } from "@hono/zod-openapi";
import { CommandId } from "../edge/schemas.js";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes, starting with a letter or digit, at most 40");

/** zh-Hans required; zh-Hant and English when the hall writes them. */
const texts = (max: number) =>
  z.strictObject({
    "zh-Hans": z.string().trim().min(1).max(max),
    "zh-Hant": z.string().trim().min(1).max(max).optional(),
    en: z.string().trim().min(1).max(max * 3).optional(),
  });

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date, YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: "no such date", params: { rule: "date" } });

const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '"HH:MM", 00:00 to 24:00');

export const ScheduleSchema = z
  .strictObject({
    from: date.optional().openapi({ description: "First day shown (the hall's local date)", example: "2026-12-01" }),
    to: date.optional().openapi({ description: "Last day shown, included", example: "2026-12-31" }),
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .max(7)
      .refine((w) => new Set(w).size === w.length, { message: "a weekday is listed twice", params: { rule: "duplicate" } })
      .optional()
      .openapi({ description: "ISO weekdays: 1 Monday … 7 Sunday", example: [1, 2, 3, 4, 5] }),
    hours: z
      .array(z.strictObject({ from: clock, to: clock }))
      .max(6)
      .optional()
      .openapi({ description: "Times of day, the hall's wall clock; from included, to not", example: [{ from: "09:00", to: "12:00" }] }),
  })
  .openapi("ContentSchedule", { description: "When the item is shown, in the hall's time zone; an absent field does not limit" });

const common = {
  zones: z.array(slug).min(1).max(50).optional().openapi({ description: "Zones whose screens show it; absent: every screen" }),
  seconds: z.number().int().min(3).max(120).default(10).openapi({ description: "Seconds on screen, 3 to 120" }),
  order: z.number().int().min(0).max(9999).optional().openapi({ description: "Lower plays first; absent: after the others" }),
  schedule: ScheduleSchema.default({}),
  hidden: z.boolean().optional().openapi({ description: "Kept but not shown" }),
};

const notice = {
  title: texts(40).optional(),
  text: texts(200).openapi({ description: "The notice; no markup: it is shown as text" }),
};

const guide = {
  category: slug.optional().openapi({ description: "The category it is for" }),
  title: texts(40),
  materials: z.array(texts(60)).min(1).max(12).openapi({ description: "Required materials (所需材料), one per line" }),
  fee: texts(40).optional(),
  timeLimit: texts(40).optional().openapi({ description: "办理时限" }),
  where: texts(40).optional().openapi({ description: "Where to go (办理地点)" }),
};

const NoticeBody = z.strictObject({ kind: z.literal("notice"), ...common, ...notice, commandId: CommandId });
const GuideBody = z.strictObject({ kind: z.literal("guide"), ...common, ...guide, commandId: CommandId });

export const ContentBody = z
  .discriminatedUnion("kind", [NoticeBody, GuideBody], {
    error: 'kind: "notice" or "guide" as JSON; an image is uploaded as multipart/form-data with a `file` field',
  })
  .openapi("ContentItemNew");

/** The `item` field of an image upload: everything but the file. */
export const ImageFields = z.strictObject({ ...common, caption: texts(60).optional() });

export const ImageUploadForm = {
  type: "object",
  required: ["file"],
  properties: {
    file: { type: "string", format: "binary", description: "PNG, JPEG or WebP, at most 2 MB (checked by its bytes; SVG is refused)" },
    item: { type: "string", description: 'JSON: { zones?, seconds?, order?, schedule?, caption? }, e.g. {"seconds":15}' },
    commandId: { type: "string" },
  },
} as const;

const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const ContentPatch = z
  .strictObject({
    zones: nullable(common.zones.unwrap()),
    seconds: common.seconds.unwrap().optional(),
    order: common.order,
    schedule: ScheduleSchema.optional(),
    hidden: common.hidden,
    title: nullable(texts(40)),
    text: notice.text.optional(),
    caption: nullable(texts(60)),
    category: nullable(slug),
    materials: guide.materials.optional(),
    fee: nullable(texts(40)),
    timeLimit: nullable(texts(40)),
    where: nullable(texts(40)),
    commandId: CommandId,
  })
  .openapi("ContentItemChange", { description: "Only what changes; null removes an optional field. A region's item takes only `hidden`." });

const ListedItem = z
  .looseObject({
    id: z.string(),
    kind: z.enum(["notice", "image", "guide"]),
    seconds: z.number(),
    order: z.number(),
    schedule: ScheduleSchema,
    region: z.string().optional().openapi({ description: "Published by this region: the hall may only hide it" }),
    media: z.object({ src: z.string(), type: z.string(), bytes: z.number(), hash: z.string() }).optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  // Each kind's own fields (text, title, caption…) too: `true`, not an empty schema, which Scalar's reference refuses.
  .openapi("ContentItem", { additionalProperties: true });

export const ItemReply = z.object({ item: ListedItem });
export const ContentListReply = z.object({
  items: z.array(ListedItem.extend({ onNow: z.boolean(), nextChangeAt: z.string().nullable() })),
});

export const ContentParams = z.object({
  hall: slug.openapi({ param: { name: "hall", in: "path" }, example: "demo" }),
  id: z.string().regex(/^[a-f0-9]{16}$/, "a content item id").openapi({ param: { name: "id", in: "path" } }),
});

export const MediaParams = z.object({
  hall: slug.openapi({ param: { name: "hall", in: "path" }, example: "demo" }),
  id: z.string().regex(/^[a-f0-9]{64}$/, "the image's content id (its SHA-256, hex)").openapi({ param: { name: "id", in: "path" } }),
});
