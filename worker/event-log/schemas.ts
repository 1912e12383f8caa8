/**
 * Paging through the audit log: newest first, a page at a time.
 */
import { z } from "@hono/zod-openapi";

export const AuditQuery = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, "a whole number from 1 to 200")
    .optional()
    .openapi({ param: { name: "limit", in: "query" } }),
  before: z
    .string()
    .regex(/^\d{1,15}$/, "an audit id from the previous page's next")
    .optional()
    .openapi({ param: { name: "before", in: "query" } }),
});
