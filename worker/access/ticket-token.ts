/**
 * A citizen's status-page link: `/t/{hall}_{ticketId}_{mac}`, where mac is HMAC-SHA256 over
 * the hall and the ticket id under TONGBAN_TICKET_SECRET, cut to 128 bits. Nothing is stored:
 * the Worker recomputes the mac to check a link, so a forged or altered link is a 404, and the
 * token never appears in the event stream.
 *
 * @example
 * const token = await signTicket(secret, "demo", "20261123-A023"); // "demo_20261123-A023_Qk3…"
 * await verifyTicket(secret, token); // { hall: "demo", ticket: "20261123-A023" }
 */
import { isDevelopment, type Env } from "../env.js";

/** Development only: a fixed secret so links survive restarts of `wrangler dev`. */
const DEV_SECRET = "tongban-development-ticket-secret-not-for-production";

/** Production secrets shorter than this are refused as guessable. */
const MIN_SECRET_LENGTH = 32;

export type SecretCheck = { ok: true; secret: string } | { ok: false; problem: string };

export function ticketSecret(env: Env): SecretCheck {
  const secret = env.TONGBAN_TICKET_SECRET;
  if (secret && secret.length >= MIN_SECRET_LENGTH && (secret !== DEV_SECRET || isDevelopment(env))) return { ok: true, secret };
  if (!secret && isDevelopment(env)) return { ok: true, secret: DEV_SECRET };
  return {
    ok: false,
    problem: `set TONGBAN_TICKET_SECRET (${MIN_SECRET_LENGTH}+ random characters) with \`wrangler secret put TONGBAN_TICKET_SECRET\` to serve status pages and take ID numbers`,
  };
}

const encoder = new TextEncoder();

function base64url(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

async function mac(secret: string, hall: string, ticket: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const sig = await crypto.subtle.sign("HMAC", key, encoder.encode(`ticket-status|${hall}|${ticket}`));
  return base64url(sig.slice(0, 16));
}

export async function signTicket(secret: string, hall: string, ticket: string): Promise<string> {
  return `${hall}_${ticket}_${await mac(secret, hall, ticket)}`;
}

const TOKEN = /^([a-z0-9][a-z0-9-]{0,39})_([0-9.]{8,12}-[A-Z][0-9]{3,6})_([A-Za-z0-9_-]{22})$/;

/** The hall and ticket a link is for, or null for anything not signed by this server. */
export async function verifyTicket(secret: string, token: string): Promise<{ hall: string; ticket: string } | null> {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const [, hall, ticket, given] = m as unknown as [string, string, string, string];
  const expected = await mac(secret, hall, ticket);
  let diff = expected.length ^ given.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (given.charCodeAt(i) || 0);
  return diff === 0 ? { hall, ticket } : null;
}
