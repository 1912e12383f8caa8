/**
 * What halls and regions call on each other. A hall reports to its region and a region sends
 * content down to its halls: each side names the other by these few methods, not by its class,
 * so neither object imports the other (and no import circle runs through the two).
 */
import type { ContentItem } from "../core/content-types.js";
import type { Env } from "../env.js";
import { REGION_TREE } from "./names.js";
import type { HallReport } from "./summary.js";
import type { RegionName } from "./tree.js";

/** A region object's answer to a route: the status and the JSON body the route's schema documents. */
export interface Reply {
  status: number;
  // `any` (not `unknown`) so the reply crosses RPC typed.
  body: any;
}

/** What a hall's reporter calls on region objects (worker/regions/region.object.ts). */
export interface RegionInbox {
  report(from: { region: string; name: RegionName } | null, reports: HallReport[], full?: boolean): Promise<boolean>;
  placeHall(hall: string, region: string | null): Promise<void>;
  /** The tree only: whether this deployment holds `region`. */
  knowsRegion(region: string): Promise<boolean>;
}

/** What a region's content delivery calls on hall objects (worker/hall-object/index.ts). */
export interface HallInbox {
  regionContent(hall: string, region: string, version: number, items: ContentItem[]): Promise<boolean>;
}

export function regionInbox(env: Env, region: string): RegionInbox {
  return env.REGION.get(env.REGION.idFromName(region)) as unknown as RegionInbox;
}

/** The region object that keeps the tree, and where each hall reports. */
export function treeInbox(env: Env): RegionInbox {
  return regionInbox(env, REGION_TREE);
}

export function hallInbox(env: Env, hall: string): HallInbox {
  return env.HALL.get(env.HALL.idFromName(hall)) as unknown as HallInbox;
}
