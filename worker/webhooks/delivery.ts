/**
 * What a webhook receives: `POST <url>` with the JSON body `{ id, hall, seq, type, at, data }`
 * and two headers that prove the hall sent it:
 *
 * - `X-Tongban-Timestamp`: Unix seconds when this try was sent (a receiver may refuse old ones);
 * - `X-Tongban-Signature`: `sha256=` + hex HMAC-SHA256 under the webhook's secret of
 *   `<timestamp>.<body>`, the body exactly as sent.
 *
 * `data` is the event without its `seq`, `type` and `at`, as the live feed sends it, and with no
 * citizen's ID mark (worker/core/snapshot.ts `publicEvent`). `id` is the same on every try of a
 * delivery: `<hall>-<seq>` for an event of the log, `<hall>-<seq>-near-<ticket>` for a
 * `ticket.near`, which carries the seq of the event that brought the ticket near.
 *
 * @example
 * const body = JSON.stringify(eventDelivery("demo", event));
 * const headers = await deliveryHeaders(secret, body, Math.floor(Date.now() / 1000), delivery);
 */
import { publicEvent } from "../core/snapshot.js";
import type { HallEvent } from "../core/events.js";
import { NEAR, type BookingEventType, type WebhookEventType } from "./events.js";
import type { NearTicket } from "./near.js";

export interface Delivery {
  id: string;
  hall: string;
  seq: number;
  type: WebhookEventType;
  at: string;
  data: Record<string, unknown>;
}

/** The same on every try: `<hall>-<seq>`, or `<hall>-<seq>-near-<ticket>` for a `ticket.near`. */
export function deliveryId(hall: string, seq: number, nearTicket?: string): string {
  return nearTicket === undefined ? `${hall}-${seq}` : `${hall}-${seq}-near-${nearTicket}`;
}

export function eventDelivery(hall: string, event: HallEvent): Delivery {
  const { seq, type, at, ...data } = publicEvent(event);
  return { id: deliveryId(hall, seq), hall, seq, type, at, data };
}

/** A `ticket.near` as stored with the event that caused it, and the ticket's status page. */
export function nearDelivery(
  hall: string,
  seq: number,
  at: string,
  near: NearTicket,
  status: { statusPath: string | null; statusUrl: string | null },
): Delivery {
  return { id: deliveryId(hall, seq, near.ticket.id), hall, seq, type: NEAR, at, data: { ...near, ...status } };
}

/**
 * A citizen's booking made or cancelled (issue 26): `<hall>-<seq>-<type>-<code>`, with the seq of
 * its appointment event; `data` is `{ booking: { code, day, from, to, category }, mobile? }`.
 */
export function bookingDelivery(hall: string, seq: number, type: BookingEventType, at: string, data: { booking: { code: string }; reminder?: string } & Record<string, unknown>): Delivery {
  const which = data.reminder ? `-${data.reminder}` : "";
  return { id: `${hall}-${seq}-${type}-${data.booking.code}${which}`, hall, seq, type, at, data };
}

const encoder = new TextEncoder();

/** `sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. */
export async function signature(secret: string, timestamp: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`)));
  return `sha256=${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

export async function deliveryHeaders(secret: string, body: string, unixSeconds: number, delivery: Pick<Delivery, "id" | "type">): Promise<Record<string, string>> {
  const timestamp = String(unixSeconds);
  return {
    "Content-Type": "application/json; charset=utf-8",
    "User-Agent": "Tongban-Webhooks/1",
    "X-Tongban-Event": delivery.type,
    "X-Tongban-Delivery": delivery.id,
    "X-Tongban-Timestamp": timestamp,
    "X-Tongban-Signature": await signature(secret, timestamp, body),
  };
}
