/**
 * A citizen's booking status link (issue 26): `/b/{hall}_{day}_{code}_{mac}`, mac being
 * HMAC-SHA256 over the hall, the day and the code under TONGBAN_TICKET_SECRET, cut to 128 bits,
 * as ticket links are (ticket-token.ts). Nothing is stored; a forged link is a 404. Whoever holds
 * the link may see and cancel that one booking, nothing else.
 *
 * @example
 * const token = await signBooking(secret, "demo", "2026-12-08", "482913"); // "demo_2026-12-08_482913_Qk3…"
 * await verifyBooking(secret, token); // { hall: "demo", day: "2026-12-08", code: "482913" }
 */
const encoder = new TextEncoder();

async function mac(secret: string, hall: string, day: string, code: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`booking-status|${hall}|${day}|${code}`))).slice(0, 16);
  return btoa(String.fromCharCode(...sig)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export async function signBooking(secret: string, hall: string, day: string, code: string): Promise<string> {
  return `${hall}_${day}_${code}_${await mac(secret, hall, day, code)}`;
}

const TOKEN = /^([a-z0-9][a-z0-9-]{0,39})_(\d{4}-\d{2}-\d{2})_(\d{6})_([A-Za-z0-9_-]{22})$/;

/** The booking a link is for, or null for anything this server did not sign. */
export async function verifyBooking(secret: string, token: string): Promise<{ hall: string; day: string; code: string } | null> {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const [, hall, day, code, given] = m as unknown as [string, string, string, string, string];
  const expected = await mac(secret, hall, day, code);
  let diff = expected.length ^ given.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (given.charCodeAt(i) || 0);
  return diff === 0 ? { hall, day, code } : null;
}
