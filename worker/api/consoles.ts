/**
 * The consoles' API, beyond the hall API: what window terminals, ticket kiosks, the manager
 * console and citizens' status pages need. Same rules as the hall API: the role is checked on
 * the server, bodies are validated naming the field, and each call is one hall command.
 */
import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { Command } from "../core/types.js";
import type { Env } from "../env.js";
import { isLang } from "../i18n/lang.js";
import type { CommandRequest } from "../hall-object/index.js";
import { actorOf, mayUseWindow, originAllowed, presentedToken, principalFor, tokenTable, type Principal, type Role } from "./auth.js";
import { kioskRoutes } from "./consoles-kiosk.js";
import { managerRoutes } from "./consoles-manager.js";
import { evaluatorRoutes } from "./evaluator.js";
import { sessionRoutes } from "./sessions.js";
import { planRoutes } from "./plan.js";
import { statsRoutes } from "./stats.js";
import { errorResponse } from "./errors.js";
import { body, errors, json, publicRoute, route, upgraded } from "./openapi.js";
import { allow, type HallApp } from "./halls.js";
import * as S from "./schemas.js";
import { ticketSecret, verifyTicket } from "./ticket-token.js";

export const STAFF: Role[] = ["admin", "manager", "counter"];
export const MANAGERS: Role[] = ["admin", "manager"];
export const FRONT_DESK: Role[] = ["admin", "manager", "kiosk"];

// Replies come from the hall object already shaped; the route schemas document them.
type AnyContext = Context<any>;

export const fail = (...args: Parameters<typeof errorResponse>) => errorResponse(...args) as never;

// The route declarations every console file imports from here.
export { body, errors, json, route } from "./openapi.js";

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
        operationId: action === "pause" ? "pauseWindow" : "resumeWindow",
        tags: ["Windows"],
        summary: action === "pause" ? "Pause the window (暂停)" : "Resume a paused window",
        description: `${
          action === "pause" ? "The window calls nobody until resumed; its ticket stays." : "A closed window stays closed."
        } Roles: counter, manager, admin.`,
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
      operationId: "signInStaff",
      tags: ["Staff"],
      summary: "Sign a staff account in at a window",
      description: "With its PIN if it has one; 5 wrong PINs lock the account for 5 minutes. Roles: counter, manager, admin.",
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
      operationId: "listStaff",
      tags: ["Staff"],
      summary: "List staff accounts",
      description: "Name, badge, rank, access, and whether a PIN and a password are set (never the PIN or password). Roles: counter, manager, admin.",
      middleware: [allow(STAFF)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(z.object({ staff: z.array(S.StaffMember) }), "Staff accounts"), ...errors(400, 401, 403, 404) },
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
 * A citizen's status page listens on `/api/t/{ticketToken}/live`: the signed ticket link is the
 * whole authorisation, and the Worker (not the client) names the view and the ticket, so the
 * socket can only ever receive that one ticket's view.
 */
function citizenFeed(app: HallApp): void {
  app.openapi(
    publicRoute({
      method: "get",
      path: "/api/t/{ticketToken}/live",
      operationId: "watchTicket",
      tags: ["Citizens"],
      summary: "Watch one ticket (WebSocket)",
      description:
        "The status page's live feed: upgrade to a WebSocket and receive that ticket's status view as `{ type: \"html\", seq, html }` fragments (its place in the line, the estimated wait, the call). The signed link is the credential; a forged one is a 404.",
      request: { params: S.TicketLinkParam, query: S.LiveQuery.pick({ since: true, lang: true }) },
      responses: {
        ...upgraded("Then the ticket's view as HTML fragments."),
        ...errors(400, 403, 404, 426, 503),
      },
    }),
    async (c) => {
      const secret = ticketSecret(c.env);
      if (!secret.ok) return fail(c, 503, "not_configured", secret.problem);
      const target = await verifyTicket(secret.secret, c.req.valid("param").ticketToken);
      if (!target) return fail(c, 404, "not_found", "no such ticket link");
      if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
        return fail(c, 426, "upgrade_required", "this is a WebSocket endpoint: connect with Upgrade: websocket");
      }
      if (!originAllowed(c.req.raw, c.env)) return fail(c, 403, "forbidden", `WebSocket connections from origin ${c.req.header("Origin")} are not allowed`);
      const url = new URL(c.req.url);
      const feed = new URL(`/api/halls/${target.hall}/live`, url);
      feed.searchParams.set("view", "status");
      feed.searchParams.set("ticket", target.ticket);
      const { since, lang } = c.req.valid("query");
      if (since) feed.searchParams.set("since", since);
      // The page's language, so its updates come in it too.
      if (lang) feed.searchParams.set("lang", lang);
      const headers = new Headers(c.req.raw.headers);
      headers.set("X-Tongban-Hall", target.hall);
      headers.set("X-Tongban-Role", "citizen");
      headers.delete("X-Tongban-Protocol");
      return hallStub(c, target.hall).fetch(new Request(feed, { headers })) as never;
    },
  );
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
