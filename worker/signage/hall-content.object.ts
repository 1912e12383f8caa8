/**
 * The hall object's signage shell: a new item's id, an image's bytes into R2 once the core would
 * take the item (so a refused upload stores nothing), an image removed from R2 when no item uses
 * it any more, the list the console reads, and the waker that re-renders the screens when an
 * item's schedule starts or ends, so a scheduled item appears with no event at all.
 * The rules are in worker/core/content.ts; items live in the hall state and its log.
 */
import { contentOf, contentOrder, nextContentChange } from "../core/content.js";
import type { ContentItem } from "../core/content-types.js";
import { decide, isRejection } from "../core/hall.js";
import { checkImage } from "./media.js";
import { isOn, nextChange } from "../core/schedule.js";
import type { Command } from "../core/commands.js";
import type { HallState } from "../core/model.js";
import type { Env } from "../env.js";
import { rejected } from "../edge/refusal.js";
import { imageHash, mediaKey, mediaSrc, putImage } from "./bucket.js";
import type { ImageUpload } from "./media.js";
import type { Part } from "../hall-object/part.js";
import { refused, type Prepared } from "../hall-object/prepare.js";
import type { StoredReply } from "../hall-object/storage.js";
import { mediaStore } from "../media/store.js";

export type { ImageUpload } from "./media.js";

/** An item as the console lists it: whether it is on screen now, and when that changes. */
export type ListedItem = ContentItem & { onNow: boolean; nextChangeAt: string | null };

/** An upload's image counts as in use this long, so a removal racing it cannot delete it. */
const UPLOAD_HOLD_MS = 60_000;

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

export class HallContent implements Part {
  /** Images are kept in R2 (bucket.ts), items in the hall's state: no table of its own. */
  readonly tables = [];
  /** Image hashes being uploaded, until when (machine clock). */
  #holds = new Map<string, number>();

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
  ) {}

  /** Before the core decides: the item's id, and its image stored (only if the item would be taken). */
  async prepare(command: Command, upload: ImageUpload | undefined, state: HallState, now: number): Promise<Prepared> {
    if (command.type === "remove_content") return { command, after: (reply, after) => this.#dropImage(state, command.id, reply, after) };
    if (command.type !== "add_content") return { command };
    const id = hex(crypto.getRandomValues(new Uint8Array(8)));
    if (command.item.kind !== "image") return { command: { ...command, item: { ...command.item, id } } };
    if (!upload) return refused(400, "invalid", "an image item needs its file, sent as multipart/form-data", { file: "required" });
    const bytes = new Uint8Array(upload.bytes);
    const checked = checkImage(bytes, upload.type);
    if ("problem" in checked) return refused(checked.status, checked.status === 413 ? "too_large" : "invalid", checked.problem, { file: checked.problem });
    const hash = await imageHash(upload.bytes);
    const owner = { hall: state.hall };
    const item = { ...command.item, id, media: { src: mediaSrc(owner, hash), type: checked.type, bytes: bytes.length, hash } };
    const ready: Command = { ...command, item };
    const dry = decide(state, ready, now);
    if (isRejection(dry)) return { refused: rejected(dry) };
    this.#holds.set(hash, Date.now() + UPLOAD_HOLD_MS);
    await putImage(mediaStore(this.env), owner, hash, upload.bytes, checked.type);
    return { command: ready, after: () => void this.#holds.delete(hash) };
  }

  /** After a removal: the image goes too, unless another item of the hall shows the same bytes. */
  #dropImage(before: HallState, id: string, reply: StoredReply, after: HallState): void {
    const item = contentOf(before).items[id];
    if (reply.status !== 200 || item?.kind !== "image" || item.region !== undefined) return;
    const hash = item.media.hash;
    const used = Object.values(contentOf(after).items).some((i) => i.kind === "image" && i.region === undefined && i.media.hash === hash);
    if (used || (this.#holds.get(hash) ?? 0) > Date.now()) return;
    this.ctx.waitUntil(mediaStore(this.env).delete(mediaKey({ hall: after.hall }, hash)));
  }

  /** Every item (the hall's, then its regions'), in play order, with whether it is on now. */
  list(state: HallState, now: number): ListedItem[] {
    const tz = state.settings.timezone;
    return Object.values(contentOf(state).items)
      .sort(contentOrder)
      .map((item) => {
        const next = nextChange(item.schedule, now, tz);
        return { ...item, onNow: !item.hidden && isOn(item.schedule, now, tz), nextChangeAt: next === null ? null : new Date(next).toISOString() };
      });
  }
}

/**
 * Wakes the hall when an item's schedule starts or ends (an hour boundary, a first or last date,
 * a weekday) and re-renders the views that play content, while anyone watches one.
 */
export class ContentSchedule implements Part {
  readonly tables = [];
  /** When those views were last rendered for a schedule change (0 after a wake: due now). */
  #last = 0;

  constructor(
    private readonly watched: () => boolean,
    private readonly render: () => void,
  ) {}

  plan(state: HallState, now: number): number | null {
    if (Object.keys(contentOf(state).items).length === 0 || !this.watched()) return null;
    const due = this.#last === 0 ? now : nextContentChange(state, this.#last);
    if (due !== null && due <= now) {
      this.render();
      this.#last = now;
    }
    return nextContentChange(state, now);
  }
}
