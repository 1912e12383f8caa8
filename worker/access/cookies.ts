/**
 * Reads one cookie by name from the request, as sent. Tongban's cookie values are plain
 * `[a-z0-9.-]` and never percent-encoded, so nothing is decoded: a malformed `%` sequence is a
 * bad credential (its shape check fails → 401), not an exception (a 500).
 */
export function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
