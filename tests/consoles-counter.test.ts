import { describe, expect, it } from "vitest";
import { mayUseWindow, tokenTable } from "../worker/access/tokens.js";
import { call, issue, newHall, snapshot } from "./helpers.js";

const audit = async (hall: string) => (await call("manager", "GET", `/api/halls/${hall}/audit?limit=200`)).body.entries as any[];

describe("the window terminal's pause and resume", () => {
  it("a counter pauses its window, which then calls nobody, and resumes it", async () => {
    const hall = await newHall("counter-pause");
    await issue(hall, "traffic");
    const paused = await call("counter", "POST", `/api/halls/${hall}/windows/5/pause`, { commandId: "w5-pause-1" });
    expect(paused.status).toBe(200);
    expect(paused.body.window.state).toBe("paused");
    const refused = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain("paused");
    const resumed = await call("counter", "POST", `/api/halls/${hall}/windows/5/resume`);
    expect(resumed.body.window.state).toBe("open");
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/5/call`)).body.ticket.number).toBe("C001");
  });

  it("never reopens a window a manager closed", async () => {
    const hall = await newHall("counter-closed");
    await call("manager", "PATCH", `/api/halls/${hall}/windows/3`, { state: "closed" });
    const res = await call("counter", "POST", `/api/halls/${hall}/windows/3/resume`);
    expect(res.status).toBe(409);
    expect(res.body.error).toContain("closed");
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/3/pause`)).status).toBe(409);
    expect((await snapshot(hall)).windows.find((w: any) => w.id === "3").state).toBe("closed");
  });

  it("403 for a display or kiosk token, 404 for an unknown window", async () => {
    const hall = await newHall("counter-pause-roles");
    for (const role of ["display", "kiosk"] as const) {
      expect((await call(role, "POST", `/api/halls/${hall}/windows/1/pause`)).status).toBe(403);
      expect((await call(role, "POST", `/api/halls/${hall}/windows/1/resume`)).status).toBe(403);
    }
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/99/pause`)).status).toBe(404);
  });
});

describe("a counter token bound to its windows", () => {
  const env = { TONGBAN_TOKENS: JSON.stringify({ "counter-three-0123456789": { role: "counter", windows: ["3"], name: "window 3 terminal" } }) } as any;

  it("reads the windows a token may act at from TONGBAN_TOKENS", () => {
    const table = tokenTable(env);
    if (!table.ok) throw new Error(table.problem);
    const principal = table.tokens.get("counter-three-0123456789")!;
    expect(principal.windows).toEqual(["3"]);
    expect(mayUseWindow(principal, "3")).toBe(true);
    expect(mayUseWindow(principal, "4")).toBe(false);
    expect(mayUseWindow({ role: "manager", halls: "*", name: "m", windows: ["3"] }, "4")).toBe(true);
  });
});

describe("staff accounts and sign-in", () => {
  it("a manager creates (201) and updates (200) an account; the PIN is never returned", async () => {
    const hall = await newHall("staff-crud");
    const created = await call("manager", "PUT", `/api/halls/${hall}/staff/031245`, { name: "王芳", badge: "031245", pin: "2468" });
    expect(created.status).toBe(201);
    expect(created.body.staff).toEqual({ id: "031245", name: "王芳", badge: "031245", role: "officer", access: "counter", hasPin: true, hasPassword: false });
    const updated = await call("manager", "PUT", `/api/halls/${hall}/staff/031245`, { name: "王芳芳", badge: "031245", role: "lead" });
    expect(updated.status).toBe(200);
    expect(updated.body.staff).toMatchObject({ name: "王芳芳", role: "lead", hasPin: true });
    const list = await call("manager", "GET", `/api/halls/${hall}/staff`);
    expect(JSON.stringify(list.body)).not.toContain("2468");
    expect(list.body.staff).toHaveLength(1);
  });

  it("only managers keep accounts: 403 for counter, kiosk and display", async () => {
    const hall = await newHall("staff-roles");
    for (const role of ["counter", "kiosk", "display"] as const) {
      expect((await call(role, "PUT", `/api/halls/${hall}/staff/x1`, { name: "张三", badge: "x1" })).status, role).toBe(403);
      expect((await call(role, "DELETE", `/api/halls/${hall}/staff/x1`)).status, role).toBe(403);
    }
    expect((await call("kiosk", "GET", `/api/halls/${hall}/staff`)).status).toBe(403);
  });

  it("400 names the bad field", async () => {
    const hall = await newHall("staff-invalid");
    const badBadge = await call("manager", "PUT", `/api/halls/${hall}/staff/a1`, { name: "张三", badge: "警号 1" });
    expect(badBadge.status).toBe(400);
    expect(Object.keys(badBadge.body.details)).toEqual(["badge"]);
    const badPin = await call("manager", "PUT", `/api/halls/${hall}/staff/a1`, { name: "张三", badge: "a1", pin: "12" });
    expect(badPin.body.details.pin).toContain("4 to 8 digits");
    const noName = await call("manager", "PUT", `/api/halls/${hall}/staff/a1`, { name: " ", badge: "a1" });
    expect(Object.keys(noName.body.details)).toEqual(["name"]);
  });

  it("signs in with the right PIN only; the officer shows at the window and in the audit log", async () => {
    const hall = await newHall("staff-sign-in");
    await call("manager", "PUT", `/api/halls/${hall}/staff/031245`, { name: "王芳", badge: "031245", pin: "2468" });
    const missing = await call("counter", "POST", `/api/halls/${hall}/staff/031245/sign-in`, { window: "2" });
    expect(missing.status).toBe(400);
    expect(missing.body.details.pin).toBeTruthy();
    const wrong = await call("counter", "POST", `/api/halls/${hall}/staff/031245/sign-in`, { window: "2", pin: "1111" });
    expect(wrong.status).toBe(403);
    expect((await snapshot(hall)).windows[1].officer).toBeNull();
    const right = await call("counter", "POST", `/api/halls/${hall}/staff/031245/sign-in`, { window: "2", pin: "2468" });
    expect(right.status).toBe(200);
    expect(right.body.window.officer).toEqual({ id: "031245", name: "王芳", badge: "031245" });

    await issue(hall, "household");
    const called = await call("counter", "POST", `/api/halls/${hall}/windows/2/call`);
    expect(called.body.ticket.officer.id).toBe("031245");
    const rows = await audit(hall);
    expect(rows.find((r) => r.action === "call").actor).toContain("王芳");
    expect(rows.find((r) => r.action === "sign_in_refused")).toMatchObject({ role: "counter" });
    expect(JSON.stringify(rows)).not.toContain("2468");
  });

  it("locks an account after five wrong PINs in a row", async () => {
    const hall = await newHall("staff-lock");
    await call("manager", "PUT", `/api/halls/${hall}/staff/s1`, { name: "李四", badge: "s1", pin: "2468" });
    for (let i = 0; i < 5; i++) await call("counter", "POST", `/api/halls/${hall}/staff/s1/sign-in`, { window: "1", pin: "0000" });
    const locked = await call("counter", "POST", `/api/halls/${hall}/staff/s1/sign-in`, { window: "1", pin: "2468" });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toContain("too many");
  });

  it("one officer at one window; an account on duty cannot be removed", async () => {
    const hall = await newHall("staff-duty");
    await call("manager", "PUT", `/api/halls/${hall}/staff/s2`, { name: "赵五", badge: "s2", pin: "7531" });
    expect((await call("counter", "POST", `/api/halls/${hall}/staff/s2/sign-in`, { window: "1", pin: "7531" })).status).toBe(200);
    const twice = await call("counter", "POST", `/api/halls/${hall}/staff/s2/sign-in`, { window: "4", pin: "7531" });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toContain("window 1");
    expect((await call("manager", "DELETE", `/api/halls/${hall}/staff/s2`)).status).toBe(409);
    await call("counter", "POST", `/api/halls/${hall}/windows/1/sign-out`);
    expect((await call("manager", "DELETE", `/api/halls/${hall}/staff/s2`)).status).toBe(200);
    expect((await call("counter", "POST", `/api/halls/${hall}/staff/s2/sign-in`, { window: "1", pin: "7531" })).status).toBe(404);
  });
});

describe("the officer at the window is who they say (issue 23 §2)", () => {
  const windowOf = async (hall: string, id: string) => (await snapshot(hall)).windows.find((w: any) => w.id === id);

  it("an officer signs in at a counter with their own password: the window, the ticket they serve and the audit name them", async () => {
    const hall = await newHall("officer-password");
    await call("manager", "PUT", `/api/halls/${hall}/staff/lin`, { name: "林小梅", badge: "046201", access: "counter", password: "window two 22" });
    const wrong = await call("counter", "POST", `/api/halls/${hall}/staff/lin/sign-in`, { window: "2", password: "window two 23" });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error).toContain("wrong PIN or password");
    expect((await windowOf(hall, "2")).officer).toBeNull();
    const right = await call("counter", "POST", `/api/halls/${hall}/staff/lin/sign-in`, { window: "2", password: "window two 22" });
    expect(right.status).toBe(200);
    expect(right.body.window.officer).toEqual({ id: "lin", name: "林小梅", badge: "046201" });
    await issue(hall, "household");
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/2/call`)).body.ticket.officer).toEqual({ id: "lin", name: "林小梅", badge: "046201" });
    const rows = await audit(hall);
    expect(rows.find((r) => r.action === "sign_in_staff").actor).toContain("林小梅（046201）");
    expect(rows.find((r) => r.action === "call").actor).toContain("林小梅（046201）");
    expect(JSON.stringify(rows)).not.toContain("window two");
  });

  it("names the officer in the audit of a command naming the ticket they serve by its number", async () => {
    const hall = await newHall("officer-by-number");
    await call("manager", "PUT", `/api/halls/${hall}/staff/lin`, { name: "林小梅", badge: "046201", access: "counter", password: "window two 22" });
    expect((await call("counter", "POST", `/api/halls/${hall}/staff/lin/sign-in`, { window: "2", password: "window two 22" })).status).toBe(200);
    await issue(hall, "household");
    const number = (await call("counter", "POST", `/api/halls/${hall}/windows/2/call`)).body.ticket.number as string;
    expect((await call("counter", "POST", `/api/halls/${hall}/tickets/${number.toLowerCase()}/transfer`, { category: "traffic" })).status).toBe(200);
    expect((await audit(hall)).find((r) => r.action === "transfer").actor).toContain("林小梅（046201）");
  });

  it("a PIN typed where a password goes counts; so does a password made of digits typed as a PIN", async () => {
    const hall = await newHall("officer-one-field");
    await call("manager", "PUT", `/api/halls/${hall}/staff/a`, { name: "甲", badge: "046202", pin: "2468" });
    await call("manager", "PUT", `/api/halls/${hall}/staff/b`, { name: "乙", badge: "046203", password: "13572468" });
    expect((await call("counter", "POST", `/api/halls/${hall}/staff/a/sign-in`, { window: "1", password: "2468" })).status).toBe(200);
    expect((await call("counter", "POST", `/api/halls/${hall}/staff/b/sign-in`, { window: "2", pin: "13572468" })).status).toBe(200);
    expect((await windowOf(hall, "1")).officer.badge).toBe("046202");
    expect((await windowOf(hall, "2")).officer.badge).toBe("046203");
  });

  it("a counter cannot put an account with no PIN or password on a window: 409 naming why, nothing changed", async () => {
    const hall = await newHall("officer-no-secret");
    await call("manager", "PUT", `/api/halls/${hall}/staff/s1`, { name: "周强", badge: "046204" });
    const before = await snapshot(hall);
    for (const body of [{ window: "3" }, { window: "3", pin: "0000" }, { window: "3", password: "anything at all" }]) {
      const res = await call("counter", "POST", `/api/halls/${hall}/staff/s1/sign-in`, body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body.code).toBe("conflict");
      expect(res.body.error).toContain("this account has no PIN or password; ask the manager to set one");
    }
    const after = await snapshot(hall);
    expect(after.windows).toEqual(before.windows);
    expect(after.seq).toBe(before.seq);
  });

  it("a counter needs the officer's secret: without it 400 naming the field, nothing changed", async () => {
    const hall = await newHall("officer-secret-missing");
    await call("manager", "PUT", `/api/halls/${hall}/staff/p1`, { name: "钱敏", badge: "046205", password: "qian min 2026" });
    const res = await call("counter", "POST", `/api/halls/${hall}/staff/p1/sign-in`, { window: "3" });
    expect(res.status).toBe(400);
    expect(res.body.details.password).toContain("required");
    expect((await windowOf(hall, "3")).officer).toBeNull();
  });

  it("a manager's account is neither offered at a counter nor put on a window; the counter's list is name and badge only", async () => {
    const hall = await newHall("officer-list");
    await call("manager", "PUT", `/api/halls/${hall}/staff/boss`, { name: "王主任", badge: "046100", access: "manager", password: "manager pass 1", pin: "9999" });
    await call("manager", "PUT", `/api/halls/${hall}/staff/c1`, { name: "孙丽", badge: "046206", role: "auxiliary", pin: "1357", password: "sun li 2026!" });
    const list = await call("counter", "GET", `/api/halls/${hall}/windows/4/officers`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ officers: [{ id: "c1", name: "孙丽", badge: "046206" }] });
    const placed = await call("counter", "POST", `/api/halls/${hall}/staff/boss/sign-in`, { window: "4", pin: "9999" });
    expect(placed.status).toBe(409);
    expect(placed.body.details).toMatchObject({ staff: "boss", access: "manager" });
    expect((await call("manager", "POST", `/api/halls/${hall}/staff/boss/sign-in`, { window: "4" })).status).toBe(409);
    expect((await windowOf(hall, "4")).officer).toBeNull();
    expect((await call("counter", "GET", `/api/halls/${hall}/staff`)).status).toBe(403);
    const nowhere = await call("counter", "GET", `/api/halls/${hall}/windows/99/officers`);
    expect(nowhere.status).toBe(404);
    expect(nowhere.body).toMatchObject({ code: "unknown_window", details: { window: "99" } });
  });

  it("a counter names nobody without an account: the free-form sign-in is the manager's, and audited as theirs", async () => {
    const hall = await newHall("officer-free-form");
    const refused = await call("counter", "POST", `/api/halls/${hall}/windows/2/sign-in`, { officer: { name: "冒名", badge: "046999" } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("forbidden");
    expect((await windowOf(hall, "2")).officer).toBeNull();
    await call("manager", "PUT", `/api/halls/${hall}/staff/s1`, { name: "周强", badge: "046204" });
    expect((await call("manager", "POST", `/api/halls/${hall}/staff/s1/sign-in`, { window: "2" })).status).toBe(200);
    const row = (await audit(hall)).find((r) => r.action === "sign_in_staff");
    expect(row).toMatchObject({ role: "manager", target: "window:2" });
  });

  it("five wrong passwords at windows lock the account there for five minutes (409); the right one after is refused too", async () => {
    const hall = await newHall("officer-password-lock");
    await call("manager", "PUT", `/api/halls/${hall}/staff/z`, { name: "赵敏", badge: "046207", password: "zhao min 2026" });
    for (let i = 0; i < 5; i++) expect((await call("counter", "POST", `/api/halls/${hall}/staff/z/sign-in`, { window: "1", password: `wrong ${i}xxxx` })).status).toBe(403);
    const locked = await call("counter", "POST", `/api/halls/${hall}/staff/z/sign-in`, { window: "1", password: "zhao min 2026" });
    expect(locked.status).toBe(409);
    expect(locked.body.error).toContain("too many");
  });
});

describe("calling from the terminal", () => {
  it("keeps why a ticket was chosen on the ticket at the window", async () => {
    const hall = await newHall("counter-reason");
    await issue(hall, "traffic", { priority: "elderly" });
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    const w5 = (await snapshot(hall)).windows.find((w: any) => w.id === "5");
    expect(w5.current.callReason).toMatchObject({ code: "priority", reasonZh: expect.stringContaining("长者优先") });
  });

  it("two presses of Call next at once: the first citizen is finished, the next called, nobody skipped", async () => {
    const hall = await newHall("counter-double");
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    const [a, b] = await Promise.all([
      call("counter", "POST", `/api/halls/${hall}/windows/5/call`, { commandId: "press-a" }),
      call("counter", "POST", `/api/halls/${hall}/windows/5/call`, { commandId: "press-b" }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const second = a.body.finished ? a : b;
    expect(second.body).toMatchObject({ finished: { number: "C001", status: "done" }, ticket: { number: "C002" } });
    const snap = await snapshot(hall);
    expect(snap.waiting).toEqual([]);
    expect(snap.windows.find((w: any) => w.id === "5").current.number).toBe("C002");
  });

  it("one press finishes the citizen and calls the next: one command, one audit row, replayed by its commandId", async () => {
    const hall = await newHall("counter-one-press");
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    const before = (await snapshot(hall)).seq;
    const rowsBefore = (await audit(hall)).length;
    const press = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`, { commandId: "one-press" });
    expect(press.status).toBe(200);
    expect(press.body).toMatchObject({ finished: { number: "C001", status: "done" }, ticket: { number: "C002", status: "called" } });
    expect((await snapshot(hall)).seq).toBe(before + 2);
    const rows = await audit(hall);
    expect(rows.length).toBe(rowsBefore + 1);
    expect(rows[0]).toMatchObject({ action: "call" });
    const again = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`, { commandId: "one-press" });
    expect(again.body).toEqual(press.body);
    expect((await snapshot(hall)).seq).toBe(before + 2);
    expect((await audit(hall)).length).toBe(rowsBefore + 1);
  });

  it("with callNextFinishes off, a double press of Call next calls one ticket: the second press is a 409 naming it", async () => {
    const hall = await newHall("counter-double-off");
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { callNextFinishes: false })).status).toBe(200);
    await issue(hall, "traffic");
    await issue(hall, "traffic");
    const [a, b] = await Promise.all([
      call("counter", "POST", `/api/halls/${hall}/windows/5/call`, { commandId: "press-a" }),
      call("counter", "POST", `/api/halls/${hall}/windows/5/call`, { commandId: "press-b" }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const conflict = a.status === 409 ? a : b;
    expect(conflict.body.details.ticket).toBe("C001");
    expect((await snapshot(hall)).waiting.map((t: any) => t.number)).toEqual(["C002"]);
  });
});
