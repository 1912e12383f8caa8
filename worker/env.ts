/**
 * The Worker's bindings, as Cloudflare (or workerd) hands them over. The Durable Object
 * namespaces are untyped here so that nothing which needs the bindings imports an object's class:
 * each object's stub types its own (worker/hall-object/stub.ts, worker/regions/stubs.ts,
 * worker/devices/pairing-stubs.ts).
 */

export interface Env {
  /** One object per hall (worker/hall-object/index.ts). */
  HALL: DurableObjectNamespace;
  /** Every hall's device pairing codes, in one instance (worker/devices/pairing.object.ts). */
  PAIRING: DurableObjectNamespace;
  /** One object per region (worker/regions/region.object.ts), and one keeping the tree. */
  REGION: DurableObjectNamespace;
  /** The screens' images (signage): halls/{hall}/{sha256} and regions/{region}/{sha256}. R2, on Cloudflare. */
  MEDIA?: R2Bucket;
  /** Self-hosted instead of MEDIA: a writable workerd disk directory service (deploy/config.mjs, worker/media/store.ts). */
  MEDIA_DISK?: Fetcher;
  /** "development" allows the dev-* tokens and seeds the demo hall; set only in .dev.vars. */
  TONGBAN_MODE?: string;
  /** JSON from `wrangler secret put TONGBAN_TOKENS`: { "<token>": "manager" | { role, halls?, name? } }. */
  TONGBAN_TOKENS?: string;
  /** Comma-separated origins (https://screens.example.gov.cn) allowed to open the live feed. */
  TONGBAN_ALLOWED_ORIGINS?: string;
  /** "on" seeds the demo hall outside development too. */
  TONGBAN_DEMO?: string;
  /** Signs citizens' status-page links and keys ID-number hashes (`wrangler secret put TONGBAN_TICKET_SECRET`). */
  TONGBAN_TICKET_SECRET?: string;
  // Regions across deployments (issue 24 §4): worker/regions/upstream.ts.
  /** Base URL of the deployment holding the regions this one does not (https://city.example.gov.cn). */
  TONGBAN_UPSTREAM?: string;
  /** A `reporter` token on that deployment, bound to this deployment's halls. */
  TONGBAN_UPSTREAM_TOKEN?: string;
  /**
   * Where webhooks may go, for a hall inside a closed network (issue 23): host names, `*.suffix`,
   * IP addresses and CIDR ranges, comma-separated. Set, only these are allowed (private ones too).
   */
  TONGBAN_WEBHOOK_ALLOW?: string;
  /**
   * Issue 23 §2 leftovers: self-hosted behind a reverse proxy (nginx), how many proxies in front
   * of workerd add themselves to X-Forwarded-For ("1" or "true" for one); the client address is
   * then read that many entries from its right. Unset, X-Forwarded-For is never believed.
   */
  TONGBAN_TRUST_PROXY?: string;
  /** Development only: the ISO instant the halls' clock starts at (worker/clock.ts); the suites set it. */
  TONGBAN_CLOCK?: string;
}

export function isDevelopment(env: Env): boolean {
  return env.TONGBAN_MODE === "development";
}
