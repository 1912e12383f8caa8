/**
 * How the rest of the Worker reaches the pairing object, importing the class for its type only
 * (and so not `cloudflare:workers`), so the API loads in Node: scripts/openapi.ts dumps its
 * document there.
 */
import type { Env } from "../env.js";
import type { PairingObject } from "./pairing.object.js";

/** The one instance every Worker asks. */
export const PAIRING_INSTANCE = "pairing";

export function pairingStub(env: Env): DurableObjectStub<PairingObject> {
  const pairing = env.PAIRING as unknown as DurableObjectNamespace<PairingObject>;
  return pairing.get(pairing.idFromName(PAIRING_INSTANCE));
}
