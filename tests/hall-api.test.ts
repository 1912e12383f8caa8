import { describe, expect, it } from "vitest";
import { call, issue, newHall, snapshot } from "./helpers.js";

describe("configuring a hall", () => {
  it("creates a hall with PUT (201), replaces it with a second PUT (200), and snapshots it", async () => {
    const hall = await newHall("config-roundtrip");
    const snap = await snapshot(hall);
    expect(snap.hall).toMatchObject({ id: hall, timezone: "Asia/Shanghai", alarmMinutes: 10 });
    expect(snap.categories.map((c: any) => c.prefix)).toEqual(["A", "B", "C", "D"]);
    expect(snap.windows.map((w: any) => w.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(snap.windows[4]).toMatchObject({ label: "交管专窗", state: "open", categories: ["traffic"], officer: null, current: null });

    const again = await call("admin", "PUT", `/api/halls/${hall}`, { ...(await demoBody()), alarmMinutes: 15 });
    expect(again.status).toBe(200);
    expect(again.body.hall.alarmMinutes).toBe(15);
  });

  it("answers 404 for a hall nobody configured", async () => {
    const res = await call("display", "GET", "/api/halls/nowhere");
    expect(res.status).toBe(404);
    expect(res.body.error).toContain("nowhere");
  });

  it("refuses a configuration whose window serves an unknown category, naming the field", async () => {
    const body = await demoBody();
    body.windows[0].categories = ["household", "passports"];
    const res = await call("admin", "PUT", "/api/halls/bad-config", body);
    expect(res.status).toBe(400);
    expect(res.body.details["windows.0.categories"]).toContain("passports");
    expect((await call("display", "GET", "/api/halls/bad-config")).status).toBe(404);
  });
});

async function demoBody(): Promise<any> {
  const { demoConfig } = await import("../worker/demo/hall.js");
  return JSON.parse(JSON.stringify(demoConfig()));
}

describe("a citizen's path through the API", () => {
  it("numbers tickets per category and tells the citizen how many are ahead", async () => {
    const hall = await newHall("numbering");
    const a1 = await issue(hall, "household");
    const a2 = await issue(hall, "household");
    const c1 = await issue(hall, "traffic", { priority: "elderly" });
    expect([a1.ticket.number, a2.ticket.number, c1.ticket.number]).toEqual(["A001", "A002", "C001"]);
    expect(a1.ticket).toMatchObject({ category: "household", priority: "normal", status: "waiting", callCount: 0 });
    expect(c1.ticket.priority).toBe("elderly");
    expect(a2.ahead).toBe(1);
    expect(typeof a2.estimatedWaitMinutes).toBe("number");
  });

  it("calls, recalls, serves and finishes a ticket at a window", async () => {
    const hall = await newHall("service-path");
    const { ticket } = await issue(hall, "traffic");
    const called = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`, {});
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ number: ticket.number, status: "called", window: "5", callCount: 1 });
    expect(called.body.reason).toMatch(/wait/);

    const recalled = await call("counter", "POST", `/api/halls/${hall}/windows/5/recall`);
    expect(recalled.body.ticket.callCount).toBe(2);
    const started = await call("counter", "POST", `/api/halls/${hall}/windows/5/start`);
    expect(started.body.ticket.status).toBe("serving");
    const finished = await call("counter", "POST", `/api/halls/${hall}/windows/5/finish`);
    expect(finished.body.ticket).toMatchObject({ status: "done" });
    expect(finished.body.ticket.finishedAt).toBeTruthy();

    const snap = await snapshot(hall);
    expect(snap.windows.find((w: any) => w.id === "5").current).toBeNull();
    expect(snap.recentCalls.map((c: any) => [c.ticket.number, c.window.number, c.recall])).toEqual([
      [ticket.number, 5, true],
      [ticket.number, 5, false],
    ]);
  });

  it("answers { ticket: null } when nobody waits for the window's categories", async () => {
    const hall = await newHall("empty-call");
    await issue(hall, "security");
    const res = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ticket: null });
  });

  it("marks a no-show and re-queues it once at the back of the line", async () => {
    const hall = await newHall("no-show");
    const first = await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    const missed = await call("counter", "POST", `/api/halls/${hall}/windows/5/no-show`);
    expect(missed.body.ticket.status).toBe("no_show");
    const second = await issue(hall, "traffic");
    const requeued = await call("counter", "POST", `/api/halls/${hall}/tickets/${first.ticket.number}/requeue`);
    expect(requeued.status).toBe(200);
    expect(requeued.body.ticket.status).toBe("waiting");
    const next = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    expect(next.body.ticket.number).toBe(second.ticket.number);
    const twice = await call("counter", "POST", `/api/halls/${hall}/tickets/${first.ticket.id}/requeue`);
    expect(twice.status).toBe(409);
  });

  it("transfers a ticket to another category, keeping its number and its place", async () => {
    const hall = await newHall("transfer");
    const a = await issue(hall, "household");
    await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/4/call`);
    const moved = await call("counter", "POST", `/api/halls/${hall}/tickets/${a.ticket.number}/transfer`, { category: "traffic" });
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ number: a.ticket.number, category: "traffic", status: "waiting", queuedAt: a.ticket.queuedAt });
    const next = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    expect(next.body.ticket.number).toBe(a.ticket.number);
  });

  it("transfers a ticket to a window that alone may call it", async () => {
    const hall = await newHall("transfer-window");
    const a = await issue(hall, "household");
    const moved = await call("manager", "POST", `/api/halls/${hall}/tickets/${a.ticket.number}/transfer`, { window: "6" });
    expect(moved.body.ticket.targetWindow).toBe("6");
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/1/call`)).body.ticket).toBeNull();
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/6/call`)).body.ticket.number).toBe(a.ticket.number);
  });

  it("cancels a waiting ticket, and refuses to cancel it twice", async () => {
    const hall = await newHall("cancel");
    const a = await issue(hall, "household");
    const res = await call("manager", "POST", `/api/halls/${hall}/tickets/${a.ticket.number}/cancel`, { reason: "left the hall" });
    expect(res.body.ticket).toMatchObject({ status: "cancelled", cancelReason: "left the hall" });
    expect((await call("manager", "POST", `/api/halls/${hall}/tickets/${a.ticket.number}/cancel`)).status).toBe(409);
  });

  it("pauses a window so it cannot call, and changes its categories live", async () => {
    const hall = await newHall("window-patch");
    await issue(hall, "security");
    const paused = await call("manager", "PATCH", `/api/halls/${hall}/windows/5`, { state: "paused" });
    expect(paused.body.window.state).toBe("paused");
    const refused = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("window 5 is paused");
    await call("manager", "PATCH", `/api/halls/${hall}/windows/5`, { state: "open", categories: ["security", "traffic"] });
    const called = await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    expect(called.body.ticket.category).toBe("security");
  });

  it("shows the officer signed in at a window, and on the tickets they call", async () => {
    const hall = await newHall("officer");
    const officer = { name: "李警官", badge: "045123" };
    const signed = await call("manager", "POST", `/api/halls/${hall}/windows/2/sign-in`, { officer });
    expect(signed.body.window.officer).toEqual(officer);
    const elsewhere = await call("manager", "POST", `/api/halls/${hall}/windows/3/sign-in`, { officer });
    expect(elsewhere.status).toBe(409);
    await issue(hall, "exit-entry");
    const called = await call("counter", "POST", `/api/halls/${hall}/windows/2/call`);
    expect(called.body.ticket.officer).toEqual(officer);
    const out = await call("counter", "POST", `/api/halls/${hall}/windows/2/sign-out`);
    expect(out.body.window.officer).toBeNull();
  });

  it("ends the day on a manager's reset: unfinished tickets cancelled, numbering restarts, ids stay unique", async () => {
    const hall = await newHall("manual-reset");
    const before = await issue(hall, "household");
    const reset = await call("manager", "POST", `/api/halls/${hall}/reset`);
    expect(reset.status).toBe(200);
    const snap = await snapshot(hall);
    expect(snap.waiting).toEqual([]);
    const after = await issue(hall, "household");
    expect(after.ticket.number).toBe("A001");
    expect(after.ticket.id).not.toBe(before.ticket.id);
  });
});

describe("the OpenAPI document", () => {
  it("describes every endpoint of the public API", async () => {
    const res = await call(null, "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const p of [
      "/api/halls/{hall}",
      "/api/halls/{hall}/tickets",
      "/api/halls/{hall}/windows/{window}/call",
      "/api/halls/{hall}/windows/{window}/no-show",
      "/api/halls/{hall}/tickets/{ticket}/transfer",
      "/api/halls/{hall}/tickets/{ticket}/cancel",
      "/api/halls/{hall}/windows/{window}",
      "/api/halls/{hall}/live",
    ]) {
      expect(paths).toContain(p);
    }
    expect(res.body.paths["/api/halls/{hall}"].put).toBeDefined();
    expect(res.body.paths["/api/halls/{hall}/windows/{window}"].patch).toBeDefined();
  });
});

describe("hall settings during the day", () => {
  it("lets a manager set the notice line and supervision address, and refuses a bad address", async () => {
    const hall = await newHall("settings");
    const res = await call("manager", "PATCH", `/api/halls/${hall}`, { notice: "今日出入境业务 16:00 截止", supervisionUrl: "https://jubao.example.gov.cn/h/1" });
    expect(res.status).toBe(200);
    expect(res.body.hall).toMatchObject({ notice: "今日出入境业务 16:00 截止", supervisionUrl: "https://jubao.example.gov.cn/h/1" });
    const bad = await call("manager", "PATCH", `/api/halls/${hall}`, { supervisionUrl: "javascript:alert(1)" });
    expect(bad.status).toBe(400);
    expect(bad.body.details.supervisionUrl).toBeTruthy();
    expect((await snapshot(hall)).hall.supervisionUrl).toBe("https://jubao.example.gov.cn/h/1");
    expect((await call("counter", "PATCH", `/api/halls/${hall}`, { notice: "x" })).status).toBe(403);
  });
});
