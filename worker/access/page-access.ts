/**
 * Pages let in whoever the API lets in (worker/access/caller.ts): `?token=` (a screen's URL set
 * once on an LED controller), a paired device's cookie, or a signed-in person. A page without
 * either answers with a readable page, not JSON.
 */
import type { Context } from "hono";
import type { Principal } from "./tokens.js";
import { callerOf, type Via } from "./caller.js";
import { mayAct } from "./may-act.js";
import type { Watcher } from "./roles.js";
import type { Env } from "../env.js";

export type PageAccess =
  | { ok: true; principal: Principal; token: string | null; via: Via }
  | { ok: false; status: 401 | 403 | 503; message: string };

/** Whether this request's caller may open a page of `hall` that `roles` (its view's group) may open. */
export async function pageAccess(c: Context<{ Bindings: Env }>, hall: string, roles: readonly Watcher[]): Promise<PageAccess> {
  const caller = await callerOf(c, hall, { allowQuery: true });
  if (!caller.ok && caller.status === 503) return { ok: false, status: 503, message: caller.message };
  if (!caller.ok) {
    const noneGiven = caller.message.startsWith("send a token");
    return {
      ok: false,
      status: 401,
      message: noneGiven ? "这个页面需要令牌或登录 · This page needs a token (?token=…) or a sign-in" : `令牌无效 · ${caller.message}`,
    };
  }
  const { principal } = caller;
  // Hall and role here; the window binding is checked by the hall object with the page's view, which knows its window.
  if (!mayAct(principal, { hall }, roles).ok) {
    const zh = caller.via === "token" ? "此令牌无权访问" : `${principal.name} 无权打开此页`;
    return { ok: false, status: 403, message: `${zh} · A ${principal.role} ${caller.via === "token" ? "token" : "sign-in"} cannot open this page` };
  }
  return { ok: true, principal, token: caller.token, via: caller.via };
}
