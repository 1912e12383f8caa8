/**
 * The call policy: which waiting ticket a window calls next, and why.
 *
 * In order:
 *  1. overdue: the oldest ticket the window may call that is over the hall's alarm line
 *     (worker/core/waits.ts). So no ticket past the line ever watches a newer one be called (Shanghai Gucun:
 *     household work must not drown under traffic violations).
 *  2. targeted: a ticket transferred to this very window.
 *  3. priority: green channel, then elderly and disabled, then appointments.
 *  4. longest effective wait: minutes waited × the category's weight, plus a head start for
 *     categories earlier in the window's list.
 *
 * The live hall, the wait estimates and the simulator all choose through `chooseNext`.
 */
import type { Category, Choice, ChoiceCode, HallSettings, Priority, Ticket, Window } from "./model.js";
import { isOverLine, waitedMinutes, wholeMinutes } from "./waits.js";

const PRIORITY_RANK: Record<Priority, number> = {
  green: 0,
  elderly: 1,
  disabled: 1,
  appointment: 2,
  normal: 3,
};

const PRIORITY_WORDS: Record<Priority, { en: string; zh: string }> = {
  green: { en: "green channel", zh: "绿色通道" },
  elderly: { en: "elderly priority", zh: "长者优先" },
  disabled: { en: "disability priority", zh: "残障优先" },
  appointment: { en: "appointment", zh: "预约优先" },
  normal: { en: "normal", zh: "普通" },
};

/** A list sorted once, consumed from the front; taken tickets are skipped lazily. */
interface Line {
  items: Ticket[];
  pos: number;
}

/** The waiting tickets, sorted for the policy. Build once, then choose and take repeatedly. */
export interface Queue {
  /** Per category: every ticket by queue time, and the priority ones by rank then queue time. */
  categories: Map<string, { all: Line; priority: Line }>;
  /** Tickets transferred to a window, by window id, by queue time. */
  targeted: Map<string, Line>;
  taken: Set<string>;
}

const byQueueTime = (a: Ticket, b: Ticket) =>
  a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const byPriority = (a: Ticket, b: Ticket) =>
  PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || byQueueTime(a, b);

/** Sorts tickets into the order the policy reads them in; only `waiting` ones count. */
export function buildQueue(tickets: Iterable<Ticket>): Queue {
  const grouped = new Map<string, Ticket[]>();
  const targeted = new Map<string, Ticket[]>();
  for (const t of tickets) {
    if (t.status !== "waiting") continue;
    const key = t.targetWindow ?? t.category;
    const into = t.targetWindow ? targeted : grouped;
    const list = into.get(key);
    if (list) list.push(t);
    else into.set(key, [t]);
  }
  const queue: Queue = { categories: new Map(), targeted: new Map(), taken: new Set() };
  for (const [category, list] of grouped) {
    queue.categories.set(category, {
      all: { items: [...list].sort(byQueueTime), pos: 0 },
      priority: { items: list.filter((t) => t.priority !== "normal").sort(byPriority), pos: 0 },
    });
  }
  for (const [window, list] of targeted) {
    queue.targeted.set(window, { items: list.sort(byQueueTime), pos: 0 });
  }
  return queue;
}

function head(queue: Queue, line: Line | undefined): Ticket | undefined {
  if (!line) return undefined;
  while (line.pos < line.items.length && queue.taken.has(line.items[line.pos]!.id)) line.pos++;
  return line.items[line.pos];
}

/** Removes a chosen ticket from the queue. */
export function take(queue: Queue, ticket: Ticket): void {
  queue.taken.add(ticket.id);
}

/**
 * Chooses the ticket `window` calls next at `now`, or null when it may call nobody.
 * Pure: reads the queue without taking from it.
 */
export function chooseNext(
  queue: Queue,
  window: Pick<Window, "id" | "categories">,
  categories: ReadonlyMap<string, Category>,
  settings: Pick<HallSettings, "alarmMinutes" | "orderBonusMinutes">,
  now: number,
): Choice | null {
  const served = window.categories.filter((c) => categories.has(c));
  const targetedHead = head(queue, queue.targeted.get(window.id));
  const oldest = served.map((c) => head(queue, queue.categories.get(c)?.all));

  // 1. Overdue: every line's oldest ticket is its first to cross the alarm line.
  let overdue: Ticket | undefined;
  for (const t of [targetedHead, ...oldest]) {
    if (!t || !isOverLine(waitedMinutes(t, now), settings.alarmMinutes, "running")) continue;
    if (!overdue || byQueueTime(t, overdue) < 0) overdue = t;
  }
  if (overdue) return choice(overdue, "overdue", now, settings, categories);

  // 2. Transferred here by name.
  if (targetedHead) return choice(targetedHead, "targeted", now, settings, categories);

  // 3. Priority tickets in any served category.
  let priority: Ticket | undefined;
  for (const c of served) {
    const t = head(queue, queue.categories.get(c)?.priority);
    if (t && (!priority || byPriority(t, priority) < 0)) priority = t;
  }
  if (priority) return choice(priority, "priority", now, settings, categories);

  // 4. Longest effective wait.
  let best: { ticket: Ticket; score: number } | undefined;
  served.forEach((c, i) => {
    const t = oldest[i];
    if (!t) return;
    const weight = categories.get(c)!.weight;
    const score = waitedMinutes(t, now) * weight + (served.length - 1 - i) * settings.orderBonusMinutes;
    if (!best || score > best.score || (score === best.score && byQueueTime(t, best.ticket) < 0)) {
      best = { ticket: t, score };
    }
  });
  return best ? choice(best.ticket, "longest_wait", now, settings, categories) : null;
}

function choice(
  ticket: Ticket,
  code: ChoiceCode,
  now: number,
  settings: Pick<HallSettings, "alarmMinutes">,
  categories: ReadonlyMap<string, Category>,
): Choice {
  const waited = waitedMinutes(ticket, now);
  const m = wholeMinutes(waited);
  const names = categories.get(ticket.category)?.names;
  let reason: string;
  let reasonZh: string;
  switch (code) {
    case "overdue":
      reason = `waited ${m} min, over the ${settings.alarmMinutes} min line`;
      reasonZh = `已等 ${m} 分钟，超过 ${settings.alarmMinutes} 分钟警戒线`;
      break;
    case "targeted":
      reason = `transferred to this window, waited ${m} min`;
      reasonZh = `转至本窗口，已等 ${m} 分钟`;
      break;
    case "priority":
      reason = `${PRIORITY_WORDS[ticket.priority].en}, waited ${m} min`;
      reasonZh = `${PRIORITY_WORDS[ticket.priority].zh}，已等 ${m} 分钟`;
      break;
    case "longest_wait":
      reason = `longest wait: ${m} min in ${names?.en ?? ticket.category}`;
      reasonZh = `等候最久：${names?.["zh-Hans"] ?? ticket.category} 已等 ${m} 分钟`;
      break;
  }
  return { ticket, code, waitedMinutes: Math.round(waited * 10) / 10, reason, reasonZh };
}
