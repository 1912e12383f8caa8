/**
 * Region-scoped callers: a token with `regions: ["gx-wuzhou"]` covers those regions, every
 * region below them and every hall that reports to one of them. The tree object answers where a
 * hall or region sits; a token without `regions` sees regions only when it covers every hall.
 */
import type { Env } from "../env.js";
import { treeStub } from "../regions/stubs.js";
import { mayUseHall } from "./may-act.js";
import type { Principal } from "./tokens.js";

/** The principal, with `hall` added to its halls when the hall sits below one of its regions. */
export async function withRegionHalls(env: Env, principal: Principal, hall: string | undefined): Promise<Principal> {
  if (!hall || !principal.regions || mayUseHall(principal, hall)) return principal;
  if (!(await treeStub(env).hallWithin(hall, principal.regions))) return principal;
  return { ...principal, halls: [...(principal.halls === "*" ? [] : principal.halls), hall] };
}

/** Whether the caller may read `region`: within its regions, or everywhere when it covers every hall. */
export async function mayUseRegion(env: Env, principal: Principal, region: string): Promise<boolean> {
  if (principal.regions) return treeStub(env).regionWithin(region, principal.regions);
  return principal.halls === "*";
}
