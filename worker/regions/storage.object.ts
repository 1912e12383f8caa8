/**
 * A region object's SQLite: its definition, the latest report of every hall below it (with the
 * child region it came through and whether it still has to go up), its children's names, and
 * the tree when the object is the tree. Kept, so an evicted region is whole on waking.
 */
import type { HallRow } from "./board.js";
import type { HallReport } from "./summary.js";
import type { RegionDef, RegionName, RegionTree } from "./tree.js";

export interface Definition extends RegionDef {
  region: string;
}

export interface Meta {
  /** When the region last reported to its parent and its sockets (region clock, ms). */
  flushedAt: number;
  /** The parent the rows were last sent to: a new parent gets them all. */
  sentTo: string | null;
  /** Counts the live view's versions; pages resume after it. */
  version: number;
}

export function migrateRegion(sql: SqlStorage): void {
  sql.exec(`
    CREATE TABLE IF NOT EXISTS region_def (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS region_meta (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS hall_rows (hall TEXT PRIMARY KEY, via TEXT, pending INTEGER NOT NULL, body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS child_regions (region TEXT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS tree_regions (region TEXT PRIMARY KEY, body TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS tree_halls (hall TEXT PRIMARY KEY, region TEXT NOT NULL);
  `);
}

export function loadDefinition(sql: SqlStorage): Definition | null {
  const row = sql.exec<{ body: string }>("SELECT body FROM region_def WHERE id = 1").toArray()[0];
  return row ? (JSON.parse(row.body) as Definition) : null;
}

export function saveDefinition(sql: SqlStorage, def: Definition): void {
  sql.exec("INSERT OR REPLACE INTO region_def (id, body) VALUES (1, ?)", JSON.stringify(def));
}

export function loadMeta(sql: SqlStorage): Meta {
  const row = sql.exec<{ body: string }>("SELECT body FROM region_meta WHERE id = 1").toArray()[0];
  return row ? (JSON.parse(row.body) as Meta) : { flushedAt: 0, sentTo: null, version: 0 };
}

export function saveMeta(sql: SqlStorage, meta: Meta): void {
  sql.exec("INSERT OR REPLACE INTO region_meta (id, body) VALUES (1, ?)", JSON.stringify(meta));
}

export function loadRows(sql: SqlStorage): Map<string, HallRow> {
  const rows = new Map<string, HallRow>();
  for (const r of sql.exec<{ body: string; via: string | null }>("SELECT body, via FROM hall_rows")) {
    rows.set(JSON.parse(r.body).hall, { ...(JSON.parse(r.body) as HallReport), via: r.via });
  }
  return rows;
}

export function saveRow(sql: SqlStorage, row: HallRow, pending: boolean): void {
  const { via, ...report } = row;
  sql.exec("INSERT OR REPLACE INTO hall_rows (hall, via, pending, body) VALUES (?, ?, ?, ?)", row.hall, via, pending ? 1 : 0, JSON.stringify(report));
}

export function pendingHalls(sql: SqlStorage): string[] {
  return sql.exec<{ hall: string }>("SELECT hall FROM hall_rows WHERE pending = 1").toArray().map((r) => r.hall);
}

export function markAllPending(sql: SqlStorage): void {
  sql.exec("UPDATE hall_rows SET pending = 1");
}

export function clearPending(sql: SqlStorage, halls: string[]): void {
  for (const h of halls) sql.exec("UPDATE hall_rows SET pending = 0 WHERE hall = ?", h);
}

export function loadChildren(sql: SqlStorage): Map<string, RegionName> {
  return new Map(sql.exec<{ region: string; name: string }>("SELECT region, name FROM child_regions").toArray().map((r) => [r.region, JSON.parse(r.name)]));
}

export function saveChild(sql: SqlStorage, region: string, name: RegionName): void {
  sql.exec("INSERT OR REPLACE INTO child_regions (region, name) VALUES (?, ?)", region, JSON.stringify(name));
}

export function deleteChild(sql: SqlStorage, region: string): void {
  sql.exec("DELETE FROM child_regions WHERE region = ?", region);
}

export function loadTree(sql: SqlStorage): RegionTree {
  const tree: RegionTree = {};
  for (const r of sql.exec<{ region: string; body: string }>("SELECT region, body FROM tree_regions")) tree[r.region] = JSON.parse(r.body);
  return tree;
}

export function saveTreeRegion(sql: SqlStorage, region: string, def: RegionDef): void {
  sql.exec("INSERT OR REPLACE INTO tree_regions (region, body) VALUES (?, ?)", region, JSON.stringify(def));
}

export function loadHallRegions(sql: SqlStorage): Map<string, string> {
  return new Map(sql.exec<{ hall: string; region: string }>("SELECT hall, region FROM tree_halls").toArray().map((r) => [r.hall, r.region]));
}

export function saveHallRegion(sql: SqlStorage, hall: string, region: string | null): void {
  if (region === null) sql.exec("DELETE FROM tree_halls WHERE hall = ?", hall);
  else sql.exec("INSERT OR REPLACE INTO tree_halls (hall, region) VALUES (?, ?)", hall, region);
}
