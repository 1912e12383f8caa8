import { describe, expect, it } from "vitest";
import { MAX_STAFF } from "./staff.js";
import { at, configured, ok, refused } from "./fixtures.test-util.js";

describe("caps (issue 22 §3)", () => {
  it("refuses a staff account past MAX_STAFF with a conflict naming the cap, and changes nothing; existing accounts still save", () => {
    let state = configured(at(0));
    for (let i = 0; i < MAX_STAFF; i++) {
      state = ok(state, { type: "save_staff", staff: { id: `s${i}`, name: `员工${i}`, badge: `B${i}`, role: "officer" }, pin: "keep" }, at(1)).state;
    }
    const refusal = refused(state, { type: "save_staff", staff: { id: "extra", name: "多一位", badge: "X1", role: "officer" }, pin: "keep" }, at(2));
    expect(refusal).toMatchObject({ code: "conflict", details: { cap: "staff", limit: MAX_STAFF } });
    expect(refusal.message).toContain(`${MAX_STAFF} staff accounts`);
    expect(state.staff.extra).toBeUndefined();
    const renamed = ok(state, { type: "save_staff", staff: { id: "s0", name: "改名", badge: "B0", role: "officer" }, pin: "keep" }, at(3)).state;
    expect(renamed.staff.s0!.name).toBe("改名");
  });
});
