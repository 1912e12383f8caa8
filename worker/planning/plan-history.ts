/**
 * A day to plan from a hall's own history: the same weekday over the last four weeks, read from
 * the statistics the hall already keeps (tickets per hour of arrival, and per category with its
 * service times), turned into a scenario the planner can play.
 *
 * The statistics keep counts, not citizens, so the day is rebuilt: each hour gets the mean of
 * those days' arrivals in it, spread evenly through the hour; categories are dealt out in the
 * days' overall mix; each citizen's service takes the category's mean service time on those
 * days (else the learnt or configured one). A plan for it is a plan for an ordinary such day.
 *
 * The day's bookings come on top (issue 26 §4): each booked citizen arrives in the half hour
 * booked, spread through it, with an appointment ticket; `load` says, per half hour, how many
 * citizens the history forecasts and how many are booked.
 */
import type { Scenario } from "../insights/scenario.js";
import type { StatsRow } from "../statistics/stats.js";

export interface HallHistory {
  /** The date to plan, YYYY-MM-DD. */
  date: string;
  timezone: string;
  alarmMinutes: number;
  targetWaitMinutes: number;
  categories: Array<{ id: string; prefix: string; name: string; serviceMinutes: number }>;
  windows: Array<{ id: string; label: string; categories: string[] }>;
  /** Rows by hour of arrival, one per day (`from` = `to` = the day). */
  hours: StatsRow[];
  /** Rows by category, one per day. */
  categoryRows: StatsRow[];
  /** The day's bookings still standing, by half hour (HH:MM) and category. */
  bookings?: Array<{ slot: string; category: string; count: number }>;
}

/** Citizens expected in one half hour of the day: forecast from history, and booked. */
export interface SlotLoad {
  from: string;
  to: string;
  forecast: number;
  booked: number;
}

const two = (n: number) => String(n).padStart(2, "0");
/** HH:MM:SS of a second of the day (24:00 at the end of it). */
const clock = (second: number) => `${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}`;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The four same weekdays before `date`, newest first. */
export function referenceDays(date: string): string[] {
  const at = Date.parse(`${date}T00:00:00Z`);
  return [7, 14, 21, 28].map((d) => new Date(at - d * 86_400_000).toISOString().slice(0, 10));
}

/** The day rebuilt from the days of `referenceDays` that had tickets; null when none had. */
export function dayFromHistory(h: HallHistory): { scenario: Scenario; days: string[]; load: SlotLoad[] } | null {
  const wanted = new Set(referenceDays(h.date));
  const hours = h.hours.filter((r) => wanted.has(r.from) && r.issued > 0);
  const days = [...new Set(hours.map((r) => r.from))].sort().reverse();
  if (days.length === 0) return null;
  const rows = h.categoryRows.filter((r) => days.includes(r.from));

  const perHour = new Map<number, number>();
  for (const r of hours) perHour.set(Number(r.key), (perHour.get(Number(r.key)) ?? 0) + r.issued);
  const share = new Map<string, number>();
  const service = new Map<string, { minutes: number; served: number }>();
  for (const r of rows) {
    share.set(r.key, (share.get(r.key) ?? 0) + r.issued);
    const s = service.get(r.key) ?? { minutes: 0, served: 0 };
    if (r.service.meanMinutes !== null) service.set(r.key, { minutes: s.minutes + r.service.meanMinutes * r.service.count, served: s.served + r.service.count });
  }
  const known = h.categories.filter((c) => (share.get(c.id) ?? 0) > 0);
  const mix = known.length ? known : h.categories;
  const total = mix.reduce((n, c) => n + (share.get(c.id) ?? 1), 0);
  const serviceSeconds = (id: string) => {
    const s = service.get(id);
    const minutes = s && s.served > 0 ? s.minutes / s.served : h.categories.find((c) => c.id === id)!.serviceMinutes;
    return Math.max(30, Math.round(minutes * 60));
  };

  const arrivals: Scenario["arrivals"] = [];
  const dealt = new Map(mix.map((c) => [c.id, 0]));
  let handed = 0;
  for (const [hour, count] of [...perHour].sort((a, b) => a[0] - b[0])) {
    const n = Math.round(count / days.length);
    for (let i = 0; i < n; i++) {
      // Deal each citizen to the category furthest behind its share so far.
      handed++;
      const next = mix.reduce((best, c) => {
        const lag = ((share.get(c.id) ?? 1) / total) * handed - dealt.get(c.id)!;
        const bestLag = ((share.get(best.id) ?? 1) / total) * handed - dealt.get(best.id)!;
        return lag > bestLag ? c : best;
      });
      dealt.set(next.id, dealt.get(next.id)! + 1);
      arrivals.push({ at: clock(hour * 3600 + Math.floor(((i + 0.5) * 3600) / n)), category: next.id, serviceSeconds: serviceSeconds(next.id) });
    }
  }
  const forecastBySlot = new Map<number, number>();
  for (const a of arrivals) {
    const slot = Math.floor(minutesOf(a.at) / 30) * 30;
    forecastBySlot.set(slot, (forecastBySlot.get(slot) ?? 0) + 1);
  }
  const bookedBySlot = new Map<number, number>();
  const categories = new Set(h.categories.map((c) => c.id));
  for (const b of h.bookings ?? []) {
    if (!categories.has(b.category) || b.count <= 0) continue;
    const slot = minutesOf(b.slot);
    bookedBySlot.set(slot, (bookedBySlot.get(slot) ?? 0) + b.count);
    for (let i = 0; i < b.count; i++) {
      const second = slot * 60 + Math.floor(((i + 0.5) * 1800) / b.count);
      arrivals.push({ at: clock(second), category: b.category, priority: "appointment", serviceSeconds: serviceSeconds(b.category) });
    }
  }
  arrivals.sort((a, b) => a.at.localeCompare(b.at));
  const hoursUsed = [...perHour.keys(), ...[...bookedBySlot.keys()].map((m) => Math.floor(m / 60))];
  const open = Math.min(...hoursUsed);
  const close = Math.min(24, Math.max(...hoursUsed) + 1);
  const time = (hour: number) => (hour >= 24 ? "23:30" : `${String(hour).padStart(2, "0")}:00`);
  const load: SlotLoad[] = [];
  for (let m = open * 60; m < Math.min(24 * 60, close * 60); m += 30) {
    load.push({ from: clock(m * 60).slice(0, 5), to: clock((m + 30) * 60).slice(0, 5), forecast: forecastBySlot.get(m) ?? 0, booked: bookedBySlot.get(m) ?? 0 });
  }
  return {
    days,
    load,
    scenario: {
      name: `plan for ${h.date}`,
      timezone: h.timezone,
      alarmMinutes: h.alarmMinutes,
      targetWaitMinutes: h.targetWaitMinutes,
      date: h.date,
      categories: h.categories.map((c) => ({ id: c.id, prefix: c.prefix, name: c.name, serviceMinutes: c.serviceMinutes })),
      windows: h.windows.map((w) => ({ id: w.id, label: w.label, categories: w.categories, opens: time(open), closes: time(close) })),
      arrivals,
    },
  };
}
