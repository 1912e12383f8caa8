/**
 * How the rest of the Worker reaches a hall's object. The class is imported for its type only,
 * so routes and pages still load in Node (scripts/openapi.ts dumps the document there).
 */
import type { Env } from "../env.js";
import type { HallObject } from "./index.js";

export function hallStub(env: Env, hall: string): DurableObjectStub<HallObject> {
  const halls = env.HALL as unknown as DurableObjectNamespace<HallObject>;
  return halls.get(halls.idFromName(hall));
}
