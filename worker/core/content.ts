/**
 * The hall's signage rules: adding, changing and removing items, taking in a region's items,
 * and which items a screen plays now. Items are part of the hall state and every change is a
 * `content.changed` or `content.synced` event in the hall's log, so the screens (live views)
 * re-render from the same feed as a call, and a replay rebuilds them exactly.
 *
 * @example
 * const playing = itemsOnNow(state, "east", now); // hall items first, then region items, by order
 */
import type { ContentCommand } from "./commands.js";
import type { ContentChange, ContentDraft, ContentItem, ContentState } from "./content-types.js";
import type { HallEvent } from "./events.js";
import type { HallState } from "./model.js";
import type { Decision } from "./outcome.js";
import { reject, type Rejection } from "./rejection.js";
import { isOn, nextChange, scheduleProblems } from "./schedule.js";
import { findZone } from "./zones.js";

/** A hall keeps at most this many items of its own; a region publishes at most MAX_REGION_ITEMS. */
export const MAX_ITEMS = 100;
export const MAX_REGION_ITEMS = 50;

/** Minutes without a call before a screen plays content full screen, when the hall sets none. */
export const DEFAULT_IDLE_MINUTES = 5;

const EMPTY: ContentState = { items: {}, regions: {} };

export function contentOf(state: HallState): ContentState {
  return state.content ?? EMPTY;
}

/** Hall items first, then region items; each by `order`, then age. */
export function contentOrder(a: ContentItem, b: ContentItem): number {
  return Number(a.region !== undefined) - Number(b.region !== undefined) || a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** Whether a screen of `zone` (null: a screen of the whole hall) shows the item. */
export function shownIn(item: ContentItem, zone: string | null): boolean {
  return item.zones === undefined || (zone !== null && item.zones.includes(zone));
}

/** The items a screen of `zone` plays at `now`, in order. */
export function itemsOnNow(state: HallState, zone: string | null, now: number): ContentItem[] {
  const tz = state.settings.timezone;
  return Object.values(contentOf(state).items)
    .filter((i) => !i.hidden && shownIn(i, zone) && isOn(i.schedule, now, tz))
    .sort(contentOrder);
}

/** The next instant any shown item goes on or off (the hall wakes then to re-render its screens). */
export function nextContentChange(state: HallState, now: number): number | null {
  let next = Infinity;
  for (const item of Object.values(contentOf(state).items)) {
    if (item.hidden) continue;
    next = Math.min(next, nextChange(item.schedule, now, state.settings.timezone) ?? Infinity);
  }
  return Number.isFinite(next) ? next : null;
}

/** A region's items are read in each hall's own time zone; a region checks them in China's. */
export const REGION_TIMEZONE = "Asia/Shanghai";

/** Problems of a region's item on its own (no zones: it shows on every screen of every hall below). */
export function regionItemProblems(item: ContentItem, now: number): Record<string, string> {
  const problems: Record<string, string> = {};
  if (item.zones !== undefined) problems.zones = "a region's item shows on every screen of its halls; zones are each hall's own";
  if (!Number.isInteger(item.seconds) || item.seconds < 3 || item.seconds > 120) problems.seconds = "3 to 120 seconds";
  return { ...problems, ...scheduleProblems(item.schedule, now, REGION_TIMEZONE) };
}

/** Problems of an item against the hall, by field as the API names them. */
export function itemProblems(state: HallState, item: ContentItem, now: number): Record<string, string> {
  const problems: Record<string, string> = {};
  if (item.region === undefined) {
    (item.zones ?? []).forEach((z, i) => {
      if (!findZone(state, z)) {
        const known = (state.settings.zones ?? []).map((k) => k.id);
        problems[`zones.${i}`] = `no zone "${z}" in this hall${known.length ? ` (zones: ${known.join(", ")})` : "; it has no zones"}`;
      } else if (item.zones!.indexOf(z) !== i) problems[`zones.${i}`] = `zone "${z}" is listed twice`;
    });
    if (item.kind === "guide" && item.category !== undefined && !state.categories.some((c) => c.id === item.category)) {
      problems.category = `no category "${item.category}" in this hall (categories: ${state.categories.map((c) => c.id).join(", ")})`;
    }
  }
  if (!Number.isInteger(item.seconds) || item.seconds < 3 || item.seconds > 120) problems.seconds = "3 to 120 seconds";
  Object.assign(problems, scheduleProblems(item.schedule, now, state.settings.timezone));
  return problems;
}

const KIND_FIELDS: Record<ContentItem["kind"], string[]> = {
  notice: ["title", "text"],
  image: ["caption"],
  guide: ["category", "title", "materials", "fee", "timeLimit", "where"],
};
const COMMON_FIELDS = ["zones", "seconds", "order", "schedule", "hidden"];
/** Fields that may not be removed with null. */
const REQUIRED = new Set(["text", "materials", "seconds", "order", "schedule", "hidden"]);

function invalid(problems: Record<string, string>): Rejection {
  return reject("invalid", `invalid content item: ${Object.entries(problems).slice(0, 3).map(([k, v]) => `${k}: ${v}`).join("; ")}`, problems);
}

function unknownItem(id: string): Rejection {
  return reject("unknown_content", `no content item "${id}" in this hall`, { id });
}

/** The item after a PATCH, or the fields it may not take. */
function changed(item: ContentItem, change: ContentChange, at: string): ContentItem | Rejection {
  const next: Record<string, unknown> = { ...item, updatedAt: at };
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (!COMMON_FIELDS.includes(key) && !KIND_FIELDS[item.kind].includes(key)) problems[key] = `a ${item.kind} has no ${key}`;
    else if (value === null && (REQUIRED.has(key) || (item.kind === "guide" && key === "title"))) problems[key] = "required: it cannot be removed";
    else if (value === null) delete next[key];
    else next[key] = value;
  }
  if (Object.keys(problems).length > 0) return invalid(problems);
  if (next.hidden === false) delete next.hidden;
  return next as unknown as ContentItem;
}

/** A signage command decided: the item added, changed or removed, or a region's list taken in. */
export function decideContent(state: HallState, command: ContentCommand, now: number, at: string): Decision | Rejection {
  const { items, regions } = contentOf(state);
  switch (command.type) {
    case "add_content": {
      const own = Object.values(items).filter((i) => i.region === undefined);
      if (own.length >= MAX_ITEMS) return reject("conflict", `this hall already has ${MAX_ITEMS} content items; remove one first`, { cap: "content.items", limit: MAX_ITEMS });
      if (items[command.item.id]) return reject("conflict", `content item "${command.item.id}" exists already`, { id: command.item.id });
      const { region: _, ...draft } = command.item as ContentDraft & { region?: string };
      const order = draft.order ?? own.reduce((m, i) => Math.max(m, i.order), 0) + 1;
      const item = { ...draft, order, createdAt: at, updatedAt: at } as ContentItem;
      const problems = itemProblems(state, item, now);
      if (Object.keys(problems).length > 0) return invalid(problems);
      return { events: [{ type: "content.changed", item, change: "added" }], result: { item } };
    }
    case "change_content": {
      const item = items[command.id];
      if (!item) return unknownItem(command.id);
      if (item.region !== undefined) {
        const edits = Object.keys(command.change).filter((k) => k !== "hidden" && command.change[k as keyof ContentChange] !== undefined);
        if (edits.length > 0) {
          return reject("conflict", `this item is published by region "${item.region}": a hall may hide it (hidden: true) but not change it`, {
            region: item.region,
            [edits[0]!]: "set by the region",
          });
        }
      }
      const next = changed(item, command.change, at);
      if ("rejected" in next) return next;
      const problems = itemProblems(state, next, now);
      if (Object.keys(problems).length > 0) return invalid(problems);
      if (JSON.stringify({ ...next, updatedAt: "" }) === JSON.stringify({ ...item, updatedAt: "" })) return { events: [], result: { item } };
      return { events: [{ type: "content.changed", item: next, change: "updated" }], result: { item: next } };
    }
    case "remove_content": {
      const item = items[command.id];
      if (!item) return unknownItem(command.id);
      if (item.region !== undefined) {
        return reject("conflict", `this item is published by region "${item.region}": hide it in this hall (PATCH hidden: true) instead`, { region: item.region });
      }
      return { events: [{ type: "content.changed", item, change: "removed" }], result: { item } };
    }
    case "sync_region_content": {
      // Version 0: the hall is no longer below the region; its items go, and any later list is taken.
      if (command.version === 0) {
        if (!(command.region in regions)) return { events: [], result: {} };
        return { events: [{ type: "content.synced", region: command.region, version: 0, items: [] }], result: {} };
      }
      if ((regions[command.region] ?? 0) >= command.version) return { events: [], result: {} };
      const stamped = command.items.map(({ hidden: _, ...i }) => ({ ...i, region: command.region }) as ContentItem);
      return { events: [{ type: "content.synced", region: command.region, version: command.version, items: stamped }], result: {} };
    }
  }
}

type ContentEvent = Extract<HallEvent, { type: "content.changed" | "content.synced" }>;

/** The hall's content after one of its events. */
export function evolveContent(content: ContentState | undefined, e: ContentEvent): ContentState {
  const { items, regions } = content ?? EMPTY;
  if (e.type === "content.changed") {
    const { [e.item.id]: _, ...others } = items;
    return { items: e.change === "removed" ? others : { ...items, [e.item.id]: e.item }, regions };
  }
  const kept = Object.fromEntries(Object.entries(items).filter(([, i]) => i.region !== e.region));
  for (const item of e.items) {
    // Hidden in this hall stays hidden when the region republishes the item.
    const hidden = items[item.id]?.region === e.region && items[item.id]?.hidden;
    kept[item.id] = { ...item, region: e.region, ...(hidden ? { hidden: true } : {}) };
  }
  const { [e.region]: _, ...otherRegions } = regions;
  return { items: kept, regions: e.version === 0 ? otherRegions : { ...regions, [e.region]: e.version } };
}
