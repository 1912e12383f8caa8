/**
 * The app every room mounts its routes on: an OpenAPIHono whose validation failures, oversized
 * bodies and non-JSON bodies are refused before any route runs, each as the one error body
 * (worker/edge/errors.ts).
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Principal } from "../access/tokens.js";
import type { Env } from "../env.js";
import { errorResponse, jsonBody, validationResponse } from "./errors.js";

/** What a route may read from its context once access let the caller in. */
export type Vars = { principal: Principal };
export type HallApp = OpenAPIHono<{ Bindings: Env; Variables: Vars }>;

/** Request bodies over this are refused with 413 before they are read. */
const MAX_BODY_BYTES = 16 * 1024;

/** Requests a room lets past the 16 KB JSON body (signage's image uploads), with their own limit. */
export interface LargeBodies {
  matches(request: Request): boolean;
  limit: MiddlewareHandler;
}

export function createApp({ largeBodies }: { largeBodies?: LargeBodies } = {}): HallApp {
  const app: HallApp = new OpenAPIHono({
    defaultHook: (result, c) => {
      // @hono/zod-validator passes what was sent as `data`; zod-openapi's hook type leaves it out.
      if (!result.success) return validationResponse(c, result.target, result.error, (result as { data?: unknown }).data);
    },
  });
  // Middleware runs in registration order, so it goes in before the routes.
  const smallBodies = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, 413, "too_large", `the body is over the ${MAX_BODY_BYTES / 1024} KB limit`),
  });
  const large = (request: Request) => largeBodies?.matches(request) === true;
  app.use("/api/*", (c, next) => (large(c.req.raw) ? largeBodies!.limit(c, next) : smallBodies(c, next)));
  app.use("/api/*", (c, next) => (large(c.req.raw) ? next() : jsonBody(c, next)));
  return app;
}
