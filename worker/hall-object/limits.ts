/**
 * Per-socket limits on what clients send. Screens send nothing but "ping" (answered by the
 * runtime without running our code) and announcers an occasional small status report, so a
 * big message closes the socket with 1009 (message too big) and a chatty client with 1008
 * (policy violation).
 *
 * Counts live in memory, keyed by the socket object (the runtime hands the same object to every
 * handler while the hall is awake). Waking from hibernation starts every count afresh, which
 * only ever forgives a client that was quiet long enough for the hall to hibernate.
 */

/** Client messages above this many bytes close the socket (1009: message too big). */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;

/** Whether a message is over the limit, counting text as the UTF-8 bytes that came over the wire. */
export function isTooBig(message: string | ArrayBuffer): boolean {
  if (typeof message !== "string") return message.byteLength > MAX_CLIENT_MESSAGE_BYTES;
  // A UTF-16 unit is 1 to 3 bytes of UTF-8: only text in between needs encoding to tell.
  if (message.length > MAX_CLIENT_MESSAGE_BYTES) return true;
  if (message.length * 3 <= MAX_CLIENT_MESSAGE_BYTES) return false;
  return new TextEncoder().encode(message).byteLength > MAX_CLIENT_MESSAGE_BYTES;
}

/** At most this many messages per socket in any one window of `RATE_WINDOW_MS`. */
export const MAX_MESSAGES_PER_WINDOW = 20;
export const RATE_WINDOW_MS = 10_000;

export class MessageRate {
  #windows = new WeakMap<WebSocket, { start: number; count: number }>();

  /** Counts one message from `ws`; false once it is over the limit. */
  allow(ws: WebSocket, now: number): boolean {
    const current = this.#windows.get(ws);
    if (!current || now - current.start >= RATE_WINDOW_MS) {
      this.#windows.set(ws, { start: now, count: 1 });
      return true;
    }
    current.count++;
    return current.count <= MAX_MESSAGES_PER_WINDOW;
  }
}
