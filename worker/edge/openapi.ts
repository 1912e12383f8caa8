/**
 * How a route of the API is declared, so that the document at /api/openapi.json describes it:
 * the tags operations are grouped under, the ways a caller proves who it is, and the error
 * replies. `route` and `publicRoute` require an operationId, a tag and a summary, so a route
 * without them does not compile; tests/openapi.test.ts checks the rest against the running app.
 *
 * @example
 * app.openapi(
 *   route({ method: "get", path: "/api/halls/{hall}/staff", operationId: "listStaff", tags: ["Staff"], summary: "…", … }),
 *   handler,
 * );
 */
import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import * as S from "./schemas.js";
import { HallApp } from "./app.js";

/** The document's tags, in the order the reference shows them. */
export const TAGS = [
  {
    name: "Halls",
    description:
      "A hall's configuration and settings, the hall now (categories with waits, windows, the waiting line in call order, recent calls), the end of its day, and its live feed. One hall per id; every change is an event with a sequence number.",
  },
  {
    name: "Tickets",
    description:
      "Taking a number (an integration's and the kiosk's), and moving, cancelling or requeueing a ticket. `{ticket}` is a ticket id (`20261123-A023`) or today's number (`A023`).",
  },
  {
    name: "Windows",
    description:
      "What a window terminal does: call the next ticket, recall, start and finish service, mark a no-show (过号), sign the officer in and out, pause and resume. Managers open, close and re-assign windows.",
  },
  { name: "Staff", description: "The hall's staff accounts (name, badge, rank, what they may do signed in) and their PIN sign-in at a window." },
  {
    name: "Sessions",
    description: "People sign in as themselves with their badge number and password: the `tongban_session` cookie, 12 hours, in one hall.",
  },
  {
    name: "Appointments",
    description: "Bookings from a booking system or the manager: a six-digit code the citizen checks in with at the kiosk on the booked day.",
  },
  {
    name: "Ratings",
    description: "好差评: the window evaluator's and the counter's 1–5 ratings of a finished ticket, and the follow-up (回访) of every 差评.",
  },
  {
    name: "Citizens",
    description:
      "What a citizen's status page does with the signed link printed on their ticket (`/t/{ticketToken}`): watch that one ticket and rate its service. The link is the whole authorisation; a forged or altered one is a 404.",
  },
  {
    name: "Statistics",
    description:
      "Figures from the hall's event log by category, window, officer or hour: issued, served, no-shows, transfers, waits and service times, satisfaction; as JSON or CSV for Excel. Staffing advice from Erlang C and Laibin's rule.",
  },
  { name: "Planning", description: "The day's rota planned from the hall's own history, and what window changes would do to the waits." },
  { name: "Audit", description: "Who did what, when and from which device: one row per privileged action, written with its events." },
  {
    name: "Devices",
    description: "Pairing main screens, window screens, data walls, announcers, kiosks and terminals by a code they show, and the hall's fleet.",
  },
  { name: "Regions", description: "Province, city and county views over many halls, their 10-minute lists, and the public list of halls open now." },
  {
    name: "Webhooks",
    description:
      "The hall's events POSTed to other systems as they happen (an SMS gateway, a WeChat mini-program, the province's 好差评 platform): signed with HMAC-SHA256, in seq order per webhook, at least once, retried for 24 h; `ticket.near` when a citizen is almost up. Citizens' ID marks never leave the hall.",
  },
  { name: "Event log", description: "The hall's ordered event log as NDJSON, paged by seq, for archives and audits; citizens' ID marks stripped." },
  {
    name: "Content",
    description:
      "Signage between calls: notices, procedure guides (办事指南) and images on a schedule in the hall's time zone, per zone, played by the main screens; a region's items reach every hall below it. Images live in R2 and are served at /media with immutable caching.",
  },
  { name: "Service", description: "Whether the Worker answers, and development diagnostics." },
] as const;

export type Tag = (typeof TAGS)[number]["name"];

/** What every operation of the document must say about itself. */
export interface Documented {
  /** Stable camelCase name; generated clients name their functions after it. */
  operationId: string;
  tags: [Tag, ...Tag[]];
  /** A short title, as the reference's sidebar shows it; the rest goes in `description`. */
  summary: string;
}

export const SECURITY_SCHEMES = {
  bearer: {
    type: "http",
    scheme: "bearer",
    description:
      "A role token from `TONGBAN_TOKENS`: admin, manager, counter, kiosk or display (read-only), optionally limited to some halls, windows or regions. Locally: dev-admin, dev-manager, dev-counter, dev-kiosk, dev-display.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "tongban_session",
    description:
      "A person signed in with POST /api/halls/{hall}/sessions acts with their access (manager or counter) in that hall only. A change sent with it must come from a page of this server (its Origin is checked).",
  },
  device: {
    type: "apiKey",
    in: "cookie",
    name: "tongban_device",
    description: "A paired device's credential, set when its pairing completes (GET /api/pairing/status): the device's role, in its hall.",
  },
  tokenQuery: {
    type: "apiKey",
    in: "query",
    name: "token",
    description:
      "The live feeds only: browsers cannot set headers on a WebSocket, so the token may come as ?token=, or as a `bearer.<token>` entry in Sec-WebSocket-Protocol (offer `tongban.v1` beside it).",
  },
} as const;

type Scheme = keyof typeof SECURITY_SCHEMES;
const either = (...schemes: Scheme[]) => schemes.map((s) => ({ [s]: [] as string[] }));

/** A hall route: a role token, a signed-in person or a paired device, any one. */
export const HALL_CALLER = either("bearer", "session", "device");
/** A hall's live feed: as a hall route, or the token in the query or subprotocol. */
export const HALL_WATCHER = either("bearer", "session", "device", "tokenQuery");
/** A region route: a role token for the region or one above it. */
export const REGION_CALLER = either("bearer");
export const REGION_WATCHER = either("bearer", "tokenQuery");
/** Only the session cookie: who is signed in, and signing out. */
export const SIGNED_IN = either("session");

const ERROR_TEXT: Record<number, string> = {
  400: "A field is missing or wrong; `details` names it. Nothing changed",
  401: "No credential, an unknown token, or a sign-in or device that is no longer valid",
  403: "The caller's role, hall, window or region does not allow this, or a change signed in by cookie came from a foreign Origin",
  404: "Unknown hall, window, ticket, category, staff account, appointment, device or region",
  409: "A hall rule says no (window paused, ticket not at this window, already done, a cap reached — then `details.cap` names it and `details.limit` gives it, …); nothing changed",
  410: "Gone from the hall: archived (`details.archives` names where to read it, `details.liveFrom` where the hall's own log starts)",
  413: "Body over 16 KB (an image upload: over 2 MB)",
  415: "An upload that is not a PNG, JPEG or WebP image (SVG is refused)",
  423: "Locked after too many wrong passwords; `details.retryAfterSeconds` and Retry-After say for how long",
  426: "Not a WebSocket request: connect with Upgrade: websocket",
  429: "Too many tries in a short time",
  503: "The server is not set up: no `TONGBAN_TOKENS`, or no `TONGBAN_TICKET_SECRET` where a status link or an ID number needs it; or the upstream holding the regions (`TONGBAN_UPSTREAM`) could not be asked",
};

/** Error replies `{ error, code, details }` for these statuses. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_TEXT[s] ?? "Refused", content: { "application/json": { schema: S.ErrorBody } } }]),
  );

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** An optional JSON body: an empty one is `{}` (worker/edge/errors.ts jsonBody). */
export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: false } });

/** The reply of a WebSocket endpoint that accepted the upgrade. */
export const upgraded = (messages: string) => ({
  101: {
    description: `Switching to WebSocket. ${messages}`,
    headers: {
      Upgrade: { description: "websocket", schema: { type: "string" as const } },
      "Sec-WebSocket-Protocol": { description: "`tongban.v1` when the client offered it", schema: { type: "string" as const } },
    },
  },
});

/** A route that says who may call it in its own `security`, and every reply it gives. */
export const operation = <R extends RouteConfig & Documented & { security: RouteConfig["security"] & {} }>(r: R) => createRoute(r);

/**
 * A route behind the role check (`allow`, `allowRegion`): a hall's token, session or device unless
 * it names other `security`. Whatever it declares, that check may answer 401, 403 and 503.
 */
export const route = <R extends RouteConfig & Documented>(r: R) =>
  createRoute({ security: HALL_CALLER, ...r, responses: { ...errors(401, 403, 503), ...r.responses } });

/** A route anyone may call: no token, or a credential of its own (a signed ticket link). */
export const publicRoute = <R extends RouteConfig & Documented>(r: R) => createRoute({ ...r, security: [] });

export function registerSecuritySchemes(app: HallApp): void {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) app.openAPIRegistry.registerComponent("securitySchemes", name, scheme);
}
