/**
 * Joining today's queue from home (线上取号, issue 26 item 2). The ticket is issued at once and
 * keeps its place, but it is *on the way* until the citizen checks in with its code at the kiosk
 * or a window. A window that would call it before then calls the next waiting citizen instead and
 * the ticket steps back behind that citizen; after `remoteHolds` such steps it expires, with the
 * reason on its status page. A service's line holds at most `remoteShare` of on-the-way tickets,
 * so walk-ins are never starved by people who are not yet there.
 *
 * @example
 * joinRemote(state, { category: "id", code: "482913", citizen: { idHash } }, at) // ticket.issued with remote: { code, holds: 0, arrivedAt: null }
 * checkInRemote(state, "482913", at) // ticket.arrived: the ticket is called like any other from now on
 */
import { issueTicket } from "./issue.js";
import { activeTickets, todaysTickets } from "./ledger.js";
import type { CitizenMark, HallState, Ticket } from "./model.js";
import type { Decision } from "./outcome.js";
import type { HallEventBody } from "./events.js";
import { reject, type Rejection } from "./rejection.js";

/** Share of a service's line that may be on the way, by default. */
export const DEFAULT_REMOTE_SHARE = 0.3;
/** Steps back before an on-the-way ticket expires, by default. */
export const DEFAULT_REMOTE_HOLDS = 3;

/** Joined from home, not yet checked in, and still in line. */
export function onTheWay(t: Ticket): boolean {
  return t.status === "waiting" && t.remote !== undefined && t.remote.arrivedAt === null;
}

/**
 * On-the-way tickets a service's line of `line` waiting tickets may hold: `share` of it, rounded
 * down, but at least one while the share is above 0 (so a quiet hall still takes someone from home).
 *
 * @example
 * remoteCap(0.3, 10) // 3
 * remoteCap(0.3, 1)  // 1
 */
export function remoteCap(share: number, line: number): number {
  if (share <= 0) return 0;
  return Math.max(1, Math.floor(share * line + 1e-9));
}

/** Today's ticket joined from home with this code, active or not. */
export function remoteTicket(state: HallState, code: string): Ticket | undefined {
  return activeTickets(state).find((t) => t.remote?.code === code) ?? todaysTickets(state).find((t) => t.remote?.code === code);
}

/** A ticket for today taken from home: the service must be open, the person new today, and the line's share not yet on the way. */
export function joinRemote(state: HallState, request: { category: string; code: string; citizen: CitizenMark }, at: string): Decision | Rejection {
  const category = state.categories.find((c) => c.id === request.category);
  if (!category) return reject("unknown_category", `no category "${request.category}" in this hall`, { category: request.category });
  const share = state.settings.remoteShare ?? DEFAULT_REMOTE_SHARE;
  if (share <= 0) {
    return reject("conflict", "本厅不提供线上取号 · this hall does not take tickets from home", { cap: "remoteShare", limit: 0 });
  }
  const { idHash } = request.citizen;
  const joined = todaysTickets(state).find((t) => t.remote && t.citizen?.idHash === idHash);
  if (joined) {
    return reject("conflict", `此证件今天已线上取号 ${joined.number} · this ID number already joined the queue from home today (${joined.number}): once a day`, {
      ticket: joined.number,
      idNumber: "one ticket from home per person per day",
    });
  }
  if (state.appointments[request.code] || remoteTicket(state, request.code)) {
    return reject("conflict", `code ${request.code} is taken`, { code: request.code });
  }
  const waiting = activeTickets(state).filter((t) => t.status === "waiting" && t.category === category.id);
  const coming = waiting.filter(onTheWay).length;
  const limit = remoteCap(share, waiting.length + 1);
  if (coming + 1 > limit) {
    return reject(
      "conflict",
      `${category.names["zh-Hans"]}线上取号已满，请到现场取号 · ${category.names.en}: ${coming} of ${waiting.length} waiting are already on the way, the most this hall's remoteShare (${share}) allows; take a number at the hall`,
      { cap: "remoteShare", limit, share, onTheWay: coming, waiting: waiting.length, category: category.id },
    );
  }
  return issueTicket(state, { category: category.id, priority: "normal", citizen: request.citizen, remote: { code: request.code, holds: 0, arrivedAt: null } }, at);
}

/** The citizen checks in with the code: from now on the ticket is called like any other. */
export function checkInRemote(state: HallState, code: string, at: string): Decision | Rejection {
  const t = remoteTicket(state, code);
  if (!t) return reject("unknown_appointment", `预约码 ${code} 不存在 · no appointment or ticket with code ${code} today`, { code });
  if (t.status !== "waiting") {
    const why = t.cancelReason ? `: ${t.cancelReason}` : "";
    return reject("conflict", `${t.number} 已${t.status === "cancelled" ? "失效" : "叫号"} · ${t.number} is ${t.status}${why}`, { code, ticket: t.number, status: t.status });
  }
  if (t.remote!.arrivedAt !== null) return reject("conflict", `${t.number} 已签到 · ${t.number} is already checked in`, { code, ticket: t.number });
  const ticket: Ticket = { ...t, remote: { ...t.remote!, arrivedAt: at } };
  return { events: [{ type: "ticket.arrived", ticket }], result: { ticket } };
}

/** Why an on-the-way ticket expired, as its status page shows it. */
export function expiryReason(holds: number): string {
  return `未及时签到，已让号 ${holds} 次，号码失效 · not checked in: passed ${holds} times while on the way, so it expired`;
}

/**
 * What becomes of the on-the-way tickets a window passed over to call `called`: each steps back
 * behind it, or expires once it has stepped back `remoteHolds` times already.
 */
export function stepBack(state: HallState, passed: readonly Ticket[], called: Ticket, at: string): HallEventBody[] {
  const most = state.settings.remoteHolds ?? DEFAULT_REMOTE_HOLDS;
  return passed.map((t): HallEventBody => {
    const holds = t.remote!.holds;
    if (holds >= most) {
      const reason = expiryReason(holds);
      return { type: "ticket.cancelled", ticket: { ...t, status: "cancelled", finishedAt: at, cancelReason: reason }, reason };
    }
    // Just behind the citizen called: a millisecond later in the queue, never earlier than it stood.
    const behind = new Date(Date.parse(called.queuedAt) + 1).toISOString();
    const queuedAt = behind > t.queuedAt ? behind : t.queuedAt;
    return { type: "ticket.held", ticket: { ...t, queuedAt, remote: { ...t.remote!, holds: holds + 1 } }, behind: called.number };
  });
}
