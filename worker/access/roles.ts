/**
 * Who may do what, by role: the one table of role groups. Every API route, page and live view
 * names a group from here instead of spelling roles out, so widening or narrowing who may do a
 * thing is a change to this file alone. Roles, widest first: admin (configures halls and
 * regions), manager (runs a hall), counter (a window terminal), kiosk (issues tickets), display
 * (reads only); and reporter, a machine's role, not a person's: a hall deployment's token on
 * the deployment holding its regions (worker/regions/upstream.ts), which may only report for its
 * halls and fetch their region content.
 */
export const ROLES = ["admin", "manager", "counter", "kiosk", "display", "reporter"] as const;
export type Role = (typeof ROLES)[number];

/**
 * A citizen holding a signed ticket link (`/t/{token}`): not a role a token or sign-in can have,
 * only what the ticket-status page's socket is let in as.
 */
export const CITIZEN = "citizen";
/** Whoever may watch a live view: a role, or a citizen by their ticket link. */
export type Watcher = Role | typeof CITIZEN;

/** Every role that works in or watches a hall: reading the hall. Not a reporter. */
export const ANY: readonly Role[] = ["admin", "manager", "counter", "kiosk", "display"];
/** Configuring halls and regions. */
export const ADMINS: readonly Role[] = ["admin"];
/** Running a hall: settings, windows, staff, content, devices, webhooks, statistics. */
export const MANAGERS: readonly Role[] = ["admin", "manager"];
/** Working a window: calling, serving, signing in at a counter (with the officer's own secret). */
export const STAFF: readonly Role[] = ["admin", "manager", "counter"];
/** Issuing tickets: the kiosk and the staff who stand in for it. */
export const FRONT_DESK: readonly Role[] = ["admin", "manager", "kiosk"];
/** Rating at a window: the evaluator device is a display; staff may stand in for it. */
export const EVALUATORS: readonly Role[] = ["admin", "manager", "counter", "display"];
/**
 * Who sees a citizen's whole call-back number (issue 25 item 5), on the open follow-up they call
 * from; everyone else, and every other place, sees it masked (138****5678). It is in no event.
 */
export const CALLERS_BACK: readonly Role[] = MANAGERS;
/**
 * Live-feed events only some roles receive: what a role cannot GET it does not receive. The
 * roster (badges, access, who has a PIN or password) is read with GET /staff, by managers (a
 * counter reads only who may sign in at its window); appointment codes, which a
 * citizen types to check in, with GET /appointments. Every other event is the hall's public face.
 */
export const EVENT_READERS: Readonly<Record<string, readonly Role[]>> = {
  "staff.updated": MANAGERS,
  "appointment.booked": MANAGERS,
  "appointment.cancelled": MANAGERS,
  // Issue 26 §5: blocks name the codes told of them; read with GET /booking-board.
  "bookings.blocked": MANAGERS,
  "bookings.unblocked": MANAGERS,
  "bookings.contacted": MANAGERS,
};

/** The ticket-status page: only the citizen whose ticket link it is. */
export const TICKET_HOLDERS: readonly Watcher[] = [CITIZEN];
/** A hall deployment reporting to this one (issue 24 §4): its halls' reports and their region content, nothing else. */
export const REPORTERS: readonly Role[] = ["reporter"];
