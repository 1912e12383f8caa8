/**
 * The hall's webhooks, for its managers and the systems they connect: an SMS gateway, a WeChat
 * mini-program, the province's 好差评 platform, an archive. Create one (its secret is shown once),
 * list them with how their deliveries go, remove one, and read its latest deliveries with status
 * codes and tries. The hall sends and retries (worker/webhooks/hall-webhooks.object.ts).
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isDevelopment } from "../env.js";
import type { WebhookRequest } from "./hall-webhooks.object.js";
import { MAX_URL_LENGTH, webhookUrlProblem } from "./address.js";
import { WEBHOOK_EVENTS } from "./events.js";
import * as S from "../edge/schemas.js";
import { body, errors, json, route } from "../edge/openapi.js";
import { fail } from "../edge/errors.js";
import { outOfRange } from "../edge/refusal.js";
import { hallStub } from "../hall-object/stub.js";
import { MANAGERS } from "../access/roles.js";
import { reply, requestActor } from "../edge/execute.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";


const EventType = z.enum(WEBHOOK_EVENTS, { error: `an event type: ${WEBHOOK_EVENTS.join(", ")}` });

const WebhookBody = z
  .strictObject({
    url: z.string().min(1, "give the receiver's URL").max(MAX_URL_LENGTH, `at most ${MAX_URL_LENGTH} characters`).openapi({ example: "https://sms.example.gov.cn/tongban/near" }),
    events: z
      .array(EventType)
      .min(1, "subscribe to at least one event type")
      .max(WEBHOOK_EVENTS.length)
      .refine((e) => new Set(e).size === e.length, { message: "an event type is listed twice", params: { rule: "duplicate" } })
      .openapi({ example: ["ticket.near", "ticket.called"], description: "Event types to receive; `*` for every one" }),
    description: z.string().trim().max(200, "at most 200 characters").optional().openapi({ example: "短信提醒平台" }),
    mobile: z.boolean().optional().openapi({ description: "Issue 26: `booking.*` deliveries and `ticket.near` of a ticket from home carry the citizen's mobile number (for an SMS gateway); default false. While any webhook has it on, the booking page tells the citizen" }),
  })
  .openapi("WebhookCreate");

const WebhookParams = S.HallParam.extend({
  webhook: z.string().regex(/^wh_[0-9a-f]{16}$/, "a webhook id (wh_ and 16 hex digits)").openapi({ param: { name: "webhook", in: "path" }, example: "wh_3f9a0c21d4e7b815" }),
});

const DeliveriesQuery = z.object({
  limit: z.string().regex(/^\d{1,3}$/, "a whole number from 1 to 200").optional().openapi({ param: { name: "limit", in: "query" }, description: "Default 50, at most 200" }),
});

const webhookFields = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  startsAfter: z.number().openapi({ description: "The hall's seq when it was created: it receives the events after it; GET …/events?after= gives the earlier ones" }),
  mobile: z.boolean().openapi({ description: "Deliveries carry the citizen's mobile number" }),
});
const Webhook = webhookFields.openapi("Webhook");

const Try = z.object({
  at: z.string(),
  status: z.number().nullable().openapi({ description: "The receiver's HTTP status; null when it could not be reached or did not answer in 10 s" }),
  error: z.string().nullable(),
  ms: z.number(),
});

// Extends the fields, not the registered Webhook: an allOf without a type, which extending it
// writes, is refused by Scalar's reference at /api/docs (issue 25 §9).
const WebhookHealth = webhookFields.extend({
  pending: z.number(),
  delivered: z.number().openapi({ description: "Delivered in the last 7 days" }),
  failed: z.number().openapi({ description: "Given up after 24 h, in the last 7 days" }),
  lastAttempt: Try.nullable(),
}).openapi("WebhookHealth");

const Delivery = z
  .object({
    id: z.number().openapi({ description: "The delivery's place in this webhook's queue" }),
    delivery: z.string().openapi({ description: "The id the receiver gets in the body (the same on every try)", example: "demo-42" }),
    seq: z.number(),
    type: z.string(),
    state: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number(),
    queuedAt: z.string(),
    nextAttemptAt: z.string().nullable(),
    doneAt: z.string().nullable(),
    lastStatus: z.number().nullable(),
    lastError: z.string().nullable(),
    tries: z.array(Try).openapi({ description: "The latest tries, newest first (at most 5)" }),
  })
  .openapi("WebhookDelivery");

async function ask(c: Context<any>, hall: string, request: WebhookRequest): Promise<never> {
  const answer = await hallStub(c.env, hall).webhooks(hall, request);
  if (!answer) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
  return reply(c, answer);
}

export function webhookRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/webhooks",
      operationId: "createWebhook",
      tags: ["Webhooks"],
      summary: "Add a webhook",
      description:
        "Send the hall's events to a URL: each one POSTed as { id, hall, seq, type, at, data }, signed with X-Tongban-Signature, in seq order, retried for 24 h. The secret is in this reply only. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, ...body(WebhookBody) },
      responses: {
        201: json(z.object({ webhook: Webhook.extend({ secret: z.string().openapi({ description: "Signs every delivery; shown only now", example: "whsec_…" }) }) }), "Created"),
        ...errors(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { url, events, description, mobile = false } = c.req.valid("json");
      const problem = webhookUrlProblem(url, !isDevelopment(c.env), c.env.TONGBAN_WEBHOOK_ALLOW);
      if (problem) return fail(c, 400, "invalid", `url: ${problem}`, { url: problem }, [{ field: "url", problem: "invalid_format", format: "url" }]);
      const origin = new URL(c.req.url).origin;
      return ask(c, hall, { op: "create", url, events, description: description || null, mobile, origin, actor: requestActor(c) });
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/webhooks",
      operationId: "listWebhooks",
      tags: ["Webhooks"],
      summary: "List webhooks",
      description:
        "The hall's webhooks, without their secrets, with how many deliveries wait, went through or failed, and the latest try. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(z.object({ webhooks: z.array(WebhookHealth) }), "Every webhook"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => ask(c, c.req.valid("param").hall, { op: "list" }),
  );

  app.openapi(
    route({
      method: "delete",
      path: "/api/halls/{hall}/webhooks/{webhook}",
      operationId: "deleteWebhook",
      tags: ["Webhooks"],
      summary: "Remove a webhook",
      description:
        "Stop sending to a webhook; what it had not received yet is dropped. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: WebhookParams },
      responses: { 200: json(z.object({ webhook: Webhook }), "Removed"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall, webhook } = c.req.valid("param");
      return ask(c, hall, { op: "remove", id: webhook, actor: requestActor(c) });
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/webhooks/{webhook}/deliveries",
      operationId: "listWebhookDeliveries",
      tags: ["Webhooks"],
      summary: "A webhook's deliveries",
      description:
        "A webhook's latest deliveries, newest first: pending, delivered or failed, with the receiver's status codes and tries. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: WebhookParams, query: DeliveriesQuery },
      responses: { 200: json(z.object({ webhook: z.string(), deliveries: z.array(Delivery) }), "Deliveries"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall, webhook } = c.req.valid("param");
      const { limit } = c.req.valid("query");
      const n = limit === undefined ? 50 : Number(limit);
      if (n < 1 || n > 200) return fail(c, 400, "invalid", "limit must be from 1 to 200", { limit: "from 1 to 200" }, [outOfRange("limit", n, 1, 200)]);
      return ask(c, hall, { op: "deliveries", id: webhook, limit: n });
    },
  );
}
