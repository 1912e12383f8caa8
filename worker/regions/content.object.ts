/**
 * A region's content (a province-wide policy notice): its items in the region's SQLite, and the
 * push of the whole list, versioned, to every hall below (the rows it already keeps). Each hall
 * acknowledges the version it took; one that could not be reached is tried again with backoff
 * (worker/regions/content-delivery.ts), a hall that joins later gets the list when it first
 * reports, and one that leaves is told to drop the region's items. Pushing from the region, not
 * pulling from the halls, keeps a quiet hall (which sends no reports) current too.
 */
import { MAX_REGION_ITEMS, regionItemProblems } from "../core/content.js";
import type { ContentChange, ContentDraft, ContentItem } from "../core/content-types.js";
import type { Env } from "../env.js";
import { refusal } from "../edge/refusal.js";
import { dueHalls, nextDueAt, retryDelay, type Delivery } from "./content-delivery.js";
import type { Reply } from "./inboxes.js";
import { hallInbox } from "./inboxes.js";

/** Halls sent to at once, so a province's thousand halls do not all wait on one another. */
const PARALLEL = 10;

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");

function invalid(problems: Record<string, string>): Reply {
  return { status: 400, body: refusal("invalid", `invalid content item: ${Object.entries(problems).slice(0, 3).map(([k, v]) => `${k}: ${v}`).join("; ")}`, problems) };
}

export class RegionContent {
  #items: Map<string, ContentItem>;
  #version: number;
  #sent: Map<string, Delivery>;

  constructor(private readonly sql: SqlStorage) {
    sql.exec(`
      CREATE TABLE IF NOT EXISTS region_content (id TEXT PRIMARY KEY, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS region_content_meta (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS region_content_sent (hall TEXT PRIMARY KEY, version INTEGER NOT NULL, failures INTEGER NOT NULL, retry_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS region_content_pulled (hall TEXT PRIMARY KEY, version INTEGER NOT NULL);
    `);
    this.#items = new Map(sql.exec<{ id: string; body: string }>("SELECT id, body FROM region_content").toArray().map((r) => [r.id, JSON.parse(r.body) as ContentItem]));
    this.#version = sql.exec<{ version: number }>("SELECT version FROM region_content_meta WHERE id = 1").toArray()[0]?.version ?? 0;
    this.#sent = new Map(
      sql.exec<{ hall: string; version: number; failures: number; retry_at: number }>("SELECT * FROM region_content_sent").toArray().map((r) => [r.hall, { hall: r.hall, version: r.version, failures: r.failures, retryAt: r.retry_at }]),
    );
  }

  /** The region's items with how many halls below (here and on other deployments) hold the current list. */
  list(below: string[], afar: string[] = []): { items: ContentItem[]; version: number; halls: number; delivered: number } {
    const delivered = below.filter((h) => (this.#sent.get(h)?.version ?? 0) >= this.#version).length + afar.filter((h) => this.#pulled(h) >= this.#version).length;
    return { items: this.#sorted(), version: this.#version, halls: below.length + afar.length, delivered };
  }

  /**
   * A hall on another deployment holds version `held`: the list when it is older, else null.
   * What the hall says it holds is kept, so the list's count of halls holding it stays true.
   */
  pull(region: string, hall: string, held: number): { region: string; version: number; items: ContentItem[] } | null {
    if (this.#pulled(hall) !== held) this.sql.exec("INSERT OR REPLACE INTO region_content_pulled (hall, version) VALUES (?, ?)", hall, held);
    if (held >= this.#version) return null;
    return { region, version: this.#version, items: this.#sorted().filter((i) => !i.hidden) };
  }

  #pulled(hall: string): number {
    return this.sql.exec<{ version: number }>("SELECT version FROM region_content_pulled WHERE hall = ?", hall).toArray()[0]?.version ?? 0;
  }

  /** Whether another item of the region shows the image with this hash. */
  usesImage(hash: string): boolean {
    return [...this.#items.values()].some((i) => i.kind === "image" && i.media.hash === hash);
  }

  add(region: string, draft: ContentDraft, now: number): Reply {
    if (this.#items.size >= MAX_REGION_ITEMS) return { status: 409, body: refusal("conflict", `this region already has ${MAX_REGION_ITEMS} items; remove one first`, { items: this.#items.size }) };
    const at = new Date(now).toISOString();
    const order = draft.order ?? [...this.#items.values()].reduce((m, i) => Math.max(m, i.order), 0) + 1;
    const item = { ...draft, id: hex(crypto.getRandomValues(new Uint8Array(8))), region, order, createdAt: at, updatedAt: at } as ContentItem;
    const problems = regionItemProblems(item, now);
    if (Object.keys(problems).length > 0) return invalid(problems);
    this.#save(item);
    return { status: 201, body: { item } };
  }

  change(id: string, change: ContentChange, now: number): Reply {
    const item = this.#items.get(id);
    if (!item) return { status: 404, body: refusal("not_found", `no content item "${id}" in this region`, { id }) };
    const next: Record<string, unknown> = { ...item, updatedAt: new Date(now).toISOString() };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) continue;
      if (v === null) delete next[k];
      else next[k] = v;
    }
    const problems = regionItemProblems(next as unknown as ContentItem, now);
    if (Object.keys(problems).length > 0) return invalid(problems);
    this.#save(next as unknown as ContentItem);
    return { status: 200, body: { item: next } };
  }

  remove(id: string): Reply {
    const item = this.#items.get(id);
    if (!item) return { status: 404, body: refusal("not_found", `no content item "${id}" in this region`, { id }) };
    this.#items.delete(id);
    this.sql.exec("DELETE FROM region_content WHERE id = ?", id);
    this.#bump();
    return { status: 200, body: { item } };
  }

  dueAt(below: string[], now: number): number | null {
    return nextDueAt(below, this.#sent, this.#version, now);
  }

  /** Sends the list to every hall due now; records who took it and who must be tried again. */
  async deliver(env: Env, region: string, below: string[], now: number): Promise<void> {
    const due = dueHalls(below, this.#sent, this.#version, now);
    const version = this.#version;
    // A region's own hidden items stay in the region.
    const items = this.#sorted().filter((i) => !i.hidden);
    for (let i = 0; i < due.length; i += PARALLEL) {
      await Promise.all(
        due.slice(i, i + PARALLEL).map(async ({ hall, removal }) => {
          const before = this.#sent.get(hall);
          try {
            const stub = hallInbox(env, hall);
            const ok = await stub.regionContent(hall, region, removal ? 0 : version, removal ? [] : items);
            if (!ok) throw new Error(`hall ${hall} is not configured`);
            this.#record({ hall, version: removal ? 0 : version, failures: 0, retryAt: 0 });
          } catch (e) {
            console.error(`region ${region}: content for hall ${hall} failed`, e);
            const failures = (before?.failures ?? 0) + 1;
            this.#record({ hall, version: before?.version ?? 0, failures, retryAt: now + retryDelay(failures) });
          }
        }),
      );
    }
  }

  #sorted(): ContentItem[] {
    return [...this.#items.values()].sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
  }

  #save(item: ContentItem): void {
    this.#items.set(item.id, item);
    this.sql.exec("INSERT OR REPLACE INTO region_content (id, body) VALUES (?, ?)", item.id, JSON.stringify(item));
    this.#bump();
  }

  /** A new list: every hall below is due it (their backoff starts over). */
  #bump(): void {
    this.#version++;
    this.sql.exec("INSERT OR REPLACE INTO region_content_meta (id, version) VALUES (1, ?)", this.#version);
    for (const d of this.#sent.values()) if (d.retryAt > 0) this.#record({ ...d, failures: 0, retryAt: 0 });
  }

  #record(d: Delivery): void {
    if (d.version === 0 && d.failures === 0) {
      this.#sent.delete(d.hall);
      this.sql.exec("DELETE FROM region_content_sent WHERE hall = ?", d.hall);
      return;
    }
    this.#sent.set(d.hall, d);
    this.sql.exec("INSERT OR REPLACE INTO region_content_sent (hall, version, failures, retry_at) VALUES (?, ?, ?, ?)", d.hall, d.version, d.failures, d.retryAt);
  }
}
