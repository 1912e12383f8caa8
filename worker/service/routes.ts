/** Whether the Worker answers, and (in development only) how often each hall object woke. */
import { z } from "@hono/zod-openapi";
import { isDevelopment } from "../env.js";
import { wakeCounts } from "./wakes.js";
import { notFound } from "../edge/errors.js";
import { errors, json, publicRoute } from "../edge/openapi.js";
import { HallApp } from "../edge/app.js";

export function serviceRoutes(app: HallApp): void {
  app.openapi(
    publicRoute({
      method: "get",
      path: "/api/health",
      operationId: "getHealth",
      tags: ["Service"],
      summary: "Health check",
      description: "Answers `{ ok: true }` without touching any hall: for a load balancer or a monitor.",
      responses: { 200: json(z.object({ ok: z.literal(true) }).openapi("Health"), "The Worker answers") },
    }),
    (c) => c.json({ ok: true as const }, 200),
  );

  // See worker/service/wakes.ts: the benchmarks read these to show an idle hall runs no code.
  app.openapi(
    publicRoute({
      method: "get",
      path: "/api/dev/wakes",
      operationId: "getDevWakeCounts",
      tags: ["Service"],
      summary: "Hall wake counts (development only)",
      description:
        "How many times each hall object in this isolate woke from eviction or hibernation, and how many requests, socket messages and alarms it handled. Only with `TONGBAN_MODE=development`; 404 otherwise.",
      responses: {
        200: json(z.record(z.string(), z.object({ wakes: z.number(), handled: z.number() })).openapi("WakeCounts"), "Counts by hall id"),
        ...errors(404),
      },
    }),
    (c) => (isDevelopment(c.env) ? c.json(wakeCounts(), 200) : (notFound(c) as never)),
  );
}
