/**
 * How the rest of the Worker reaches a region object, importing the class for its type only (not
 * `cloudflare:workers`), so the API and pages still load in Node for the browser suite.
 */
import type { Env } from "../env.js";
import { REGION_TREE } from "./names.js";
import type { RegionObject } from "./region.object.js";

export function regionStub(env: Env, region: string): DurableObjectStub<RegionObject> {
  const regions = env.REGION as unknown as DurableObjectNamespace<RegionObject>;
  return regions.get(regions.idFromName(region));
}

/** The object that keeps the tree: regions, parents, and which hall reports where. */
export function treeStub(env: Env) {
  return regionStub(env, REGION_TREE);
}

/**
 * The region's object when this deployment's tree holds the region, else null: for a name nobody
 * defined, waking its object would give it a database (issue 23 §3), so public routes ask the tree.
 */
export async function definedRegionStub(env: Env, region: string): Promise<DurableObjectStub<RegionObject> | null> {
  return (await treeStub(env).knowsRegion(region)) ? regionStub(env, region) : null;
}
