/**
 * The hall's load now — who waits, how long a newcomer would, who is at a window, today's waits —
 * without Erlang C or the day's outlook. The data wall's figures (figures.ts) are built on it,
 * and so is the report every busy hall sends its region up to once every 2 s
 * (worker/regions/summary.ts), so both count the same way at a fraction of the wall's cost.
 *
 * - Waiting and a newcomer's estimated wait per category: the estimates (worker/core/estimates.ts),
 *   the same figures the hall's screens and GET /api/halls/{hall} show.
 * - Wait of a ticket: its first call − issuedAt, for every ticket called today, counted and read
 *   (mean, nearest-rank p90) by worker/statistics/durations.ts exactly as the statistics count
 *   them, so the data wall, the regions and GET /stats agree for today.
 */
import { countDuration, durationFigures, noDurations } from "../statistics/durations.js";
import { estimateHall } from "../core/estimates.js";
import { onTheWay } from "../core/remote.js";
import type { Category, HallState, Ticket } from "../core/model.js";

export interface WaitStats {
  /** Tickets called today. */
  count: number;
  averageMinutes: number | null;
  p90Minutes: number | null;
}

export interface CategoryLoad {
  category: Category;
  /** Today's tickets in this category. */
  tickets: Ticket[];
  waiting: number;
  /** For a normal ticket issued now, or null when no open window serves the category. */
  estimatedWaitMinutes: number | null;
  /** When the oldest waiting ticket joined the line (ms), or null when nobody waits. */
  oldestQueuedAt: number | null;
}

export interface HallLoad {
  /** Today's tickets, in issue order. */
  tickets: Ticket[];
  /** The hall's categories, in its order. */
  categories: CategoryLoad[];
  totals: {
    issued: number;
    /** Every waiting ticket, those on the way from home included. */
    waiting: number;
    /** Of those waiting, taken from home and not yet checked in (worker/core/remote.ts, issue 26). */
    onTheWay: number;
    /** In service at a window (status serving); a citizen called but not yet at the window is not (issue 25 §8). */
    beingServed: number;
    /** Called, not yet being served. */
    called: number;
    served: number;
    noShow: number;
    waits: WaitStats;
  };
  windowsOpen: number;
}

/** Today's waits, issue to first call, through the statistics' own duration counts. */
export function waitStats(tickets: Iterable<Ticket>): WaitStats {
  const counts = noDurations();
  for (const t of tickets) {
    const first = t.firstCalledAt ?? t.calledAt;
    if (first) countDuration(counts, Date.parse(first) - Date.parse(t.issuedAt));
  }
  const f = durationFigures(counts);
  return { count: f.count, averageMinutes: f.meanMinutes, p90Minutes: f.p90Minutes };
}

export function hallLoad(state: HallState, now: number): HallLoad {
  const estimates = estimateHall(state, now);
  const tickets = Object.values(state.tickets);
  const byCategory = new Map<string, Ticket[]>(state.categories.map((c) => [c.id, []]));
  const byStatus = new Map<Ticket["status"], number>();
  for (const t of tickets) {
    byCategory.get(t.category)?.push(t);
    byStatus.set(t.status, (byStatus.get(t.status) ?? 0) + 1);
  }
  const count = (status: Ticket["status"]) => byStatus.get(status) ?? 0;
  const categories = state.categories.map((category): CategoryLoad => {
    const list = byCategory.get(category.id) ?? [];
    const e = estimates.categories.get(category.id);
    let oldest = Infinity;
    for (const t of list) if (t.status === "waiting") oldest = Math.min(oldest, Date.parse(t.queuedAt));
    return {
      category,
      tickets: list,
      waiting: e?.waiting ?? 0,
      estimatedWaitMinutes: e?.estimatedWaitMinutes ?? null,
      oldestQueuedAt: Number.isFinite(oldest) ? oldest : null,
    };
  });
  return {
    tickets,
    categories,
    totals: {
      issued: tickets.length,
      waiting: estimates.order.length,
      onTheWay: estimates.order.filter(onTheWay).length,
      beingServed: count("serving"),
      called: count("called"),
      served: count("done"),
      noShow: count("no_show"),
      waits: waitStats(tickets),
    },
    windowsOpen: state.windows.filter((w) => w.state === "open").length,
  };
}
