import { describe, expect, it } from "vitest";
import { mayAct } from "./may-act.js";
import { ANY, CITIZEN, MANAGERS, STAFF, TICKET_HOLDERS } from "./roles.js";

const counterAt2 = { role: "counter", halls: ["h"], windows: ["2"] };

describe("who may act where", () => {
  it("a counter bound to window 2 works window 2 and is refused at window 3, naming its windows", () => {
    expect(mayAct(counterAt2, { hall: "h", window: "2" }, STAFF)).toEqual({ ok: true });
    expect(mayAct(counterAt2, { hall: "h", window: "3" }, STAFF)).toEqual({ ok: false, reason: "window", window: "3", windows: ["2"] });
  });

  it("windows on a manager's token bind nothing: only a counter is bound", () => {
    expect(mayAct({ role: "manager", halls: "*", windows: ["2"] }, { window: "3" }, MANAGERS).ok).toBe(true);
  });

  it("another hall is refused before the role is looked at", () => {
    expect(mayAct({ role: "kiosk", halls: ["h"] }, { hall: "other" }, MANAGERS)).toEqual({ ok: false, reason: "hall", hall: "other" });
  });

  it("a role outside the group is refused with the group it needed", () => {
    expect(mayAct({ role: "kiosk" }, {}, STAFF)).toEqual({ ok: false, reason: "role", role: "kiosk", allowed: STAFF });
  });

  it("a ticket link watches only what ticket holders may, and no role's view", () => {
    expect(mayAct({ role: CITIZEN }, {}, TICKET_HOLDERS).ok).toBe(true);
    expect(mayAct({ role: CITIZEN }, {}, ANY).ok).toBe(false);
  });

  it("a region out of the caller's reach is refused by name", () => {
    expect(mayAct({ role: "admin" }, { region: { id: "gx-wuzhou", within: false } })).toEqual({ ok: false, reason: "region", region: "gx-wuzhou" });
  });
});
