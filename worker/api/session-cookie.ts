/**
 * A signed-in person's session cookie → the principal they act as. Filled in by the sign-in
 * work (staff with access and a password); until then no session cookie is recognised.
 */
import type { Context } from "hono";
import type { Principal } from "./auth.js";

export const SESSION_COOKIE = "tongban_session";

/** The person's principal, "invalid" for an expired or revoked session, or null when none is presented. */
export async function sessionCaller(_c: Context<any>, _hall: string | undefined): Promise<Principal | "invalid" | null> {
  return null;
}
