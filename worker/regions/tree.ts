/**
 * The region tree: a province, its cities, their counties, each a slug with a name and a parent.
 * Pure rules over the tree as plain data; the tree itself is kept by one region object
 * (worker/region-object/tree.ts), so a check and the write it guards happen in one place.
 */
import { broke, reject, type Rejection } from "../core/rejection.js";

export interface RegionName {
  "zh-Hans": string;
  "zh-Hant"?: string;
  en?: string;
}

export interface RegionDef {
  name: RegionName;
  /** The region above; null for a top region (a province). */
  parent: string | null;
}

export type RegionTree = Record<string, RegionDef>;

/** A path this long is a cycle that slipped in (it cannot, but a loop must never hang a request). */
export const MAX_DEPTH = 64;

/**
 * Whether `def` may be stored as `id`: the parent must exist and must not be `id` or below it.
 *
 * @example
 * checkRegion({ gx: { name, parent: null }, "gx-wuzhou": { name, parent: "gx" } }, "gx", { name, parent: "gx-wuzhou" });
 * // { rejected: true, code: "invalid", message: 'parent "gx-wuzhou" would make a cycle: gx → gx-wuzhou → gx', … }
 */
export function checkRegion(tree: RegionTree, id: string, def: RegionDef): Rejection | null {
  if (def.parent === null) return null;
  if (def.parent === id) return reject("invalid", `region "${id}" cannot be its own parent`, { parent: "a region cannot be its own parent" }, [broke("parent", "cycle")]);
  if (!tree[def.parent]) {
    return reject("invalid", `unknown parent region "${def.parent}": create it first`, { parent: `unknown region "${def.parent}"` }, [broke("parent", "unknown")]);
  }
  const above = ancestors(tree, def.parent);
  if (above.includes(id)) {
    const loop = [id, ...above.slice(0, above.indexOf(id) + 1)].join(" → ");
    return reject("invalid", `parent "${def.parent}" would make a cycle: ${loop}`, { parent: `would make a cycle: ${loop}` }, [broke("parent", "cycle")]);
  }
  return null;
}

/** `id` and the regions above it, nearest first: ["gx-wuzhou-wanxiu", "gx-wuzhou", "gx"]. */
export function ancestors(tree: RegionTree, id: string): string[] {
  const path: string[] = [];
  for (let at: string | null = id; at !== null && tree[at] && path.length < MAX_DEPTH; at = tree[at]!.parent) {
    if (path.includes(at)) break;
    path.push(at);
  }
  return path;
}

/** Whether `region` is one of `scopes` or below one of them. */
export function isWithin(tree: RegionTree, region: string | null, scopes: readonly string[]): boolean {
  if (region === null) return false;
  return ancestors(tree, region).some((r) => scopes.includes(r));
}

/** The direct children of `id`, by id. */
export function childrenOf(tree: RegionTree, id: string): string[] {
  return Object.keys(tree)
    .filter((r) => tree[r]!.parent === id)
    .sort();
}
