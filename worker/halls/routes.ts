/**
 * The public hall API under /api/halls/{hall}. Each route checks the caller's role, validates
 * the request against its schema, turns it into one hall command and hands it to the hall's
 * Durable Object, which answers with the HTTP status and body.
 */
import { z } from "@hono/zod-openapi";
import { allow } from "../access/allow.js";
import { pairedDevice } from "../access/device-cookie.js";
import { ADMINS, ANY, FRONT_DESK, MANAGERS, STAFF } from "../access/roles.js";
import { originAllowed } from "../access/tokens.js";
import type { HallApp } from "../edge/app.js";
import { fail } from "../edge/errors.js";
import { execute, reply } from "../edge/execute.js";
import { body, errors, HALL_WATCHER, json, route, upgraded } from "../edge/openapi.js";
import * as S from "../edge/schemas.js";
import {
  CallReply,
  CancelBody,
  IssueBody,
  IssueReply,
  LiveQuery,
  Snapshot,
  TicketReply,
  TransferBody,
  WindowActionBody,
  WindowPatchBody,
  WindowReply,
} from "./queue.schemas.js";
import { HallConfigBody, SettingsBody } from "./schemas.js";
import { SignInBody } from "../sessions/schemas.js";
import { hallStub } from "../hall-object/stub.js";

export function hallRoutes(app: HallApp): void {
  app.openapi(
    route({
      method: "put",
      path: "/api/halls/{hall}",
      operationId: "configureHall",
      tags: ["Halls"],
      summary: "Create or replace a hall",
      description:
        "The hall's name, time zone, alarm line, languages, categories, windows and zones: 201 when the hall is new, 200 when it replaces one. Tickets of the day stay. Roles: admin.",
      middleware: [allow(ADMINS)] as const,
      request: { params: S.HallParam, ...body(HallConfigBody) },
      responses: { 200: json(Snapshot, "Replaced; the new snapshot"), 201: json(Snapshot, "Created"), ...errors(400, 401, 403, 409, 413) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      return reply(c, await execute(c, hall, { type: "configure", config: c.req.valid("json") }));
    },
  );

  app.openapi(
    route({
      method: "patch",
      path: "/api/halls/{hall}",
      operationId: "updateHallSettings",
      tags: ["Halls"],
      summary: "Change the hall's settings",
      description:
        "The notice line, supervision QR address, alarm line, target wait, languages, no-show rule, priorities, announcer, zones or the appointment caps; name only what changes. More than 50 zones is 409 with details.cap `zones`. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, ...body(SettingsBody) },
      responses: { 200: json(Snapshot, "The hall after the change"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { commandId, ...settings } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "update_settings", settings }, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}",
      operationId: "getHallSnapshot",
      tags: ["Halls"],
      summary: "The hall now",
      description:
        "Categories with their waiting counts and estimated waits, windows with their officer and current ticket, the waiting line in call order (each with `ahead` and an estimated wait), and recent calls. `seq` is the last event applied: open the live feed with `since` set to it. Roles: any.",
      middleware: [allow(ANY)] as const,
      request: { params: S.HallParam },
      responses: { 200: json(Snapshot, "Snapshot"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const snapshot = await hallStub(c.env, hall).snapshot(hall);
      if (!snapshot) return fail(c, 404, "not_found", `unknown hall "${hall}"`, { hall });
      return c.json(snapshot, 200) as never;
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/tickets",
      operationId: "issueTicket",
      tags: ["Tickets"],
      summary: "Issue a ticket",
      description: "Takes a number in a category, with a priority (normal, elderly, disabled, appointment, green). Roles: kiosk, manager, admin.",
      middleware: [allow(FRONT_DESK)] as const,
      request: { params: S.HallParam, ...body(IssueBody) },
      responses: { 201: json(IssueReply, "Issued"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      const { category, priority, commandId } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "issue", category, priority }, { commandId }));
    },
  );

  const windowActions = [
    [
      "call",
      "call",
      "callNext",
      "Call the next ticket",
      "Calls the next ticket this window may call by the hall's policy; `reason` says why it was chosen. A ticket still at the window is finished first and returned as `finished` (hall setting callNextFinishes; when off, 409). `ticket` is null when nobody waits.",
    ],
    ["recall", "recall", "recallTicket", "Call the window's ticket again", "Announces the window's called ticket once more."],
    ["start", "start", "startService", "Start serving", "The called citizen has arrived at the window."],
    ["finish", "finish", "finishService", "Finish serving", "The window's ticket is done; it may now be rated."],
    ["no-show", "no_show", "markNoShow", "Mark a no-show (过号)", "The called citizen did not come; the ticket may be requeued within the hall's limit."],
    ["sign-out", "sign_out", "signOutOfficer", "Sign the officer out", "The window has no officer until one signs in."],
  ] as const;
  for (const [path, type, operationId, summary, description] of windowActions) {
    app.openapi(
      route({
        method: "post",
        path: `/api/halls/{hall}/windows/{window}/${path}`,
        operationId,
        tags: ["Windows"],
        summary,
        description: `${description} Roles: counter, manager, admin.`,
        middleware: [allow(STAFF)] as const,
        request: { params: S.WindowParams, ...body(WindowActionBody) },
        responses: {
          200: type === "call" ? json(CallReply, "The called ticket, or null when nobody waits") : json(type === "sign_out" ? WindowReply : TicketReply, "Done"),
          ...errors(400, 401, 403, 404, 409, 413),
        },
      }),
      async (c) => {
        const { hall, window } = c.req.valid("param");
        return reply(c, await execute(c, hall, { type, window }, { commandId: c.req.valid("json").commandId }));
      },
    );
  }

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/windows/{window}/sign-in",
      operationId: "signInOfficer",
      tags: ["Windows"],
      summary: "Name an officer at a window (manager)",
      description:
        "Names the officer on duty at the window by name and badge, with no account, as the screens and the audit log show them; the audit row names the manager who did it. A counter puts an officer on its window with that officer's own PIN or password instead (`signInStaff`). Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.WindowParams, ...body(SignInBody) },
      responses: { 200: json(WindowReply, "Signed in"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, window } = c.req.valid("param");
      const { officer, commandId } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "sign_in", window, officer }, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "patch",
      path: "/api/halls/{hall}/windows/{window}",
      operationId: "updateWindow",
      tags: ["Windows"],
      summary: "Open, pause, close or re-assign a window",
      description: "Sets the window's state and the categories it serves, most preferred first. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.WindowParams, ...body(WindowPatchBody) },
      responses: { 200: json(WindowReply, "The window after the change"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, window } = c.req.valid("param");
      const { state, categories, commandId } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "set_window", window, state, categories }, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/tickets/{ticket}/transfer",
      operationId: "transferTicket",
      tags: ["Tickets"],
      summary: "Transfer a ticket",
      description: "Moves a ticket to another category, another window, or both; it keeps its number and its place in the line. Roles: counter, manager, admin.",
      middleware: [allow(STAFF)] as const,
      request: { params: S.TicketParams, ...body(TransferBody) },
      responses: { 200: json(TicketReply, "Transferred"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, ticket } = c.req.valid("param");
      const { category, window, commandId } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "transfer", ticket, category, window }, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/tickets/{ticket}/cancel",
      operationId: "cancelTicket",
      tags: ["Tickets"],
      summary: "Cancel a ticket",
      description: "Takes a waiting or called ticket out of the line, with an optional reason. Roles: counter, manager, admin.",
      middleware: [allow(STAFF)] as const,
      request: { params: S.TicketParams, ...body(CancelBody) },
      responses: { 200: json(TicketReply, "Cancelled"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, ticket } = c.req.valid("param");
      const { reason, commandId } = c.req.valid("json");
      return reply(c, await execute(c, hall, { type: "cancel", ticket, reason }, { commandId }));
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/tickets/{ticket}/requeue",
      operationId: "requeueTicket",
      tags: ["Tickets"],
      summary: "Requeue a no-show",
      description: "Puts a no-show back in the line, at the back, once, within the hall's noShowRequeueMinutes. Roles: counter, manager, admin.",
      middleware: [allow(STAFF)] as const,
      request: { params: S.TicketParams, ...body(WindowActionBody) },
      responses: { 200: json(TicketReply, "Waiting again, at the back of the line"), ...errors(400, 401, 403, 404, 409, 413) },
    }),
    async (c) => {
      const { hall, ticket } = c.req.valid("param");
      return reply(c, await execute(c, hall, { type: "requeue", ticket }, { commandId: c.req.valid("json").commandId }));
    },
  );

  app.openapi(
    route({
      method: "post",
      path: "/api/halls/{hall}/reset",
      operationId: "resetHallDay",
      tags: ["Halls"],
      summary: "End the day now",
      description: "Cancels unfinished tickets and restarts numbering, as the hall does itself at local midnight. Roles: manager, admin.",
      middleware: [allow(MANAGERS)] as const,
      request: { params: S.HallParam, ...body(WindowActionBody) },
      responses: { 200: json(z.object({ day: z.string(), seq: z.number() }), "The new day"), ...errors(400, 401, 403, 404, 413) },
    }),
    async (c) => {
      const { hall } = c.req.valid("param");
      return reply(c, await execute(c, hall, { type: "reset" }, { commandId: c.req.valid("json").commandId }));
    },
  );

  app.openapi(
    route({
      method: "get",
      path: "/api/halls/{hall}/live",
      operationId: "watchHall",
      tags: ["Halls"],
      summary: "Live feed (WebSocket)",
      description:
        "Upgrade to a WebSocket. With `since`, exactly the events after it, in order, when the log still holds them; otherwise one `{ type: \"snapshot\", seq, state }` whose state is the hall now; when `since` is before the live log (those events archived and pruned, see GET /api/halls/{hall}/archives), the snapshot also carries `liveFrom` (the first seq the hall holds) and `archives` (the list's address). Then every event as `{ seq, type, at, … }`: `ticket.issued`, `ticket.called`, `ticket.recalled`, `ticket.serving`, `ticket.finished`, `ticket.no_show`, `ticket.requeued`, `ticket.transferred`, `ticket.cancelled`, `ticket.rated`, `window.updated`, `hall.reset`, `hall.configured`, … Send the text `ping` for `pong` without waking the hall; a message over 4 KB closes the socket with 1009, more than 20 in 10 s with 1008. Browser upgrades must come from this server's origin or one in `TONGBAN_ALLOWED_ORIGINS`. Roles: any.",
      security: HALL_WATCHER,
      middleware: [allow(ANY, { allowQuery: true })] as const,
      request: { params: S.HallParam, query: LiveQuery },
      responses: { ...upgraded("Then events as JSON text messages, or a view's HTML fragments with `view`."), ...errors(400, 401, 403, 404, 426) },
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
      // The window binding travels with the role, so the feed applies the API's check (access/may-act.ts).
      headers.delete("X-Tongban-Windows");
      const windows = c.get("principal").windows;
      if (windows) headers.set("X-Tongban-Windows", JSON.stringify(windows));
      // Only a device verified by its cookie is named to the hall, never one a client claims to be.
      headers.delete("X-Tongban-Device-Id");
      const device = pairedDevice(c);
      if (device) headers.set("X-Tongban-Device-Id", device.id);
      if (protocol) headers.set("X-Tongban-Protocol", protocol);
      return (await hallStub(c.env, hall).fetch(new Request(c.req.url, { headers }))) as never;
    },
  );
}
