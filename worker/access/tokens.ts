/**
 * Who is calling: bearer tokens mapped to roles. Roles, widest first:
 * admin (configures halls), manager (runs a hall), counter (a window terminal),
 * kiosk (issues tickets), display (reads only).
 */
import { isDevelopment, type Env } from "../env.js";
import { mayUseHall as hallRule, mayUseWindow as windowRule } from "./may-act.js";
import { ROLES, type Role } from "./roles.js";

export { ROLES, type Role } from "./roles.js";

export interface Principal {
  role: Role;
  /** Halls this token may touch; "*" for all. */
  halls: "*" | string[];
  /** Who the token belongs to, for the audit log; never the token itself. */
  name: string;
  /** For a counter token: the windows it may act at; absent for all. */
  windows?: string[];
  /**
   * Regions this token covers, with every region and hall below them (worker/access/region-scope.ts);
   * what it may do there is its role's. Absent: no region unless `halls` is "*".
   */
  regions?: string[];
  /** A signed-in person: their staff account and badge number (their name is in `name`). */
  staff?: string;
  badge?: string;
}

export const DEV_TOKENS: Record<string, Principal> = Object.fromEntries(
  ROLES.map((role) => [`dev-${role}`, { role, halls: "*", name: `dev-${role}` }]),
);

/** Production tokens shorter than this are refused as guessable. */
const MIN_TOKEN_LENGTH = 16;

export type TokenTable = { ok: true; tokens: Map<string, Principal> } | { ok: false; problem: string };

const tables = new WeakMap<Env, TokenTable>();

/** Reads the token table once per isolate; a deployed Worker with dev or missing tokens refuses to serve. */
export function tokenTable(env: Env): TokenTable {
  let table = tables.get(env);
  if (!table) {
    table = readTokens(env);
    tables.set(env, table);
  }
  return table;
}

function readTokens(env: Env): TokenTable {
  if (isDevelopment(env)) {
    // Development adds TONGBAN_TOKENS, when set, to the dev-* ones: the suites hold a reporter bound to some halls.
    const extra = env.TONGBAN_TOKENS ? readTokens({ ...env, TONGBAN_MODE: undefined }) : null;
    if (extra && !extra.ok) return extra;
    return { ok: true, tokens: new Map([...Object.entries(DEV_TOKENS), ...(extra?.ok ? extra.tokens : [])]) };
  }
  if (!env.TONGBAN_TOKENS) {
    return { ok: false, problem: "no tokens configured: set TONGBAN_TOKENS with `wrangler secret put TONGBAN_TOKENS`" };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(env.TONGBAN_TOKENS);
  } catch {
    return { ok: false, problem: "TONGBAN_TOKENS is not valid JSON" };
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, problem: 'TONGBAN_TOKENS must be an object: { "<token>": "<role>" }' };
  }
  const tokens = new Map<string, Principal>();
  for (const [token, value] of Object.entries(raw)) {
    const entry: { role?: unknown; halls?: unknown; name?: unknown; windows?: unknown; regions?: unknown } =
      typeof value === "string" ? { role: value } : ((value ?? {}) as Record<string, unknown>);
    if (!ROLES.includes(entry.role as Role)) {
      return { ok: false, problem: `a token in TONGBAN_TOKENS has unknown role "${String(entry.role)}"` };
    }
    if (token.startsWith("dev-") || token.length < MIN_TOKEN_LENGTH) {
      return { ok: false, problem: `refusing to serve with a development or short (< ${MIN_TOKEN_LENGTH} chars) token in production` };
    }
    const regions = readRegions(entry.regions);
    if (regions === "bad") {
      return { ok: false, problem: `a ${String(entry.role)} token in TONGBAN_TOKENS has bad "regions": give a list of region ids like ["gx-wuzhou"]` };
    }
    // A reporter speaks for the halls it names, never for every hall.
    if (entry.role === "reporter" && !(Array.isArray(entry.halls) && entry.halls.length > 0)) {
      return { ok: false, problem: 'a reporter token in TONGBAN_TOKENS must name its halls: { "role": "reporter", "halls": ["gx-wuzhou-1"] }' };
    }
    // A region token covers the halls below its regions, not every hall.
    const halls = Array.isArray(entry.halls) ? entry.halls.map(String) : regions ? [] : "*";
    const principal: Principal = { role: entry.role as Role, halls, name: typeof entry.name === "string" ? entry.name : `${String(entry.role)} token` };
    if (Array.isArray(entry.windows)) principal.windows = entry.windows.map(String);
    if (regions) principal.regions = regions;
    tokens.set(token, principal);
  }
  if (tokens.size === 0) return { ok: false, problem: "TONGBAN_TOKENS holds no tokens" };
  return { ok: true, tokens };
}

const REGION_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

function readRegions(value: unknown): string[] | null | "bad" {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length === 0 || !value.every((r) => typeof r === "string" && REGION_ID.test(r))) return "bad";
  return value as string[];
}

/** The bearer token from the Authorization header, `?token=`, or a `bearer.<token>` WebSocket subprotocol. */
export function presentedToken(request: Request, { allowQuery }: { allowQuery: boolean }): string | null {
  const header = request.headers.get("Authorization");
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (match) return match[1]!;
  if (!allowQuery) return null;
  const query = new URL(request.url).searchParams.get("token");
  if (query) return query;
  for (const p of (request.headers.get("Sec-WebSocket-Protocol") ?? "").split(",")) {
    const proto = p.trim();
    if (proto.startsWith("bearer.")) return proto.slice("bearer.".length);
  }
  return null;
}

/** Looks the token up without an early exit on the first differing character. */
export function principalFor(tokens: Map<string, Principal>, token: string): Principal | null {
  let found: Principal | null = null;
  const presented = new TextEncoder().encode(token);
  for (const [candidate, principal] of tokens) {
    const known = new TextEncoder().encode(candidate);
    let diff = known.length ^ presented.length;
    for (let i = 0; i < known.length; i++) diff |= known[i]! ^ (presented[i] ?? 0);
    if (diff === 0) found = principal;
  }
  return found;
}

/** Whether the principal covers `hall`: the one check's hall rule (worker/access/may-act.ts), for a principal. */
export const mayUseHall: (principal: Principal, hall: string) => boolean = hallRule;

/** Whether the principal may act at `window`: the one check's window rule (worker/access/may-act.ts), for a principal. */
export const mayUseWindow: (principal: Principal, window: string) => boolean = windowRule;

/** Browser WebSocket upgrades must come from this Worker's own origin or an allowed one. */
export function originAllowed(request: Request, env: Env): boolean {
  const origin = request.headers.get("Origin");
  if (!origin) return true; // not a browser: the token is the whole check
  if (origin === new URL(request.url).origin) return true;
  const allowed = (env.TONGBAN_ALLOWED_ORIGINS ?? "").split(",").map((o) => o.trim()).filter(Boolean);
  return allowed.includes(origin);
}

/** The audit log's "who" for a caller: a signed-in person by name and badge, a token by its label. */
export function actorOf(principal: Principal, device: string | null) {
  return {
    role: principal.role,
    name: principal.name,
    device,
    ...(principal.windows ? { windows: principal.windows } : {}),
    ...(principal.badge ? { badge: principal.badge } : {}),
    ...(principal.staff ? { staff: principal.staff } : {}),
  };
}
