/**
 * Writes the shipped scenario days (scenarios/*.json) from the field reports' figures, with a
 * seeded random generator so every run writes the same files, then plays each under both call
 * policies, plans its windows beside Laibin's rule (officer-hours), and writes
 * scenarios/POLICY-TABLE.md.
 *
 *   npm run scenarios
 *
 * Arrivals follow a day curve (a morning peak, a lunch dip, a smaller afternoon peak) as a
 * Poisson process by thinning; service times are log-normal around each category's mean.
 */
import { writeFileSync } from "node:fs";
import { adviseStaffing } from "../worker/insights/advisor.js";
import { countDuration, durationFigures, noDurations } from "../worker/statistics/durations.js";
import { planDay } from "../worker/planning/plan.js";
import { hallDay, SLOT_MINUTES, timeOf, windowHours, withRota, type RotaWindow } from "../worker/planning/rota.js";
import { shiftsOf } from "../worker/insights/scenario.js";
import { replayDay, simulateDay, type Arrival, type DayReport, type Scenario, type SimulatedDay, type WaitSummary } from "../worker/insights/simulate.js";

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same day. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Relative arrival intensity by local hour (08 → 1.6 means 1.6× the day's average rate). */
const DAY_CURVE: Record<number, number> = { 8: 1.0, 9: 1.5, 10: 1.4, 11: 1.1, 12: 0.6, 13: 0.8, 14: 1.1, 15: 1.2, 16: 0.9, 17: 0.6, 18: 0.5 };

interface Mix {
  category: string;
  perDay: number;
  serviceMinutes: number;
  /** Share of tickets with each priority; the rest are normal. */
  priorities?: Partial<Record<NonNullable<Arrival["priority"]>, number>>;
}

const clock = (seconds: number) =>
  [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((v) => String(v).padStart(2, "0")).join(":");

function arrivals(seed: number, mix: Mix[], from: string, to: string, noShowShare: number): Arrival[] {
  const random = generator(seed);
  const secondsOf = (hm: string) => Number(hm.slice(0, 2)) * 3600 + Number(hm.slice(3, 5)) * 60;
  const start = secondsOf(from);
  const end = secondsOf(to);
  const weight = (s: number) => DAY_CURVE[Math.floor(s / 3600)] ?? 0.3;
  let total = 0;
  for (let s = start; s < end; s += 60) total += weight(s) * 60;
  const peak = Math.max(...Object.values(DAY_CURVE));
  const out: Array<Arrival & { second: number }> = [];
  for (const m of mix) {
    // Poisson by thinning: candidates at the peak rate, each kept with weight/peak.
    const peakRate = (m.perDay / total) * peak;
    for (let s = start; ; ) {
      s += -Math.log(1 - random()) / peakRate;
      if (s >= end) break;
      if (random() > weight(s) / peak) continue;
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      const sigma = 0.5;
      const service = m.serviceMinutes * 60 * Math.exp(sigma * z - (sigma * sigma) / 2);
      const arrival: Arrival & { second: number } = {
        second: Math.floor(s),
        at: clock(Math.floor(s)),
        category: m.category,
        serviceSeconds: Math.min(3600, Math.max(30, Math.round(service))),
      };
      let r = random();
      for (const [priority, share] of Object.entries(m.priorities ?? {})) {
        if (r < share) {
          arrival.priority = priority as Arrival["priority"];
          break;
        }
        r -= share;
      }
      if (random() < noShowShare) arrival.noShow = true;
      out.push(arrival);
    }
  }
  return out.sort((a, b) => a.second - b.second).map(({ second: _, ...a }) => a);
}

const PRIORITIES = { elderly: 0.05, disabled: 0.01, green: 0.005 };

const scenarios: Array<{ file: string; title: string; windowsInHall: number; scenario: Scenario }> = [
  {
    file: "gucun-comprehensive",
    title: "Shanghai Gucun station: 8 desks merged into 4 comprehensive windows; traffic violations ~350 a day, two thirds of the work",
    windowsInHall: 4,
    scenario: {
      name: "宝山分局顾村派出所综合窗口",
      timezone: "Asia/Shanghai",
      alarmMinutes: 10,
      categories: [
        { id: "traffic", prefix: "C", name: "交管" },
        { id: "household", prefix: "A", name: "户政" },
        { id: "exit-entry", prefix: "B", name: "出入境" },
      ],
      // Two windows lean to traffic, two to household and certificates, all four take everything.
      windows: [
        { id: "1", label: "综合窗口", categories: ["traffic", "household", "exit-entry"], opens: "08:30", closes: "17:00" },
        { id: "2", label: "综合窗口", categories: ["traffic", "household", "exit-entry"], opens: "08:30", closes: "17:00" },
        { id: "3", label: "综合窗口", categories: ["household", "exit-entry", "traffic"], opens: "08:30", closes: "17:00" },
        { id: "4", label: "综合窗口", categories: ["exit-entry", "household", "traffic"], opens: "08:30", closes: "17:00" },
      ],
      arrivals: arrivals(
        20191105,
        [
          { category: "traffic", perDay: 350, serviceMinutes: 2, priorities: PRIORITIES },
          { category: "household", perDay: 110, serviceMinutes: 4.5, priorities: { ...PRIORITIES, appointment: 0.1 } },
          { category: "exit-entry", perDay: 65, serviceMinutes: 5.5, priorities: { ...PRIORITIES, appointment: 0.2 } },
        ],
        "08:30",
        "16:45",
        0.03,
      ),
    },
  },
  {
    file: "township-two-in-one",
    title: "A Guangxi township station: two 二合一 windows (household + traffic) of its three, no lunch break (午休不间断)",
    windowsInHall: 3,
    scenario: {
      name: "乡镇派出所二合一窗口",
      timezone: "Asia/Shanghai",
      alarmMinutes: 10,
      categories: [
        { id: "household", prefix: "A", name: "户政" },
        { id: "traffic", prefix: "C", name: "交管" },
      ],
      windows: [
        { id: "1", label: "二合一综合窗口", categories: ["household", "traffic"], opens: "08:00", closes: "17:30" },
        { id: "2", label: "二合一综合窗口", categories: ["traffic", "household"], opens: "08:00", closes: "17:30" },
      ],
      arrivals: arrivals(
        20231225,
        [
          { category: "household", perDay: 75, serviceMinutes: 7, priorities: { ...PRIORITIES, elderly: 0.12 } },
          { category: "traffic", perDay: 55, serviceMinutes: 4, priorities: PRIORITIES },
        ],
        "08:00",
        "17:15",
        0.04,
      ),
    },
  },
  {
    file: "big-centre",
    title: "A district centre like Nanjing Jiangning (早八晚七, 08:00–19:00): 24 windows, specialist and 三合一, two 五星 difficult-cases windows",
    windowsInHall: 24,
    scenario: {
      name: "区公安分局行政服务中心",
      timezone: "Asia/Shanghai",
      alarmMinutes: 10,
      categories: [
        { id: "household", prefix: "A", name: "户政" },
        { id: "exit-entry", prefix: "B", name: "出入境" },
        { id: "traffic", prefix: "C", name: "交管" },
        { id: "security", prefix: "D", name: "治安" },
        { id: "difficult", prefix: "E", name: "疑难问题" },
      ],
      windows: [
        ...[1, 2, 3, 4, 5, 6].map((n) => ({ id: String(n), label: "三合一综合窗口", categories: ["household", "exit-entry", "traffic"], opens: "08:00", closes: "19:00" })),
        ...[7, 8, 9, 10, 11].map((n) => ({ id: String(n), label: "户政专窗", categories: ["household"], opens: n <= 9 ? "08:00" : "09:00", closes: n <= 9 ? "19:00" : "17:00" })),
        ...[12, 13, 14, 15].map((n) => ({ id: String(n), label: "出入境专窗", categories: ["exit-entry"], opens: "08:00", closes: n <= 13 ? "19:00" : "17:00" })),
        ...[16, 17, 18, 19].map((n) => ({ id: String(n), label: "交管专窗", categories: ["traffic"], opens: "08:00", closes: n <= 17 ? "19:00" : "17:00" })),
        { id: "20", label: "治安窗口", categories: ["security", "household"], opens: "08:00", closes: "19:00" },
        { id: "21", label: "五星窗口", categories: ["difficult", "security"], opens: "08:00", closes: "19:00" },
        { id: "22", label: "五星窗口", categories: ["difficult"], opens: "09:00", closes: "17:00" },
        ...[23, 24].map((n) => ({ id: String(n), label: "三合一综合窗口", categories: ["exit-entry", "household", "traffic"], opens: "12:00", closes: "19:00" })),
      ],
      arrivals: arrivals(
        20190102,
        [
          { category: "household", perDay: 650, serviceMinutes: 6, priorities: { ...PRIORITIES, appointment: 0.15 } },
          { category: "exit-entry", perDay: 420, serviceMinutes: 8, priorities: { ...PRIORITIES, appointment: 0.25 } },
          { category: "traffic", perDay: 450, serviceMinutes: 3.5, priorities: PRIORITIES },
          { category: "security", perDay: 40, serviceMinutes: 10, priorities: PRIORITIES },
          { category: "difficult", perDay: 10, serviceMinutes: 20 },
        ],
        "08:00",
        "18:45",
        0.03,
      ),
    },
  },
];

const fmt = (v: number | null) => (v === null ? "–" : v.toFixed(1));
const cells = (s: WaitSummary) => [String(s.served), fmt(s.meanWaitMinutes), fmt(s.p90WaitMinutes), fmt(s.maxWaitMinutes)];

/** Waits of the citizens whose arrival has one of `priorities` (the fifo day issues them as normal). */
function priorityWaits(scenario: Scenario, day: SimulatedDay, priorities: string[]): WaitSummary {
  const waits = noDurations();
  let served = 0;
  const theirs = (id: string) => priorities.includes(scenario.arrivals[day.arrivalOf.get(id)!]!.priority ?? "normal");
  for (const e of day.events) {
    if (e.type === "ticket.called" && e.ticket.callCount === 1 && theirs(e.ticket.id)) countDuration(waits, Date.parse(e.at) - Date.parse(e.ticket.issuedAt));
    if (e.type === "ticket.finished" && theirs(e.ticket.id)) served++;
  }
  const f = durationFigures(waits);
  return { served, meanWaitMinutes: f.meanMinutes, p90WaitMinutes: f.p90Minutes, maxWaitMinutes: f.maxMinutes };
}

const table: string[] = [
  "# Call policies compared on the shipped scenario days",
  "",
  "Written by `scripts/make-scenarios.ts`; every figure is `npm run simulate -- scenarios/<file>.json [--policy fifo]`.",
  "Waits are minutes from ticket to first call; p90 is the nearest-rank 90th percentile. **fifo** is a plain",
  "ticket machine (one line by ticket time, no priorities); **Tongban** is the hall's policy (alarm line 10 min,",
  "priorities, each window's preferred categories 2 min ahead per place). Both run through the same `decide`.",
  "The Erlang C line is the advisor's answer for each scenario's busiest hour (target mean 8.2 min, 90% within 10).",
  "",
];

for (const { file, title, windowsInHall, scenario } of scenarios) {
  writeFileSync(
    `scenarios/${file}.json`,
    JSON.stringify({ ...scenario, arrivals: [] }, null, 2).replace('"arrivals": []', `"arrivals": [\n${scenario.arrivals.map((a) => `    ${JSON.stringify(a)}`).join(",\n")}\n  ]`) + "\n",
  );
  const started = performance.now();
  const tongban = replayDay(scenario);
  const ms = performance.now() - started;
  const fifo = replayDay(scenario, { policy: "fifo" });
  const names = new Map(scenario.categories.map((c) => [c.id, c.name ?? c.id]));
  process.stderr.write(`${file}: ${scenario.arrivals.length} citizens, one Tongban run in ${ms.toFixed(0)} ms\n`);
  table.push(`## ${file}`, "", `${title}. ${scenario.arrivals.length} citizens, ${scenario.windows.length} windows.`, "");
  table.push("| who | fifo served | fifo mean | fifo p90 | fifo max | Tongban served | Tongban mean | Tongban p90 | Tongban max |");
  table.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  table.push(`| all | ${cells(fifo.report.overall).join(" | ")} | ${cells(tongban.report.overall).join(" | ")} |`);
  for (const c of scenario.categories) {
    table.push(`| ${names.get(c.id)} ${c.id} | ${cells(fifo.report.categories[c.id]!).join(" | ")} | ${cells(tongban.report.categories[c.id]!).join(" | ")} |`);
  }
  for (const [label, priorities] of [
    ["elderly, disabled, green channel", ["elderly", "disabled", "green"]],
    ["appointments", ["appointment"]],
  ] as const) {
    if (!scenario.arrivals.some((a) => (priorities as readonly string[]).includes(a.priority ?? "normal"))) continue;
    const row = (day: SimulatedDay) => cells(priorityWaits(scenario, day, [...priorities])).join(" | ");
    table.push(`| *${label}* | ${row(fifo)} | ${row(tongban)} |`);
  }
  const hourOf = (a: Arrival) => a.at.slice(0, 2);
  const counts = new Map<string, number>();
  for (const a of scenario.arrivals) counts.set(hourOf(a), (counts.get(hourOf(a)) ?? 0) + 1);
  const [busiest, inBusiest] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  const mean = (category: string) => {
    const own = scenario.arrivals.filter((a) => a.category === category);
    return own.reduce((s, a) => s + a.serviceSeconds, 0) / own.length / 60;
  };
  const advice = adviseStaffing({
    demand: scenario.categories.map((c) => ({
      category: c.id,
      arrivalsPerHour: scenario.arrivals.filter((a) => a.category === c.id && hourOf(a) === busiest).length,
      serviceMinutes: mean(c.id),
    })),
    dailyVolume: scenario.arrivals.length,
    windowsInHall,
  });
  table.push(
    "",
    `Busiest hour ${busiest}:00: ${inBusiest} tickets. Erlang C: ${advice.comprehensive.windows} comprehensive windows ` +
      `(or ${advice.separateWindows} category windows: ${advice.categories.map((c) => `${names.get(c.category)} ${c.windows}`).join(", ")}); ` +
      `Laibin's rule for ${scenario.arrivals.length} a day opens ${advice.laibin.windows} of ${windowsInHall}.`,
    "",
  );
  table.push(...rotaTable(scenario), "");
}

/** The day's windows as given, Laibin's rule, and the planner's rota, in window-hours and waits. */
function rotaTable(scenario: Scenario): string[] {
  const plan = planDay(scenario);
  const laibinWindows = plan.laibin.windows;
  const day = hallDay(scenario);
  const allDay = { opens: timeOf(day.start), closes: timeOf(day.start + day.slots * SLOT_MINUTES) };
  const asGiven: RotaWindow[] = scenario.windows.map((w) => ({ id: w.id, categories: w.categories, shifts: shiftsOf(w) }));
  const laibin: RotaWindow[] = scenario.windows.slice(0, laibinWindows).map((w) => ({ id: w.id, categories: w.categories, shifts: [allDay] }));
  const rows: Array<[string, number, Pick<DayReport, "overall" | "categories">]> = [
    [`the day's ${scenario.windows.length} windows as given`, windowHours(asGiven), simulateDay(scenario)],
    [`Laibin's rule: ${laibinWindows} of the day's ${scenario.windows.length} windows all day`, plan.laibin.windowHours, simulateDay(withRota(scenario, laibin))],
    [`planned (\`npm run plan\`)${plan.feasible ? "" : ", short of windows"}`, plan.windowHours, plan.simulated],
  ];
  if (!plan.feasible) {
    const borrowing = planDay(scenario, { maxWindows: 2 * scenario.windows.length });
    const extra = borrowing.windows.filter((w) => w.id.startsWith("extra-")).length;
    rows.push([`planned with up to ${2 * scenario.windows.length} (\`--max-windows\`): ${extra} borrowed`, borrowing.windowHours, borrowing.simulated]);
  }
  const worst = (r: Pick<DayReport, "categories">) => Math.max(...Object.values(r.categories).map((c) => c.p90WaitMinutes ?? 0));
  const meets = (r: Pick<DayReport, "overall" | "categories">) =>
    (r.overall.meanWaitMinutes ?? 0) <= 8.2 && worst(r) <= scenario.alarmMinutes && r.overall.unserved === 0 && r.overall.turnedAway === 0;
  return [
    `Officer-hours: ${plan.feasible ? "the plan meets the targets" : `the plan cannot meet the targets with ${scenario.windows.length} windows; short ${plan.shortfall.map((f) => `${f.from}–${f.to} by ${f.extraWindows}`).join(", ")}`}.`,
    "",
    "| rota | window-hours | served | mean | p90 | max | worst category p90 | mean ≤ 8.2 and every p90 ≤ 10 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...rows.map(([label, hours, r]) => `| ${label} | ${hours} | ${cells(r.overall).join(" | ")} | ${fmt(worst(r))} | ${meets(r) ? "yes" : "no"} |`),
  ];
}

writeFileSync("scenarios/POLICY-TABLE.md", `${table.join("\n")}\n`);
