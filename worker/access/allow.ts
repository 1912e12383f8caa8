/**
 * The check every API route runs before its handler: who is calling (worker/access/caller.ts),
 * whether that caller covers this hall (or region) and window, and whether its role may do this.
 * 401 without a known token or sign-in, 403 for a role, hall, window or region the caller does
 * not cover, or for a write signed in by cookie from a foreign origin.
 */
import type { MiddlewareHandler } from "hono";
import type { Vars } from "../edge/app.js";
import { errorResponse } from "../edge/errors.js";
import type { Env } from "../env.js";
import { callerOf, cookieWriteAllowed } from "./caller.js";
import { mayAct } from "./may-act.js";
import { mayUseRegion } from "./region-scope.js";
import type { Role } from "./roles.js";
import { presentedToken, principalFor, tokenTable } from "./tokens.js";

type Check = MiddlewareHandler<{ Bindings: Env; Variables: Vars }>;

export function allow(roles: readonly Role[], { allowQuery = false } = {}): Check {
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
    const verdict = mayAct(principal, { hall: hall || undefined, window: c.req.param("window") }, roles);
    if (!verdict.ok) {
      const credential = caller.via === "token" ? "token" : "sign-in";
      const [message, details] =
        verdict.reason === "hall"
          ? [`this ${principal.role} ${credential} is not for hall "${verdict.hall}"`, { hall: verdict.hall }]
          : verdict.reason === "window"
            ? [`this counter is for window ${verdict.windows.join(", ")}, not window ${verdict.window}`, { window: verdict.window }]
            : [`a ${principal.role} ${credential} cannot do this; it needs ${roles.join(" or ")}`, { role: principal.role, allowed: roles }];
      return errorResponse(c, 403, "forbidden", message, details);
    }
    c.set("principal", principal);
    return next();
  };
}

/**
 * A counter token bound to some windows acts only at them, on every window route: this runs
 * before any route is matched.
 */
export const windowBinding: MiddlewareHandler<{ Bindings: Env }> = async function windowBinding(c, next) {
  const table = tokenTable(c.env);
  const token = table.ok ? presentedToken(c.req.raw, { allowQuery: false }) : null;
  const principal = token && table.ok ? principalFor(table.tokens, token) : null;
  const window = c.req.param("window") ?? "";
  const verdict = principal ? mayAct(principal, { window }) : { ok: true as const };
  if (!verdict.ok && verdict.reason === "window") {
    return errorResponse(c, 403, "forbidden", `this counter token is for window ${verdict.windows.join(", ")}, not window ${window}`, { window });
  }
  return next();
};

/** The region routes' check: the caller's role, and a region token only within its regions. */
export function allowRegion(roles: readonly Role[], { allowQuery = false } = {}): Check {
  return async function checkRegion(c, next) {
    const caller = await callerOf(c, undefined, { allowQuery });
    if (!caller.ok) return errorResponse(c, caller.status, caller.status === 503 ? "not_configured" : "unauthorized", caller.message);
    const { principal } = caller;
    const region = c.req.param("region");
    // The role first: the tree is asked whether a region is within reach only for a caller whose role may act at all.
    let verdict = mayAct(principal, {}, roles);
    if (verdict.ok && region && /^[a-z0-9][a-z0-9-]{0,39}$/.test(region)) {
      verdict = mayAct(principal, { region: { id: region, within: await mayUseRegion(c.env, principal, region) } });
    }
    if (!verdict.ok && verdict.reason === "role") {
      return errorResponse(c, 403, "forbidden", `a ${principal.role} token cannot do this; it needs ${roles.join(" or ")}`, { role: principal.role, allowed: roles });
    }
    if (!verdict.ok) return errorResponse(c, 403, "forbidden", `this ${principal.role} token is not for region "${region}"`, { region });
    c.set("principal", principal);
    return next();
  };
}
