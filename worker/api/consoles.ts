/**
 * The consoles' API, beyond the hall API: what window terminals, ticket kiosks, the manager
 * console and citizens' status pages need. Same rules as the hall API: the role is checked on
 * the server, bodies are validated naming the field, and each call is one hall command.
 */
import { createRoute, z, type RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { Command } from "../core/types.js";
import type { Env } from "../env.js";
import type { CommandRequest } from "../hall-object/index.js";
import { actorOf, mayUseWindow, originAllowed, presentedToken, principalFor, tokenTable, type Principal, type Role } from "./auth.js";
import { kioskRoutes } from "./consoles-kiosk.js";
import { managerRoutes } from "./consoles-manager.js";
import { evaluatorRoutes } from "./evaluator.js";
import { sessionRoutes } from "./sessions.js";
import { planRoutes } from "./plan.js";
import { statsRoutes } from "./stats.js";
import { errorResponse } from "./errors.js";
import { allow, type HallApp } from "./halls.js";
import * as S from "./schemas.js";
import { ticketSecret, verifyTicket } from "./ticket-token.js";

export const STAFF: Role[] = ["admin", "manager", "counter"];
export const MANAGERS: Role[] = ["admin", "manager"];
export const FRONT_DESK: Role[] = ["admin", "manager", "kiosk"];

// Replies come from the hall object already shaped; the route schemas document them.
type AnyContext = Context<any>;

export const fail = (...args: Parameters<typeof errorResponse>) => errorResponse(...args) as never;

const ERROR_TEXT: Record<number, string> = {
  400: "A field is missing or wrong; `details` names it",
  401: "No token, or an unknown one",
  403: "The token's role may not do this",
  404: "Unknown hall, window, ticket, staff account or appointment",
  409: "A hall rule says no; nothing changed",
  413: "Body over 16 KB",
  503: "The server lacks a secret it needs (TONGBAN_TICKET_SECRET)",
};

export const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_TEXT[s] ?? "error", content: { "application/json": { schema: S.ErrorBody } } }]),
  );

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: false } });

export const route = <R extends RouteConfig>(r: R) => createRoute({ ...r, security: [{ bearer: [] }] });

export function hallStub(c: AnyContext, hall: string) {
  return c.env.HALL.get(c.env.HALL.idFromName(hall));
}

/** Hands one command to the hall; `sensitive` values are hashed there, never kept in clear. */
export async function execute(
  c: AnyContext,
  hall: string,
  command: Command,
  options: { commandId?: string | undefined; sensitive?: CommandRequest["sensitive"]; upload?: CommandRequest["upload"] } = {},
): Promise<{ status: number; body: any }> {
  const principal: Principal = c.get("principal");
  const device = (c.req.header("X-Tongban-Device") ?? c.req.header("User-Agent") ?? "").slice(0, 120) || null;
  const reply = await hallStub(c, hall).execute({
    hall,
    command,
    ...(options.commandId ? { commandId: options.commandId } : {}),
    ...(options.sensitive ? { sensitive: options.sensitive } : {}),
    ...(options.upload ? { upload: options.upload } : {}),
    actor: actorOf(principal, device),
  });
  if (reply.replayed) c.header("Idempotent-Replayed", "true");
  return { status: reply.status, body: reply.body };
}

export const reply = (c: AnyContext, r: { status: number; body: unknown }) => c.json(r.body as object, r.status as 200) as never;

/**
 * A counter token bound to some windows acts only at them, on every window route (the hall
 * API's too): this runs before any route is matched.
 */
const windowBinding: MiddlewareHandler<{ Bindings: Env }> = async function windowBinding(c, next) {
  const table = tokenTable(c.env);
  const token = table.ok ? presentedToken(c.req.raw, { allowQuery: false }) : null;
  const principal = token && table.ok ? principalFor(table.tokens, token) : null;
  const window = c.req.param("window") ?? "";
  if (principal && !mayUseWindow(principal, window)) {
    return errorResponse(c, 403, "forbidden", `this counter token is for window ${principal.windows!.join(", ")}, not window ${window}`, {
      window,
    });
  }
  return next();
};

function counterRoutes(app: HallApp): void {
  for (const action of ["pause", "resume"] as const) {
    app.openapi(
      route({
        method: "post",
        path: `/api/halls/{hall}/windows/{window}/${action}`,
        summary:
          action === "pause"
            ? "Pause the window (暂停): it calls nobody until resumed; its ticket stays (counter, manager)"
            : "Resume a paused window; a closed window stays closed (counter, manager)",
        middleware: [allow(STAFF)] as const,
        request: { params: S.WindowParams, ...body(S.WindowActionBody) },
        responses: { 200: json(S.WindowReply, "The window now"), ...errors(400, 401, 403, 404, 409, 413) },
      }),
      async (c) => {
        const { hall, window } = c.req.valid("param");
        return reply(c, await execute(c, hall, { type: action, window }, { commandId: c.req.valid("json").commandId }));
      },
    );
  }

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/staff/{staff}/sign-in",
      summary: "Sign a staff account in at a window, with its PIN if it has one (counter, manager)",
      middleware: [allow(STAFF)] as const,
      request: { params: S.StaffParams, ...body(S.StaffSignInBody) },
      responses: { 200: json(S.WindowReply, "Signed in"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, staff } = c.req.valid("param");
      const { window, pin, commandId } = c.req.valid("json");
      if (!mayUseWindow(c.get("principal"), window)) return fail(c, 403, "forbidden", `this counter token may not act at window ${window}`, { window });
      return reply(c, await execute(c, hall, { type: "sign_in_staff", window, staff }, { commandId, sensitive: pin ? { pin } : {} }));
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/staff",
      summary: "The hall's staff accounts: name, badge, role and whether a PIN is set (counter, manager)",
      middleware: [allow(STAFF)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(z.object({ staff: z.array(z.any()) }), "Staff accounts"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const staff = await hallStub(c, hall).staffList(hall);
      if (!staff) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return c.json({ staff }, 200) as never;
    },
  );
}

/**
 * A citizen's status page listens on `/api/t/{token}/live`: the signed ticket link is the whole
 * authorisation, and the Worker (not the client) names the view and the ticket, so the socket
 * can only ever receive that one ticket's view.
 */
function citizenFeed(app: HallApp): void {
  app.get("/api/t/:token/live", async (c) => {
    const secret = ticketSecret(c.env);
    if (!secret.ok) return fail(c, 503, "not_configured", secret.problem);
    const target = await verifyTicket(secret.secret, c.req.param("token"));
    if (!target) return fail(c, 404, "not_found", "no such ticket link");
    if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
      return fail(c, 426, "upgrade_required", "this is a WebSocket endpoint: connect with Upgrade: websocket");
    }
    if (!originAllowed(c.req.raw, c.env)) return fail(c, 403, "forbidden", `WebSocket connections from origin ${c.req.header("Origin")} are not allowed`);
    const url = new URL(c.req.url);
    const feed = new URL(`/api/halls/${target.hall}/live`, url);
    feed.searchParams.set("view", "status");
    feed.searchParams.set("ticket", target.ticket);
    const since = url.searchParams.get("since");
    if (since && /^\d{1,15}$/.test(since)) feed.searchParams.set("since", since);
    const headers = new Headers(c.req.raw.headers);
    headers.set("X-Tongban-Hall", target.hall);
    headers.set("X-Tongban-Role", "citizen");
    headers.delete("X-Tongban-Protocol");
    return hallStub(c, target.hall).fetch(new Request(feed, { headers })) as never;
  });
}

export function consoleRoutes(app: HallApp): void {
  app.use("/api/halls/:hall/windows/:window/*", windowBinding);
  app.use("/api/halls/:hall/windows/:window", windowBinding);
  counterRoutes(app);
  kioskRoutes(app);
  managerRoutes(app);
  sessionRoutes(app);
  statsRoutes(app);
  evaluatorRoutes(app);
  planRoutes(app);
  citizenFeed(app);
}
