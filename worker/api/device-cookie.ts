/**
 * A paired device's credential cookie → the principal it acts as. Filled in by the fleet work
 * (devices paired by a code); until then no device cookie is recognised.
 */
import type { Context } from "hono";
import type { Principal } from "./auth.js";

export const DEVICE_COOKIE = "tongban_device";

/** The device's principal, "invalid" for a revoked or forged credential, or null when none is presented. */
export async function deviceCaller(_c: Context<any>, _hall: string | undefined): Promise<Principal | "invalid" | null> {
  return null;
}
