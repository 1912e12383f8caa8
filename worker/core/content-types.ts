/**
 * Signage: what the hall's screens show between calls. Plain data, like the rest of the hall's
 * vocabulary (worker/core/model.ts): items live in the hall state and travel in its events.
 */

/** A text in zh-Hans, with zh-Hant and English when the hall writes them. */
export interface Texts {
  "zh-Hans": string;
  "zh-Hant"?: string;
  en?: string;
}

/**
 * When an item is shown, in the hall's time zone: dates `from`..`to` (YYYY-MM-DD, both
 * included), ISO weekdays (1 Monday … 7 Sunday) and hour ranges (`from` included, `to` not,
 * "HH:MM", `to` may be "24:00"). An absent field does not limit.
 */
export interface Schedule {
  from?: string;
  to?: string;
  weekdays?: number[];
  hours?: Array<{ from: string; to: string }>;
}

export type ImageType = "image/png" | "image/jpeg" | "image/webp";

interface ItemBase {
  id: string;
  /** The zones whose screens show it; absent: every screen of the hall. */
  zones?: string[];
  /** How long it stays on screen, 3..120 s. */
  seconds: number;
  /** Lower first; hall items before region items. */
  order: number;
  schedule: Schedule;
  /** Set by the hall's manager: kept, but not shown. The one thing a hall may change on a region item. */
  hidden?: boolean;
  /** Published by this region for every hall below it (read-only in the hall). */
  region?: string;
  createdAt: string;
  updatedAt: string;
}

export interface NoticeItem extends ItemBase {
  kind: "notice";
  title?: Texts;
  text: Texts;
}

export interface ImageItem extends ItemBase {
  kind: "image";
  caption?: Texts;
  /** The bytes are in R2; `src` serves them (/media/{hall}/{hash} or /media/regions/{region}/{hash}). */
  media: { src: string; type: ImageType; bytes: number; hash: string };
}

/** A procedure guide (办事指南) for one kind of business. */
export interface GuideItem extends ItemBase {
  kind: "guide";
  /** The category it is for; a region's guide may name one the hall does not have. */
  category?: string;
  title: Texts;
  materials: Texts[];
  fee?: Texts;
  timeLimit?: Texts;
  where?: Texts;
}

export type ContentItem = NoticeItem | ImageItem | GuideItem;
export type ContentKind = ContentItem["kind"];

/** What a manager sends for a new item: the hall stamps id and times. */
export type ContentDraft =
  | Omit<NoticeItem, "createdAt" | "updatedAt" | "order"> & { order?: number }
  | Omit<ImageItem, "createdAt" | "updatedAt" | "order"> & { order?: number }
  | Omit<GuideItem, "createdAt" | "updatedAt" | "order"> & { order?: number };

/** Fields a PATCH may change; `null` removes an optional one. Never the kind, the id or the image. */
export interface ContentChange {
  zones?: string[] | null;
  seconds?: number;
  order?: number;
  schedule?: Schedule;
  hidden?: boolean;
  title?: Texts | null;
  text?: Texts;
  caption?: Texts | null;
  category?: string | null;
  materials?: Texts[];
  fee?: Texts | null;
  timeLimit?: Texts | null;
  where?: Texts | null;
}

/** The hall's signage: its items and the region items it holds, with each region's last version. */
export interface ContentState {
  items: Record<string, ContentItem>;
  regions: Record<string, number>;
}
