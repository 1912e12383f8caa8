/**
 * Pages authenticate with `?token=` (a screen's URL is set once on an LED controller and left
 * for days). A page without a valid token answers with a readable page, not JSON.
 */
import type { Context } from "hono";
import { mayUseHall, presentedToken, principalFor, tokenTable, type Principal, type Role } from "../api/auth.js";
import type { Env } from "../env.js";

export type PageAccess = { ok: true; principal: Principal; token: string } | { ok: false; status: 401 | 403 | 503; message: string };

export function pageAccess(c: Context<{ Bindings: Env }>, hall: string, roles: readonly Role[]): PageAccess {
  const table = tokenTable(c.env);
  if (!table.ok) return { ok: false, status: 503, message: table.problem };
  const token = presentedToken(c.req.raw, { allowQuery: true });
  if (!token) return { ok: false, status: 401, message: "这个页面需要令牌 · This page needs a token: add ?token=… to its address" };
  const principal = principalFor(table.tokens, token);
  if (!principal) return { ok: false, status: 401, message: "令牌无效 · This token is not valid" };
  if (!mayUseHall(principal, hall) || !roles.includes(principal.role)) {
    return { ok: false, status: 403, message: `此令牌无权访问 · A ${principal.role} token cannot open this page` };
  }
  return { ok: true, principal, token };
}
