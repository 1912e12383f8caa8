/**
 * The consoles' API, beyond the hall API: what window terminals, ticket kiosks, the manager
 * console and citizens' status pages need. Same rules as the hall API: the role is checked on
 * the server, bodies are validated naming the field, and each call is one hall command.
 */
import { z } from "@hono/zod-openapi";
import { allow } from "../access/allow.js";
import { CITIZEN, MANAGERS, STAFF } from "../access/roles.js";
import { ticketSecret, verifyTicket } from "../access/ticket-token.js";
import { mayAct } from "../access/may-act.js";
import { originAllowed } from "../access/tokens.js";
import type { HallApp } from "../edge/app.js";
import { fail } from "../edge/errors.js";
import { execute, reply } from "../edge/execute.js";
import { body, errors, json, publicRoute, route, upgraded } from "../edge/openapi.js";
import * as S from "../edge/schemas.js";
import { LiveQuery, WindowActionBody, WindowReply } from "./queue.schemas.js";
import { StaffMember, StaffParams, StaffSignInBody, WindowOfficer } from "../sessions/schemas.js";
import { servesAtCounters } from "../core/staff.js";
import { hallStub } from "../hall-object/stub.js";

export function counterRoutes(app: HallApp): void {
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
        request: { params: S.WindowParams, ...body(WindowActionBody) },
        responses: { 200: json(WindowReply, "The window now"), ...errors(400, 401, 403, 404, 409, 413) },
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
      summary: "Put an officer on a window with their own PIN or password",
      description:
        "The officer signs in at the window with their own secret: `pin` or `password` (a PIN typed as `password` counts too). Without one it is a 400; an account with neither is a 409 (`details.secret`: a manager sets one first); an account with manager access is for the console, not a window (409). Five wrong secrets in a row lock the account at windows for 5 minutes (409). A person signed in with their own password (the session cookie) needs no secret for their own account; a manager or admin may place any counter account without one, and the audit row names them. Roles: counter, manager, admin.",
      middleware: [allow(STAFF)] as const,
      request: { params: StaffParams, ...body(StaffSignInBody) },
      responses: { 200: json(WindowReply, "Signed in"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, staff } = c.req.valid("param");
      const { window, pin, password, commandId } = c.req.valid("json");
      if (!mayAct(c.get("principal"), { window }).ok) return fail(c, 403, "forbidden", `this counter token may not act at window ${window}`, { window });
      const sensitive = { ...(pin ? { pin } : {}), ...(password ? { password } : {}) };
      return reply(c, await execute(c, hall, { type: "sign_in_staff", window, staff }, { commandId, sensitive }));
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/staff",
      operationId: "listStaff",
      tags: ["Staff"],
      summary: "List staff accounts",
      description:
        "Name, badge, rank, access, and whether a PIN and a password are set (never the PIN or password). A counter reads only who may sign in at its window (`listWindowOfficers`). Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(z.object({ staff: z.array(StaffMember) }), "Staff accounts"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const staff = await hallStub(c.env, hall).staffList(hall);
      if (!staff) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return c.json({ staff }, 200) as never;
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/windows/{window}/officers",
      operationId: "listWindowOfficers",
      tags: ["Staff"],
      summary: "Who may sign in at a window",
      description:
        "The accounts a window terminal offers for signing in: those with counter access, by name and badge and nothing more (no access, rank or secrets). Accounts for the manager console are not offered. Roles: counter, manager, admin.",
      middleware: [allow(STAFF)] as const,
      request: { params: S.WindowParams },
      responses: { 200: json(z.object({ officers: z.array(WindowOfficer) }), "Who may sign in here, by name"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall, window } = c.req.valid("param");
      if (!mayAct(c.get("principal"), { window }).ok) return fail(c, 403, "forbidden", `this counter token may not act at window ${window}`, { window });
      const stub = hallStub(c.env, hall);
      const [staff, known] = await Promise.all([stub.staffList(hall), stub.hasWindow(hall, window)]);
      if (!staff) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      if (!known) return fail(c, 404, "unknown_window", `no window "${window}" in this hall`, { window });
      const officers = staff.filter(servesAtCounters).map(({ id, name, badge }) => ({ id, name, badge }));
      return c.json({ officers }, 200) as never;
    },
  );
}

/**
 * A citizen's status page listens on `/api/t/{ticketToken}/live`: the signed ticket link is the
 * whole authorisation, and the Worker (not the client) names the view and the ticket, so the
 * socket can only ever receive that one ticket's view.
 */
export function citizenFeed(app: HallApp): void {
  app.openapi(
    publicRoute({
      method: "get",
      path: "/api/t/{ticketToken}/live",
      operationId: "watchTicket",
      tags: ["Citizens"],
      summary: "Watch one ticket (WebSocket)",
      description:
        "The status page's live feed: upgrade to a WebSocket and receive that ticket's status view as `{ type: \"html\", seq, html }` fragments (its place in the line, the estimated wait, the call). The signed link is the credential; a forged one is a 404.",
      request: { params: S.TicketLinkParam, query: LiveQuery.pick({ since: true, lang: true }) },
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
      headers.set("X-Tongban-Role", CITIZEN);
      // A citizen's socket is no device, whatever its client claims (the hall feed strips it too).
      headers.delete("X-Tongban-Device-Id");
      headers.delete("X-Tongban-Windows");
      headers.delete("X-Tongban-Protocol");
      return hallStub(c.env, target.hall).fetch(new Request(feed, { headers })) as never;
    },
  );
}
