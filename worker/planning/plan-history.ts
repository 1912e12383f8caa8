/**
 * A day to plan from a hall's own history: the same weekday over the last four weeks, read from
 * the statistics the hall already keeps (tickets per hour of arrival, and per category with its
 * service times), turned into a scenario the planner can play.
 *
 * The statistics keep counts, not citizens, so the day is rebuilt: each hour gets the mean of
 * those days' arrivals in it, spread evenly through the hour; categories are dealt out in the
 * days' overall mix; each citizen's service takes the category's mean service time on those
 * days (else the learnt or configured one). A plan for it is a plan for an ordinary such day.
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
}

/** The four same weekdays before `date`, newest first. */
export function referenceDays(date: string): string[] {
  const at = Date.parse(`${date}T00:00:00Z`);
  return [7, 14, 21, 28].map((d) => new Date(at - d * 86_400_000).toISOString().slice(0, 10));
}

/** The day rebuilt from the days of `referenceDays` that had tickets; null when none had. */
export function dayFromHistory(h: HallHistory): { scenario: Scenario; days: string[] } | null {
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
      const second = Math.floor(((i + 0.5) * 3600) / n);
      const at = `${String(hour).padStart(2, "0")}:${String(Math.floor(second / 60)).padStart(2, "0")}:${String(second % 60).padStart(2, "0")}`;
      arrivals.push({ at, category: next.id, serviceSeconds: serviceSeconds(next.id) });
    }
  }
  const open = Math.min(...perHour.keys());
  const close = Math.min(24, Math.max(...perHour.keys()) + 1);
  const time = (hour: number) => (hour >= 24 ? "23:30" : `${String(hour).padStart(2, "0")}:00`);
  return {
    days,
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
