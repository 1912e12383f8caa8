/**
 * The public hall API under /api/halls/{hall}. Each route checks the caller's role, validates
 * the request against its schema, turns it into one hall command and hands it to the hall's
 * Durable Object, which answers with the HTTP status and body.
 */
import { createRoute, OpenAPIHono, z, type RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { Command } from "../core/types.js";
import type { Env } from "../env.js";
import type { CommandReply } from "../hall-object/index.js";
import { actorOf, mayUseHall, mayUseWindow, originAllowed, type Principal, type Role } from "./auth.js";
import { callerOf, cookieWriteAllowed } from "./caller.js";
import { bodyLimit } from "hono/body-limit";
import { errorResponse, jsonBody, validationResponse } from "./errors.js";
import * as S from "./schemas.js";
import { consoleRoutes } from "./consoles.js";
import { contentRoutes } from "./content.js";
import { regionContentRoutes } from "./region-content.js";
import { isUpload, uploadLimit } from "./content-upload.js";
import { pairedDevice } from "./device-cookie.js";
import { deviceRoutes } from "./devices.js";
import { pairingRoutes } from "./pairing.js";
import { regionRoutes } from "./regions.js";

type Vars = { principal: Principal };
export type HallApp = OpenAPIHono<{ Bindings: Env; Variables: Vars }>;

const ANY: Role[] = ["admin", "manager", "counter", "kiosk", "display"];
const STAFF: Role[] = ["admin", "manager", "counter"];

/**
 * 401 without a known token or sign-in, 403 for a role or hall the caller does not cover, or
 * for a write signed in by cookie from a foreign origin.
 */
export function allow(roles: Role[], { allowQuery = false } = {}): MiddlewareHandler<{ Bindings: Env; Variables: Vars }> {
  return async function checkRole(c, next) {
    const hall = c.req.param("hall");
    const caller = await callerOf(c, hall, { allowQuery });
    if (!caller.ok) return errorResponse(c, caller.status, caller.status === 503 ? "not_configured" : "unauthorized", caller.message);
    const principal = caller.principal;
    if (!cookieWriteAllowed(c, caller.via)) {
      return errorResponse(c, 403, "forbidden", "a signed-in change must come from a Tongban page: this request's Origin is foreign or missing", {
        origin: c.req.header("Origin") ?? null,
      });
    }
    if (hall && !mayUseHall(principal, hall)) {
      return errorResponse(c, 403, "forbidden", `this ${principal.role} ${caller.via === "token" ? "token" : "sign-in"} is not for hall "${hall}"`, { hall });
    }
    if (!roles.includes(principal.role)) {
      return errorResponse(c, 403, "forbidden", `a ${principal.role} ${caller.via === "token" ? "token" : "sign-in"} cannot do this; it needs ${roles.join(" or ")}`, {
        role: principal.role,
        allowed: roles,
      });
    }
    const window = c.req.param("window");
    if (window !== undefined && !mayUseWindow(principal, window)) {
      return errorResponse(c, 403, "forbidden", `this counter is for window ${principal.windows!.join(", ")}, not window ${window}`, { window });
    }
    c.set("principal", principal);
    return next();
  };
}

const fail = (...args: Parameters<typeof errorResponse>) => errorResponse(...args) as never;

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_TEXT[s] ?? "error", content: { "application/json": { schema: S.ErrorBody } } }]),
  );

const ERROR_TEXT: Record<number, string> = {
  400: "A field is missing or wrong; `details` names it",
  401: "No token, or an unknown one",
  403: "The token's role may not do this",
  404: "Unknown hall, window, ticket or category",
  409: "A hall rule says no (window closed, ticket not at this window, …); nothing changed",
  413: "Body over 16 KB",
};

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: false } });

// Replies come from the hall object already shaped; the route schemas document them.
type AnyContext = Context<any>;

function hallStub(c: AnyContext, hall: string) {
  return c.env.HALL.get(c.env.HALL.idFromName(hall));
}

async function run(c: AnyContext, hall: string, command: Command, commandId?: string): Promise<never> {
  const principal = c.get("principal");
  const device = (c.req.header("X-Tongban-Device") ?? c.req.header("User-Agent") ?? "").slice(0, 120) || null;
  const reply: CommandReply = await hallStub(c, hall).execute({
    hall,
    command,
    ...(commandId ? { commandId } : {}),
    actor: actorOf(principal, device),
  });
  if (reply.replayed) c.header("Idempotent-Replayed", "true");
  return c.json(reply.body as object, reply.status as 200) as never;
}

export function hallRoutes(app: HallApp): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  const security = [{ bearer: [] }];
  const route = <R extends RouteConfig>(r: R) => createRoute({ ...r, security });

  app.openapi(
    route({
      method: "put",
      path: "/api/halls/{hall}",
      summary: "Create or replace a hall's configuration (admin)",
      middleware: [allow(["admin"])] as const,
      request: { params: S.HallParam, ...body(S.HallConfigBody) },
      responses: { 200: json(S.Snapshot, "Replaced; the new snapshot"), 201: json(S.Snapshot, "Created"), ...errors(400, 401, 403, 409, 413) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      return run(c, hall, { type: "configure", config: c.req.valid("json") });
    },
  );

  app.openapi(
    route({
      method: "patch",
      path: "/api/halls/{hall}",
      summary: "Change the notice line, supervision QR address, alarm line, languages, no-show rule or zones (manager)",
      middleware: [allow(["admin", "manager"])] as const,
      request: { params: S.HallParam, ...body(S.SettingsBody) },
      responses: { 200: json(S.Snapshot, "The hall after the change"), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { commandId, ...settings } = c.req.valid("json");
      return run(c, hall, { type: "update_settings", settings }, commandId);
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}",
      summary: "The hall now: categories with waits, windows, the waiting line in call order, recent calls",
      middleware: [allow(ANY)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(S.Snapshot, "Snapshot"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const snapshot = await hallStub(c, hall).snapshot(hall);
      if (!snapshot) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return c.json(snapshot, 200) as never;
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/tickets",
      summary: "Issue a ticket (kiosk, manager)",
      middleware: [allow(["admin", "manager", "kiosk"])] as const,
      request: { params: S.HallParam, ...body(S.IssueBody) },
      responses: { 201: json(S.IssueReply, "Issued"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { category, priority, commandId } = c.req.valid("json");
      return run(c, hall, { type: "issue", category, priority }, commandId);
    },
  );

  const windowActions = [
    ["call", "call", "Call the next ticket this window may call; `reason` says why it was chosen"],
    ["recall", "recall", "Call the window's ticket again"],
    ["start", "start", "The citizen has arrived: start serving"],
    ["finish", "finish", "Finish serving the window's ticket"],
    ["no-show", "no_show", "The called citizen did not come (过号)"],
    ["sign-out", "sign_out", "Sign the officer out of the window"],
  ] as const;
  for (const [path, type, summary] of windowActions) {
    app.openapi(
      route({
        method: "post",
        path: `/api/halls/{hall}/windows/{window}/${path}`,
        summary: `${summary} (counter, manager)`,
        middleware: [allow(STAFF)] as const,
        request: { params: S.WindowParams, ...body(S.WindowActionBody) },
        responses: {
          200: type === "call" ? json(S.CallReply, "The called ticket, or null when nobody waits") : json(type === "sign_out" ? S.WindowReply : S.TicketReply, "Done"),
          ...errors(400, 401, 403, 404, 409, 413),
        },
      }),
      async (c) => {
        const { hall, window } = c.req.valid("param");
        return run(c, hall, { type, window }, c.req.valid("json").commandId);
      },
    );
  }

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/windows/{window}/sign-in",
      summary: "Sign an officer in at the window (counter, manager)",
      middleware: [allow(STAFF)] as const,
      request: { params: S.WindowParams, ...body(S.SignInBody) },
      responses: { 200: json(S.WindowReply, "Signed in"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, window } = c.req.valid("param");
      const { officer, commandId } = c.req.valid("json");
      return run(c, hall, { type: "sign_in", window, officer }, commandId);
    },
  );

  app.openapi(
    route({
      method: "patch",
      path: "/api/halls/{hall}/windows/{window}",
      summary: "Open, pause or close a window, or change the categories it serves (manager)",
      middleware: [allow(["admin", "manager"])] as const,
      request: { params: S.WindowParams, ...body(S.WindowPatchBody) },
      responses: { 200: json(S.WindowReply, "The window after the change"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, window } = c.req.valid("param");
      const { state, categories, commandId } = c.req.valid("json");
      return run(c, hall, { type: "set_window", window, state, categories }, commandId);
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/tickets/{ticket}/transfer",
      summary: "Move a ticket to another category or window; it keeps its number and its place (counter, manager)",
      middleware: [allow(STAFF)] as const,
      request: { params: S.TicketParams, ...body(S.TransferBody) },
      responses: { 200: json(S.TicketReply, "Transferred"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, ticket } = c.req.valid("param");
      const { category, window, commandId } = c.req.valid("json");
      return run(c, hall, { type: "transfer", ticket, category, window }, commandId);
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/tickets/{ticket}/cancel",
      summary: "Cancel a ticket (counter, manager)",
      middleware: [allow(STAFF)] as const,
      request: { params: S.TicketParams, ...body(S.CancelBody) },
      responses: { 200: json(S.TicketReply, "Cancelled"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, ticket } = c.req.valid("param");
      const { reason, commandId } = c.req.valid("json");
      return run(c, hall, { type: "cancel", ticket, reason }, commandId);
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/tickets/{ticket}/requeue",
      summary: "Put a no-show back in the line, once, within the hall's limit (counter, manager)",
      middleware: [allow(STAFF)] as const,
      request: { params: S.TicketParams, ...body(S.WindowActionBody) },
      responses: { 200: json(S.TicketReply, "Waiting again, at the back of the line"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, ticket } = c.req.valid("param");
      return run(c, hall, { type: "requeue", ticket }, c.req.valid("json").commandId);
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/reset",
      summary: "End the day now: cancel unfinished tickets and restart numbering (manager)",
      middleware: [allow(["admin", "manager"])] as const,
      request: { params: S.HallParam, ...body(S.WindowActionBody) },
      responses: { 200: json(z.object({ day: z.string(), seq: z.number() }), "The new day"), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      return run(c, hall, { type: "reset" }, c.req.valid("json").commandId);
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/live",
      summary:
        "WebSocket live feed. With `since`, the events after it (or one snapshot when the log no longer has them); then every event as { seq, type, at, … }. The token may come as ?token= or a `bearer.<token>` subprotocol.",
      middleware: [allow(ANY, { allowQuery: true })] as const,
      request: { params: S.HallParam, query: S.LiveQuery },
      responses: { 101: { description: "Switching to WebSocket" }, ...errors(400, 401, 403, 404), 426: json(S.ErrorBody, "Not a WebSocket request") },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
        return fail(c, 426, "upgrade_required", "this is a WebSocket endpoint: connect with Upgrade: websocket");
      }
      if (!originAllowed(c.req.raw, c.env)) {
        return fail(c, 403, "forbidden", `WebSocket connections from origin ${c.req.header("Origin")} are not allowed`, {
          origin: c.req.header("Origin"),
        });
      }
      const offered = (c.req.header("Sec-WebSocket-Protocol") ?? "").split(",").map((p) => p.trim()).filter(Boolean);
      const protocol = offered.includes("tongban.v1") ? "tongban.v1" : (offered[0] ?? null);
      const headers = new Headers(c.req.raw.headers);
      headers.set("X-Tongban-Hall", hall);
      headers.set("X-Tongban-Role", c.get("principal").role);
      // Only a device verified by its cookie is named to the hall, never one a client claims to be.
      headers.delete("X-Tongban-Device-Id");
      const device = pairedDevice(c);
      if (device) headers.set("X-Tongban-Device-Id", device.id);
      if (protocol) headers.set("X-Tongban-Protocol", protocol);
      return (await hallStub(c, hall).fetch(new Request(c.req.url, { headers }))) as never;
    },
  );
}

/** Request bodies over this are refused with 413 before they are read. */
const MAX_BODY_BYTES = 16 * 1024;

export function createApi(): HallApp {
  const app: HallApp = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return validationResponse(c, result.target, result.error);
    },
  });
  // Middleware runs in registration order, so it goes in before the routes.
  const smallBodies = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => errorResponse(c, 413, "too_large", `the body is over the ${MAX_BODY_BYTES / 1024} KB limit`),
  });
  // An image upload (worker/api/content-upload.ts) is the one body past 16 KB, and not JSON.
  app.use("/api/*", (c, next) => (isUpload(c.req.raw) ? uploadLimit(c, next) : smallBodies(c, next)));
  app.use("/api/*", (c, next) => (isUpload(c.req.raw) ? next() : jsonBody(c, next)));
  regionRoutes(app);
  contentRoutes(app);
  regionContentRoutes(app);
  consoleRoutes(app);
  deviceRoutes(app);
  pairingRoutes(app);
  hallRoutes(app);
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Tongban hall API",
      version: "1",
      description:
        "One hall per id. JSON in and out; errors are { error, code, details }. Commands accept a commandId: repeating it returns the first reply and applies once.",
    },
  });
  return app;
}
