/**
 * Points imports of the core's names at the files that hold them since the core split (issue 21
 * §3): the model, the protocol and the rules each in its own file, worker/core/types.ts gone.
 * Mechanical: only import and export-from lines change. Run it after merging a branch cut before
 * the split: `node scripts/core-imports.mjs` (then `npm run typecheck`).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const MODEL = [
  "Language", "NameScript", "Priority", "TicketStatus", "WindowState", "Category", "Officer", "StaffRole", "StaffAccess",
  "Staff", "CitizenMark", "Appointment", "CallReason", "Window", "Transfer", "Ticket", "RatingReason", "RatedTicket",
  "HallSettings", "Zone", "AnnouncementSettings", "DEFAULT_ANNOUNCEMENT", "HallConfig", "CallRecord", "LearntServiceTime",
  "HallState", "WindowRef", "ChoiceCode", "Choice",
];
const byName = (module, names) => Object.fromEntries(names.map((n) => [n, module]));

/** Old module (under worker/core) → name → the module that holds it now. */
const MOVED = {
  "types.js": {
    ...byName("model.js", MODEL),
    ...byName("commands.js", ["Command", "SettingsChange"]),
    ...byName("events.js", ["HallEventBody", "HallEvent", "HallEventType", "WindowChange"]),
    ...byName("rejection.js", ["Rejection", "RejectionCode"]),
    ...byName("outcome.js", ["Outcome", "CommandResult", "Decision"]),
  },
  "hall.js": { findTicket: "ledger.js" },
  "zones.js": { zoneSnapshot: "snapshot.js" },
  "config.js": { reject: "rejection.js" },
  "content.js": { ContentCommand: "commands.js" },
};

const CORE = path.resolve("worker/core");
const DECL = /^(import|export)(\s+type)?\s*\{([^}]*)\}\s*from\s*"([^"]+)";?[ \t]*\n/gm;

const files = execFileSync("git", ["ls-files", "worker", "tests", "scripts", "announcer", "display"], { encoding: "utf8" })
  .split("\n")
  .filter((f) => /\.(ts|tsx|mts|mjs)$/.test(f) && !f.endsWith("core-imports.mjs"));

/** The module a specifier points at, as `name.js` under worker/core, or null when it is elsewhere. */
function coreModule(file, from) {
  if (!from.startsWith(".")) return null;
  const target = path.resolve(path.dirname(file), from);
  return path.dirname(target) === CORE ? path.basename(target) : null;
}

function spec(file, module) {
  const rel = path.relative(path.dirname(path.resolve(file)), path.join(CORE, module)).split(path.sep).join("/");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

let changed = 0;
for (const file of files) {
  const src = fs.readFileSync(file, "utf8");
  const decls = [...src.matchAll(DECL)].map((m) => ({
    m,
    kind: m[1],
    typeOnly: Boolean(m[2]),
    names: m[3].split(",").map((s) => s.trim()).filter(Boolean),
    module: coreModule(file, m[4]),
  }));
  const touched = decls.filter((d) => d.module && MOVED[d.module] && d.names.some((n) => MOVED[d.module][n.replace(/^type\s+/, "").split(/\s+as\s+/)[0]]));
  if (touched.length === 0) continue;

  // Every name of the touched declarations, and of declarations of the modules they move to, by (kind, module).
  const groups = new Map();
  const add = (kind, module, name, isType, at, native) => {
    const key = `${kind} ${module}`;
    if (!groups.has(key)) groups.set(key, { kind, module, names: [], at });
    const g = groups.get(key);
    const bare = name.replace(/^type\s+/, "");
    if (!g.names.some((x) => x.bare === bare)) g.names.push({ bare, isType, native });
    g.at = Math.min(g.at, at);
  };
  for (const d of touched) {
    for (const n of d.names) {
      const bare = n.replace(/^type\s+/, "");
      const isType = d.typeOnly || n.startsWith("type ");
      const to = MOVED[d.module][bare.split(/\s+as\s+/)[0]] ?? (d.module === "types.js" ? null : d.module);
      if (!to) throw new Error(`${file}: no new home for ${bare} from types.js`);
      add(d.kind, to, bare, isType, d.m.index, to === d.module);
    }
  }
  const targets = new Set([...groups.values()].map((g) => `${g.kind} ${g.module}`));
  const merged = decls.filter((d) => !touched.includes(d) && d.module && targets.has(`${d.kind} ${d.module}`));
  for (const d of merged) for (const n of d.names) add(d.kind, d.module, n, d.typeOnly || n.startsWith("type "), d.m.index, true);

  const render = (g) => {
    const allTypes = g.names.every((n) => n.isType);
    // The names the line held before first, then those that moved in.
    const names = [...g.names.filter((n) => n.native), ...g.names.filter((n) => !n.native)];
    const list = names.map((n) => (allTypes || !n.isType ? n.bare : `type ${n.bare}`)).join(", ");
    return `${g.kind}${allTypes ? " type" : ""} { ${list} } from "${spec(file, g.module)}";\n`;
  };
  const removed = [...touched, ...merged].sort((a, b) => a.m.index - b.m.index);
  const inserts = new Map();
  for (const g of groups.values()) inserts.set(g.at, [...(inserts.get(g.at) ?? []), g]);
  let out = "";
  let last = 0;
  for (const d of removed) {
    out += src.slice(last, d.m.index);
    const here = (inserts.get(d.m.index) ?? []).sort((a, b) => a.module.localeCompare(b.module));
    out += here.map(render).join("");
    last = d.m.index + d.m[0].length;
  }
  out += src.slice(last);
  if (out !== src) {
    fs.writeFileSync(file, out);
    changed++;
  }
}
console.log(`core-imports: ${changed} files rewritten`);
