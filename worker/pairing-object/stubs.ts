/**
 * How the rest of the Worker reaches the pairing object, without importing the class (and with
 * it `cloudflare:workers`), so the API loads in Node: scripts/openapi.ts dumps its document there.
 */

/** The one instance every Worker asks. */
export const PAIRING_INSTANCE = "pairing";
