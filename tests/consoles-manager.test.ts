import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, issue, newHall, ORIGIN, snapshot } from "./helpers.js";

async function socket(path: string) {
  const res = await SELF.fetch(`${ORIGIN}${path}`, { headers: { Upgrade: "websocket" } });
  if (res.status !== 101) throw new Error(`no socket: ${res.status} ${await res.text()}`);
  const ws = res.webSocket!;
  const got: any[] = [];
  ws.addEventListener("message", (e) => got.push(typeof e.data === "string" && e.data.startsWith("{") ? JSON.parse(e.data) : e.data));
  ws.accept();
  /** The first message from the `from`th on that passes `test`; fails, naming what came instead, if none does within 2 s. */
  const until = async (test: (m: any) => boolean, what: string, from = 0) => {
    for (let i = 0; i < 80 && !got.slice(from).some(test); i++) await new Promise((r) => setTimeout(r, 25));
    const found = got.slice(from).find(test);
    if (found === undefined) throw new Error(`${path} never sent ${what}; it sent: ${JSON.stringify(got.map((m) => m.type ?? m)).slice(0, 300)}`);
    return found;
  };
  return { ws, got, until };
}

describe("previewing window changes", () => {
  it("shows the waits before and after, and changes nothing", async () => {
    const hall = await newHall("preview");
    for (let i = 0; i < 6; i++) await issue(hall, "traffic");
    const before = await snapshot(hall);
    const res = await call("manager", "POST", `/api/halls/${hall}/preview`, {
      windows: [
        { window: "5", state: "closed" },
        { window: "1", categories: ["household"] },
      ],
    });
    expect(res.status).toBe(200);
    const traffic = res.body.categories.find((c: any) => c.id === "traffic");
    expect(traffic).toMatchObject({ waiting: 6, windowsBefore: 6, windowsAfter: 4 });
    expect(traffic.after).toBeGreaterThanOrEqual(traffic.before);
    expect(res.body.windows.find((w: any) => w.id === "5").state).toBe("closed");
    expect(await snapshot(hall)).toEqual({ ...before, categories: expect.any(Array), waiting: expect.any(Array) });
    expect((await snapshot(hall)).seq).toBe(before.seq);
    expect((await snapshot(hall)).windows).toEqual(before.windows);
  });

  it("409 when the change breaks a hall rule, 400 naming the field, 403 for other roles", async () => {
    const hall = await newHall("preview-refused");
    await issue(hall, "traffic");
    await call("counter", "POST", `/api/halls/${hall}/windows/5/call`);
    const holding = await call("manager", "POST", `/api/halls/${hall}/preview`, { windows: [{ window: "5", state: "closed" }] });
    expect(holding.status).toBe(409);
    expect(holding.body.error).toContain("C001");
    const bad = await call("manager", "POST", `/api/halls/${hall}/preview`, { windows: [{ window: "5", state: "shut" }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(["windows.0.state"]);
    for (const role of ["counter", "kiosk", "display"] as const) {
      expect((await call(role, "POST", `/api/halls/${hall}/preview`, { windows: [{ window: "5", state: "open" }] })).status).toBe(403);
    }
  });
});

describe("the audit log", () => {
  it("has a row for every privileged action: who, role, device, what", async () => {
    const hall = await newHall("audit-rows");
    const headers = { "X-Tongban-Device": "manage-pc-2" };
    await call("manager", "PATCH", `/api/halls/${hall}/windows/2`, { state: "paused" }, headers);
    await call("manager", "PATCH", `/api/halls/${hall}`, { notice: "午休 12:00–13:30 仅开放 1、2 号窗口" }, headers);
    await call("manager", "PUT", `/api/halls/${hall}/staff/s9`, { name: "周七", badge: "s9", pin: "9753" }, headers);
    await call("manager", "POST", `/api/halls/${hall}/reset`, {}, headers);
    const res = await call("manager", "GET", `/api/halls/${hall}/audit?limit=10`);
    expect(res.status).toBe(200);
    const actions = res.body.entries.map((e: any) => e.action);
    expect(actions.slice(0, 4)).toEqual(["reset", "save_staff", "update_settings", "set_window"]);
    expect(res.body.entries[0]).toMatchObject({ role: "manager", actor: "dev-manager", device: "manage-pc-2" });
    expect(res.body.entries[3].target).toBe("window:2");
    expect(JSON.stringify(res.body)).not.toContain("9753");
  });

  it("pages with before= and refuses counters, kiosks and displays", async () => {
    const hall = await newHall("audit-paging");
    for (let i = 0; i < 5; i++) await issue(hall, "household");
    const first = await call("manager", "GET", `/api/halls/${hall}/audit?limit=2`);
    expect(first.body.entries).toHaveLength(2);
    const second = await call("manager", "GET", `/api/halls/${hall}/audit?limit=2&before=${first.body.next}`);
    expect(second.body.entries[0].id).toBeLessThan(first.body.entries[1].id);
    expect((await call("manager", "GET", `/api/halls/${hall}/audit?limit=0`)).status).toBe(400);
    expect((await call("manager", "GET", `/api/halls/${hall}/audit?before=x`)).body.details.before).toBeTruthy();
    for (const role of ["counter", "kiosk", "display"] as const) {
      expect((await call(role, "GET", `/api/halls/${hall}/audit`)).status).toBe(403);
    }
  });
});

describe("announcer status", () => {
  it("keeps each announcer's report with its socket and shows it on the manager console", async () => {
    const hall = await newHall("announcer-status");
    const manager = await socket(`/api/halls/${hall}/live?view=manage&token=dev-manager`);
    const announcer = await socket(`/api/halls/${hall}/live?token=dev-display`);
    announcer.ws.send(JSON.stringify({ type: "announcer.status", sound: true, engines: { "cmn-Hans": "voice-pack", "yue-Hant": "speech" }, label: "东侧音箱" }));
    const shown = await manager.until((m) => m.type === "html" && m.html.includes("东侧音箱"), "the announcer's report");
    expect(shown.html).toContain("1 announcer connected");
    expect(shown.html).toContain("yue-Hant: speech");
    // The hall answers a socket in order: once it has answered a bad report and a stray message
    // sent after the good one, any answer to the good one has come too, and there is none.
    const sent = announcer.got.length;
    announcer.ws.send(JSON.stringify({ type: "announcer.status", sound: "yes" }));
    announcer.ws.send("hello");
    await announcer.until((m) => m.type === "error" && m.error.includes('"ping"'), "an answer to the stray message", sent);
    expect(announcer.got.filter((m) => m.type === "error")).toEqual([
      { type: "error", error: "announcer.status needs sound: true or false" },
      { type: "error", error: 'the live feed takes no messages except "ping" and announcer.status' },
    ]);
    announcer.ws.close();
    await manager.until((m) => m.type === "html" && m.html.includes("0 announcers connected"), "the announcer leaving", manager.got.indexOf(shown) + 1);
    manager.ws.close();
  });
});

describe("console pages", () => {
  const page = (path: string) => SELF.fetch(`${ORIGIN}${path}`);

  it("open for their roles only", async () => {
    const hall = await newHall("console-pages");
    expect((await page(`/halls/${hall}/manage?token=dev-manager`)).status).toBe(200);
    expect((await page(`/halls/${hall}/manage?token=dev-counter`)).status).toBe(403);
    expect((await page(`/halls/${hall}/counter/3?token=dev-kiosk`)).status).toBe(403);
    expect((await page(`/halls/${hall}/counter/99?token=dev-counter`)).status).toBe(404);
    const counter = await page(`/halls/${hall}/counter/3?token=dev-counter`);
    const html = await counter.text();
    for (const action of ["call-next", "recall", "start", "finish", "no-show", "transfer", "pause", "resume"]) {
      expect(html).toContain(`data-action="${action}"`);
    }
  });
});
