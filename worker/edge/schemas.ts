/**
 * What every route shares: the path parameters that name a hall, a window, a ticket or a ticket
 * link, the commandId that makes a press apply once, and the error body. Each room's request and
 * reply shapes live in its own `schemas.ts`; zod validates requests with them and the OpenAPI
 * document at /api/openapi.json is generated from them.
 */
import { z } from "@hono/zod-openapi";

export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lowercase letters, digits and dashes, starting with a letter or digit, at most 40");

export const HallParam = z.object({
  hall: slug.openapi({ param: { name: "hall", in: "path" }, example: "demo" }),
});

export const windowId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "letters, digits, _ and -, at most 32");
const ticketRef = z.string().regex(/^[A-Za-z0-9.-]{1,40}$/, "a ticket id (20261123-A023) or today's number (A023)");

export const WindowParams = HallParam.extend({
  window: windowId.openapi({ param: { name: "window", in: "path" }, example: "5" }),
});

export const TicketParams = HallParam.extend({
  ticket: ticketRef.openapi({ param: { name: "ticket", in: "path" }, example: "A023" }),
});

/** A citizen's signed status link (worker/access/ticket-token.ts): the credential of the /api/t routes. */
export const TicketLinkParam = z.object({
  ticketToken: z
    .string()
    .max(200)
    .openapi({
      param: { name: "ticketToken", in: "path" },
      example: "demo_20261123-A023_Qk3vX9cT2mLrP0aB7nYw1g",
      description: "The signed link's token, as in the status page's address /t/{ticketToken}",
    }),
});

export const CommandId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,100}$/, "1 to 100 letters, digits or . _ : -")
  .optional()
  .openapi({ description: "A fresh id per button press; a retry with the same id returns the first reply and applies once." });

/**
 * A registered schema or null. (`.nullable()` on one makes zod-to-openapi write
 * `allOf: [$ref, { type: [object, null] }]`, which no null satisfies.)
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export { ErrorBody } from "./errors.js";
