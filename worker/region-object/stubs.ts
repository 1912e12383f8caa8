/**
 * How the rest of the Worker reaches a region object, without importing the class (and with it
 * `cloudflare:workers`), so the API and pages still load in Node for the browser suite.
 */
import type { Env } from "../env.js";
import { REGION_TREE } from "../regions/names.js";

export function regionStub(env: Env, region: string) {
  return env.REGION.get(env.REGION.idFromName(region));
}

/** The object that keeps the tree: regions, parents, and which hall reports where. */
export function treeStub(env: Env) {
  return regionStub(env, REGION_TREE);
}
