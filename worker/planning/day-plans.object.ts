/**
 * The hall's applied plans (排班方案): at most one per day, kept beside the event log because a
 * plan is made before its day and outlives the day's reset; and the waker that carries out
 * today's (worker/hall-object/alarm.ts). The rules are pure (insights/plan-shifts.ts); changes
 * to windows are the core's own commands, applied as the actor "plan" and audited like any.
 *
 * - At each shift change the hall wakes. With the hall setting `autoOpen` it makes the changes
 *   due — opens the window with the plan's categories, or pauses it after its citizen — and
 *   records how far it has got (`handled_through`) in the same transaction as the last command,
 *   so a hall that was evicted or asleep makes what fell due once, on waking, and never twice.
 *   Without `autoOpen` the changes are only reminders, passed over at their time.
 * - While someone watches a view that shows the reminders (`showsPlan`), the hall also wakes as
 *   each reminder goes up (30 minutes ahead) and renders those views again; a reminder comes
 *   down with its change.
 */
import { localDay } from "../core/day.js";
import type { Command } from "../core/commands.js";
import type { HallState } from "../core/model.js";
import { refusal } from "../edge/refusal.js";
import {
  checkPlan,
  commandsFor,
  dueChanges,
  nextPlanInstant,
  planWindowHours,
  remindersMoved,
  shiftChanges,
  type PlanWindow,
  type SavedPlan,
  type ShiftChange,
  type TodayPlan,
} from "./plan-shifts.js";
import type { Hall, Part } from "../hall-object/part.js";
import type { LiveView } from "../pages/views.js";
import type { Actor } from "../hall-object/protocol.js";
import { writeAudit, type StoredReply } from "../hall-object/storage.js";

/** Who makes a plan's changes, in the audit log. */
export const PLAN_ACTOR: Actor = { role: "system", name: "plan", device: null };

export type PlanRequest =
  | { op: "get"; date: string }
  | { op: "put"; date: string; windows: PlanWindow[]; basedOn: string[]; actor: Actor }
  | { op: "delete"; date: string; actor: Actor };

/** The views that show the plan's reminders. */
const showsPlan = (view: LiveView) => view.showsPlan === true;

interface Today {
  day: string;
  timezone: string;
  plan: SavedPlan | null;
  changes: ShiftChange[];
  handled: number;
}

export function migrateDayPlans(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS day_plans (
      day TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      handled_through INTEGER NOT NULL
    ) WITHOUT ROWID;
  `);
}

const notFound = (date: string): StoredReply => ({
  status: 404,
  body: refusal("not_found", `no plan applied for ${date}`, { date }),
});

export class HallPlans implements Part {
  readonly tables = ["day_plans"];
  #today: Today | null = null;
  /** When the reminder views were last brought up to date (0 after a wake: check now). */
  #rendered = 0;
  private readonly storage: DurableObjectStorage;

  constructor(private readonly hall: Hall) {
    this.storage = hall.ctx.storage;
    migrateDayPlans(this.storage.sql);
  }

  /** Today's applied plan for the views, or null. */
  today(state: HallState): TodayPlan | null {
    const t = this.#load(state);
    return t.plan ? { date: t.day, changes: t.changes } : null;
  }

  /** The plan saved for `date`, or null: what bookings count capacity from (worker/appointments). */
  saved(date: string): SavedPlan | null {
    return this.#row(date)?.plan ?? null;
  }

  /** GET, PUT or DELETE /api/halls/{hall}/plan/{date}. */
  handle(state: HallState, request: PlanRequest, now: number): StoredReply {
    const { date } = request;
    if (request.op === "get") {
      const row = this.#row(date);
      return row ? { status: 200, body: { plan: row.plan } } : notFound(date);
    }
    const today = localDay(now, state.settings.timezone);
    if (request.op === "put") {
      if (date < today) {
        return { status: 400, body: refusal("invalid", `${date} has passed: a plan is for today (${today}) or a later day`, { date: `from ${today} on` }) };
      }
      const problems = checkPlan(state, request.windows);
      if (problems) {
        const [field, problem] = Object.entries(problems)[0]!;
        return { status: 400, body: refusal("invalid", `the plan does not fit the hall: ${field}: ${problem}`, problems) };
      }
      const plan: SavedPlan = {
        date,
        windows: request.windows,
        windowHours: planWindowHours(request.windows),
        basedOn: request.basedOn,
        savedAt: new Date(now).toISOString(),
        savedBy: request.actor.name,
      };
      const existed = this.#row(date) !== null;
      this.storage.transactionSync(() => {
        // Changes already past when the plan is applied are not made: the plan runs from now.
        this.storage.sql.exec("INSERT OR REPLACE INTO day_plans (day, body, handled_through) VALUES (?, ?, ?)", date, JSON.stringify(plan), now);
        this.#audit(request.actor, now, "save_plan", date, JSON.stringify({ windows: plan.windows.length, windowHours: plan.windowHours }));
      });
      this.#changed(state, date);
      return { status: existed ? 200 : 201, body: { plan } };
    }
    const row = this.#row(date);
    if (!row) return notFound(date);
    this.storage.transactionSync(() => {
      this.storage.sql.exec("DELETE FROM day_plans WHERE day = ?", date);
      this.#audit(request.actor, now, "remove_plan", date, null);
    });
    this.#changed(state, date);
    return { status: 200, body: { plan: row.plan } };
  }

  plan(state: HallState, now: number): number | null {
    const t = this.#load(state);
    if (!t.plan) return null;
    // Asked after every command: whether anyone watches (a look at every socket) only when it matters.
    let reminding: boolean | undefined;
    const watched = () => (reminding ??= this.hall.watching(showsPlan));
    const due = dueChanges(t.changes, t.handled, now);
    const made = due.length > 0 && this.#make(t, state, due, now);
    // Changes made were broadcast, which renders every view; otherwise bring the reminders up to date.
    if (!made && remindersMoved(t.changes, this.#rendered, now) && watched()) this.hall.render(showsPlan);
    this.#rendered = now;
    const nextChange = nextPlanInstant(t.changes, now, false);
    const nextReminder = nextPlanInstant(t.changes, now, true);
    return nextReminder !== nextChange && watched() ? nextReminder : nextChange;
  }

  /** Makes the due changes (with `autoOpen`), or passes them over; true when a command was applied. */
  #make(t: Today, state: HallState, due: ShiftChange[], now: number): boolean {
    const handled = (sql: SqlStorage) => sql.exec("UPDATE day_plans SET handled_through = ? WHERE day = ?", now, t.day);
    const commands = state.settings.autoOpen === true ? due.flatMap((c) => commandsFor(c, state)) : [];
    let last: StoredReply | null = null;
    for (const [i, command] of commands.entries()) last = this.hall.apply(command, PLAN_ACTOR, i === commands.length - 1 ? handled : undefined);
    // None to make, or the last one refused (its transaction never ran): record the progress alone.
    if (last === null || last.status >= 400) this.storage.transactionSync(() => handled(this.storage.sql));
    t.handled = now;
    return commands.length > 0;
  }

  #changed(state: HallState, date: string): void {
    if (this.#today?.day !== date) return;
    this.#today = null;
    this.#load(state);
    if (this.hall.watching(showsPlan)) this.hall.render(showsPlan);
  }

  #load(state: HallState): Today {
    const { timezone } = state.settings;
    if (this.#today?.day === state.day && this.#today.timezone === timezone) return this.#today;
    const row = this.#row(state.day);
    this.#today = {
      day: state.day,
      timezone,
      plan: row?.plan ?? null,
      changes: row ? shiftChanges(row.plan, timezone) : [],
      handled: row?.handled ?? 0,
    };
    return this.#today;
  }

  #row(date: string): { plan: SavedPlan; handled: number } | null {
    const row = this.storage.sql.exec<{ body: string; handled_through: number }>("SELECT body, handled_through FROM day_plans WHERE day = ?", date).toArray()[0];
    return row ? { plan: JSON.parse(row.body) as SavedPlan, handled: row.handled_through } : null;
  }

  #audit(actor: Actor, now: number, action: string, date: string, detail: string | null): void {
    writeAudit(
      this.storage.sql,
      { at: new Date(now).toISOString(), role: actor.role, actor: actor.name, device: actor.device, action, target: `plan:${date}`, commandId: null, detail },
      [],
    );
  }
}
