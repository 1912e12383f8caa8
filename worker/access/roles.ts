/**
 * Who may do what, by role: the groups routes, pages and live views name instead of spelling
 * the roles out. Roles, widest first: admin (configures halls and regions), manager (runs a
 * hall), counter (a window terminal), kiosk (issues tickets), display (reads only).
 */
export const ROLES = ["admin", "manager", "counter", "kiosk", "display"] as const;
export type Role = (typeof ROLES)[number];

/** Every role: reading the hall. */
export const ANY: readonly Role[] = ROLES;
/** Configuring halls and regions. */
export const ADMINS: readonly Role[] = ["admin"];
/** Running a hall: settings, windows, staff, content, devices, webhooks, statistics. */
export const MANAGERS: readonly Role[] = ["admin", "manager"];
/** Working a window: calling, serving, signing in at a counter. */
export const STAFF: readonly Role[] = ["admin", "manager", "counter"];
/** Issuing tickets: the kiosk and the staff who stand in for it. */
export const FRONT_DESK: readonly Role[] = ["admin", "manager", "kiosk"];

/** Rating at a window: the evaluator device is a display; staff may stand in for it. */
export const EVALUATORS: readonly Role[] = ["admin", "manager", "counter", "display"];
