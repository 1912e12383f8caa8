/**
 * Hall staff and what an officer does to their own window: the accounts a manager keeps,
 * signing in with one, pausing and resuming. A PIN or password never reaches the core: the hall
 * object checks it and keeps its hash; here an account only says whether it has one.
 */
import { findWindow } from "./config.js";
import type { HallEventBody } from "./events.js";
import type { HallState, Officer, Staff, StaffAccess, Window } from "./model.js";
import type { Decision } from "./outcome.js";
import { reject, type Rejection } from "./rejection.js";

const officerOf = (s: Staff): Officer => ({ id: s.id, name: s.name, badge: s.badge });

function findStaff(state: HallState, id: string): Staff | Rejection {
  return state.staff[id] ?? reject("unknown_staff", `no staff account "${id}" in this hall`, { staff: id });
}

type Secret = "set" | "clear" | "keep";

/** Staff accounts a hall keeps at most (issue 22 §3): a 61-window centre's shifts need a few hundred. */
export const MAX_STAFF = 1000;

const has = (change: Secret, before: boolean | undefined) => (change === "set" ? true : change === "clear" ? false : (before ?? false));

export function saveStaff(
  state: HallState,
  input: Omit<Staff, "hasPin" | "hasPassword" | "access"> & { access?: StaffAccess },
  pin: Secret,
  password: Secret = "keep",
): Decision | Rejection {
  const before = state.staff[input.id];
  const count = Object.keys(state.staff).length;
  if (!before && count >= MAX_STAFF) {
    return reject("conflict", `this hall already has ${MAX_STAFF} staff accounts, the most it keeps; remove one first`, { cap: "staff", limit: MAX_STAFF });
  }
  const twin = Object.values(state.staff).find((s) => s.id !== input.id && s.badge === input.badge);
  if (twin) return reject("conflict", `badge ${input.badge} belongs to ${twin.name} (${twin.id})`, { badge: input.badge });
  const staff: Staff = {
    id: input.id,
    name: input.name,
    badge: input.badge,
    role: input.role,
    access: input.access ?? accessOf(before),
    hasPin: has(pin, before?.hasPin),
    hasPassword: has(password, before?.hasPassword),
  };
  // A new PIN or password is a change even when the account looks the same.
  if (before && pin !== "set" && password !== "set" && JSON.stringify(before) === JSON.stringify(staff)) return { events: [], result: { staff } };
  const events: Decision["events"] = [{ type: "staff.updated", staff, change: before ? "updated" : "added" }];
  // An officer on duty who is renamed shows the new name on the window screen at once.
  for (const w of state.windows) {
    if (w.officer?.id !== staff.id) continue;
    const officer = officerOf(staff);
    if (JSON.stringify(officer) !== JSON.stringify(w.officer)) events.push({ type: "window.updated", window: { ...w, officer }, changes: ["officer"] });
  }
  return { events, result: { staff } };
}

/** Accounts kept before access existed sign in as counters: the least a person may do. */
export function accessOf(staff: Pick<Staff, "access"> | undefined): StaffAccess {
  return staff?.access ?? "counter";
}

export function removeStaff(state: HallState, id: string): Decision | Rejection {
  const staff = findStaff(state, id);
  if ("rejected" in staff) return staff;
  const at = state.windows.find((w) => w.officer?.id === id);
  if (at) return reject("conflict", `${staff.name} is signed in at window ${at.number}; sign out there first`, { window: at.id });
  return { events: [{ type: "staff.updated", staff, change: "removed" }], result: { staff } };
}

/**
 * Whether an account may be on duty at a window: one with counter access. A manager's account
 * (access manager) is for the manager console; it is neither offered at a counter nor put on one.
 */
export const servesAtCounters = (staff: Pick<Staff, "access">): boolean => accessOf(staff) === "counter";

export function signInStaff(state: HallState, windowId: string, staffId: string): Decision | Rejection {
  const w = findWindow(state, windowId);
  if ("rejected" in w) return w;
  const staff = findStaff(state, staffId);
  if ("rejected" in staff) return staff;
  if (!servesAtCounters(staff)) {
    return reject("conflict", `${staff.name}（${staff.badge}）的账户用于管理台，不能在窗口签到 · ${staff.name}'s account is for the manager console, not a window`, {
      staff: staff.id,
      access: accessOf(staff),
    });
  }
  const elsewhere = state.windows.find((o) => o.id !== w.id && (o.officer?.id === staff.id || o.officer?.badge === staff.badge));
  if (elsewhere) {
    return reject("conflict", `${staff.name} is signed in at window ${elsewhere.number}; sign out there first`, { window: elsewhere.id });
  }
  const officer = officerOf(staff);
  if (JSON.stringify(w.officer) === JSON.stringify(officer)) return { events: [], result: { window: w } };
  const window: Window = { ...w, officer };
  return { events: [{ type: "window.updated", window, changes: ["officer"] }], result: { window } };
}

/**
 * Pause (open → paused) or resume (paused → open); a closed window is the manager's to open.
 * A pause `afterCitizen` of an open window with a citizen at it marks it `closing` instead: it
 * serves that citizen and pauses when they leave (`closingPauses`, after every command). A resume, or a plain
 * pause, of a closing window ends the closing.
 */
export function pauseOrResume(state: HallState, windowId: string, action: "pause" | "resume", afterCitizen = false): Decision | Rejection {
  const w = findWindow(state, windowId);
  if ("rejected" in w) return w;
  if (w.state === "closed") {
    return reject("conflict", `window ${w.number} is closed; a manager opens it`, { window: w.id, state: w.state });
  }
  if (action === "pause" && afterCitizen && w.state === "open" && w.current !== null) {
    if (w.closing) return { events: [], result: { window: w } };
    const window: Window = { ...w, closing: true };
    return { events: [{ type: "window.updated", window, changes: ["state"] }], result: { window } };
  }
  const target = action === "pause" ? "paused" : "open";
  if (w.state === target && !w.closing) return { events: [], result: { window: w } };
  const { closing: _, ...rest } = w;
  const window: Window = { ...rest, state: target };
  return { events: [{ type: "window.updated", window, changes: ["state"] }], result: { window } };
}

/** Closing windows a command left free pause: their citizen has gone (finished, no-show, moved on). */
export function closingPauses(state: HallState): HallEventBody[] {
  // Asked after every command, and almost always finds nothing: a plain loop (see windowById).
  const out: HallEventBody[] = [];
  const windows = state.windows;
  for (let i = 0; i < windows.length; i++) {
    if (!windows[i]!.closing || windows[i]!.current !== null) continue;
    const { closing: _, ...w } = windows[i]!;
    out.push({ type: "window.updated", window: { ...w, state: "paused" }, changes: ["state"] });
  }
  return out;
}
