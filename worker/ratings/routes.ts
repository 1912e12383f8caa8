/**
 * The window evaluator (窗口评价器) and the follow-ups (回访) of its 差评. The evaluator is a
 * citizen-facing tablet with a display token (or paired as one): it may rate only the ticket just
 * finished at its window, once. Managers list the 差评 and mark each followed up, with a note.
 */
import { z } from "@hono/zod-openapi";
import * as S from "../edge/schemas.js";
import { RatingBody } from "../statistics/routes.js";
import { body, errors, json, route } from "../edge/openapi.js";
import { execute, reply, requestActor } from "../edge/execute.js";
import { fail } from "../edge/errors.js";
import { hallStub } from "../hall-object/stub.js";
import { CALLERS_BACK, EVALUATORS, MANAGERS } from "../access/roles.js";
import { MOBILE } from "./contact.js";
import { allow } from "../access/allow.js";
import type { HallApp } from "../edge/app.js";

const EvaluationReply = z
  .object({
    rating: z.object({ ticket: z.string().openapi({ example: "C023" }), score: z.number(), reasons: z.array(z.string()), at: z.string() }),
  })
  .openapi("Evaluation");

const FollowUp = z
  .object({
    id: z.number(),
    ticket: z.string(),
    number: z.string(),
    category: z.string(),
    window: z.string().nullable(),
    officer: z.object({ name: z.string(), badge: z.string() }).nullable(),
    score: z.number(),
    reasons: z.array(z.string()),
    ratedAt: z.string(),
    state: z.enum(["open", "done"]),
    note: z.string().nullable(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
    mobile: z.string().nullable().openapi({ description: "The call-back number the citizen left at the evaluator, masked; null if none (or forgotten 30 days after the follow-up was done)", example: "138****5678" }),
    callNumber: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "The whole number to call, on open follow-ups only, for managers (the one place it is shown)", example: "13812345678" }),
  })
  .openapi("FollowUp");

const ContactParams = S.WindowParams;
const ContactBody = z
  .strictObject({
    ticket: z.string().min(1).max(60).openapi({ description: "The rated ticket's id (the evaluator's data-ask-id)", example: "2031-03-04-C001" }),
    mobile: z.string().regex(MOBILE, "an 11-digit mobile number starting with 1").openapi({ description: "A mainland mobile number for the call back", example: "13812345678" }),
    commandId: S.CommandId,
  })
  .openapi("FollowUpContact");

const FollowUpParams = S.HallParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: "id", in: "path" }, example: 1 }) });
const FollowUpQuery = z.object({ state: z.enum(["open", "done", "all"]).default("open").openapi({ param: { name: "state", in: "query" } }) });
const FollowUpDone = z
  .strictObject({
    state: z.literal("done"),
    note: z.string().trim().min(1, "say what was done: who called the citizen back and what was put right").max(500),
    // Console presses carry one; closing twice is a 409 whatever it says.
    commandId: S.CommandId,
  })
  .openapi("FollowUpDone");

export function evaluatorRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/windows/{window}/evaluation",
      operationId: "rateAtWindow",
      tags: ["Ratings"],
      summary: "Rate at the window (evaluator)",
      description:
        "The window evaluator rates the ticket finished last at this window (within 10 minutes, once) on 好差评's five levels, with reasons for 1–2. Roles: display, counter, manager, admin.",
      middleware: [allow(EVALUATORS)] as const,
      request: { params: S.WindowParams, ...body(RatingBody) },
      responses: { 201: json(EvaluationReply, "Rated"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, window } = c.req.valid("param");
      const { score, reasons, commandId } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "evaluate", window, score, ...(reasons ? { reasons } : {}) }, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "put",
      path: "/api/halls/{hall}/windows/{window}/evaluation/contact",
      operationId: "leaveCallBackNumber",
      tags: ["Ratings"],
      summary: "Leave a call-back number after a 差评 (evaluator)",
      description:
        "After a poor rating at the window, the citizen may leave a mobile number for the call back, within 10 minutes of the rating. It is kept until the follow-up is done plus 30 days, shown whole only on the open follow-up a manager calls from and masked (138****5678) elsewhere, and is never in an event, feed, log or export. Roles: display, counter, manager, admin.",
      middleware: [allow(EVALUATORS)] as const,
      request: { params: ContactParams, ...body(ContactBody) },
      responses: {
        200: json(z.object({ followUp: z.object({ number: z.string(), mobile: z.string().nullable() }) }), "Kept; answered masked"),
        ...errors(400, 401, 403, 404, 409, 413),
      },
    }),
    async (c) => {
      const { hall, window } = c.req.valid("param");
      const { ticket, mobile } = c.req.valid("json");
      const given = await hallStub(c.env, hall).followUpContact(hall, window, ticket, mobile, requestActor(c));
      if (!given) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      if (!given.ok) return fail(c, given.status, given.status === 404 ? "not_found" : "conflict", given.error, given.details);
      return c.json({ followUp: { number: given.followUp.number, mobile: given.followUp.mobile } }) as never;
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/follow-ups",
      operationId: "listFollowUps",
      tags: ["Ratings"],
      summary: "List follow-ups (回访)",
      description: "The 差评 to call back: open ones oldest first, or done ones with their notes. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, query: FollowUpQuery },
      responses: { 200: json(z.object({ followUps: z.array(FollowUp) }), "Follow-ups"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const reveal = CALLERS_BACK.includes(requestActor(c).role as (typeof CALLERS_BACK)[number]);
      const list = await hallStub(c.env, hall).followUps(hall, c.req.valid("query").state, reveal);
      if (!list) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return c.json({ followUps: list }) as never;
    },
  );

  app.openapi(
    route({
      method: "patch",
      path: "/api/halls/{hall}/follow-ups/{id}",
      operationId: "closeFollowUp",
      tags: ["Ratings"],
      summary: "Close a follow-up",
      description: "Marks it done with a note of the call back; audited. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: FollowUpParams, ...body(FollowUpDone) },
      responses: { 200: json(z.object({ followUp: FollowUp }), "Done"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, id } = c.req.valid("param");
      const { note } = c.req.valid("json");
      const done = await hallStub(c.env, hall).closeFollowUp(hall, id, note, requestActor(c));
      if (!done) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      if (!done.ok) return fail(c, done.status, done.status === 404 ? "not_found" : "conflict", done.error, { id });
      return c.json({ followUp: done.followUp }) as never;
    },
  );
}
