import type { Env as TongbanEnv } from "../worker/env.js";
import type { HallObject } from "../worker/hall-object/index.js";
import type { PairingObject } from "../worker/devices/pairing.object.js";
import type { RegionObject } from "../worker/regions/region.object.js";

declare global {
  namespace Cloudflare {
    // The suites reach the objects directly, typed by their classes.
    interface Env extends Omit<TongbanEnv, "HALL" | "PAIRING" | "REGION"> {
      HALL: DurableObjectNamespace<HallObject>;
      PAIRING: DurableObjectNamespace<PairingObject>;
      REGION: DurableObjectNamespace<RegionObject>;
    }
  }
}
