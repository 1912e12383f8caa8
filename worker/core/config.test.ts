import { describe, expect, it } from "vitest";
import { checkConfig } from "./config.js";
import { emptyHall } from "./hall.js";
import type { HallConfig } from "./model.js";
import { HALL, T0, at, call, configured, demoConfig, issue, ok, refused, run, ticketNo, windowOf } from "./fixtures.test-util.js";

const officer = { name: "陈警官", badge: "450400-0321" };

function invalid(config: HallConfig) {
  const r = refused(emptyHall(HALL), { type: "configure", config }, T0);
  expect(r.code).toBe("invalid");
  return r;
}

describe("a hall configuration on its own", () => {
  it("accepts the demo hall", () => {
    expect(checkConfig(demoConfig())).toBeNull();
    const out = ok(emptyHall(HALL), { type: "configure", config: demoConfig() }, T0);
    expect(out.events).toEqual([{ type: "hall.configured", config: demoConfig(), day: "2026-11-23", seq: 1, at: new Date(T0).toISOString() }]);
    expect(out.state.settings).toEqual({
      name: "梧州市政务服务中心公安窗口",
      timezone: "Asia/Shanghai",
      alarmMinutes: 10,
      targetWaitMinutes: 8.2,
      languages: ["cmn-Hans", "yue-Hant"],
      noShowRequeueMinutes: 30,
      orderBonusMinutes: 2,
      notice: "",
      supervisionUrl: null,
    });
    expect(out.state.windows.map((w) => [w.id, w.label, w.categories.length])).toEqual([
      ["1", "三合一综合窗口", 3],
      ["2", "三合一综合窗口", 3],
      ["3", "三合一综合窗口", 3],
      ["4", "二合一综合窗口", 2],
      ["5", "交管专窗", 1],
      ["6", "疑难问题窗口", 4],
    ]);
  });

  it("refuses two categories with one id", () => {
    const c = demoConfig();
    const r = invalid({ ...c, categories: [...c.categories, { ...c.categories[0]!, prefix: "E" }] });
    expect(r.details).toEqual({ categories: 'category id "household" appears twice' });
  });

  it("refuses two categories with one prefix, which would give two citizens the same number", () => {
    const c = demoConfig();
    const r = invalid({ ...c, categories: [...c.categories, { ...c.categories[0]!, id: "border" }] });
    expect(r.details).toEqual({ categories: 'prefix "A" is used by two categories' });
  });

  it("refuses prefixes that could print the same number: A1 + 001 and A + 1001 are both A1001", () => {
    const c = demoConfig();
    const r = invalid({ ...c, categories: [...c.categories, { ...c.categories[0]!, id: "id-card", prefix: "A1" }] });
    expect(r.details).toEqual({ categories: 'prefix "A1" could repeat a number of prefix "A"' });
  });

  it("refuses prefixes that differ only in case, as staff may type a number either way", () => {
    const c = demoConfig();
    const r = invalid({ ...c, categories: [...c.categories, { ...c.categories[0]!, id: "id-card", prefix: "a" }] });
    expect(r.details).toEqual({ categories: 'prefix "a" is used by two categories' });
  });

  it("accepts prefixes that share letters but not numbers (A and AB)", () => {
    const c = demoConfig();
    expect(checkConfig({ ...c, categories: [...c.categories, { ...c.categories[0]!, id: "id-card", prefix: "AB" }] })).toBeNull();
  });

  it("refuses two windows with one id or one number", () => {
    const c = demoConfig();
    expect(invalid({ ...c, windows: [...c.windows, { ...c.windows[0]!, number: 7 }] }).details).toEqual({ windows: 'window id "1" appears twice' });
    expect(invalid({ ...c, windows: [...c.windows, { ...c.windows[0]!, id: "7" }] }).details).toEqual({ windows: "window number 1 is used twice" });
  });

  it("refuses a window serving a category the hall does not have, or one category twice", () => {
    const c = demoConfig();
    const windows = c.windows.map((w) => (w.id === "5" ? { ...w, categories: ["traffic", "border"] } : w.id === "4" ? { ...w, categories: ["traffic", "traffic"] } : w));
    const r = invalid({ ...c, windows });
    expect(r.details).toEqual({
      "windows.3.categories": 'window 4 lists "traffic" twice',
      "windows.4.categories": 'window 5 serves unknown category "border"',
    });
  });

  it("refuses a time zone the runtime does not know", () => {
    const r = invalid(demoConfig({ timezone: "Asia/Beijing" }));
    expect(r.details).toEqual({ timezone: 'unknown time zone "Asia/Beijing"' });
    expect(r.message).toBe('invalid hall configuration: unknown time zone "Asia/Beijing"');
  });

  it("reports every problem at once", () => {
    const c = demoConfig({ timezone: "Mars/Olympus" });
    const r = invalid({ ...c, windows: [...c.windows, { ...c.windows[5]!, number: 6, id: "6b", categories: ["border"] }] });
    expect(Object.keys(r.details!).sort()).toEqual(["timezone", "windows", "windows.6.categories"]);
  });

  it("counts the day in the hall's own zone", () => {
    // 2026-11-23 20:00 UTC: already the 24th in Shanghai, still the 23rd in London.
    const late = Date.parse("2026-11-23T20:00:00Z");
    expect(configured(late).day).toBe("2026-11-24");
    expect(configured(late, demoConfig({ timezone: "Europe/London" })).day).toBe("2026-11-23");
  });
});

describe("reconfiguring a live hall", () => {
  function live() {
    let s = configured();
    s = run(s, [
      { type: "sign_in", window: "2", officer },
      { type: "issue", category: "security" }, // D001 waiting
      { type: "issue", category: "traffic" }, // C001 → called at 2
      { type: "call", window: "2" },
    ]).state;
    return s;
  }

  it("keeps the tickets, the numbering, the officers and the tickets at windows", () => {
    const s = live();
    const next = demoConfig({ alarmMinutes: 15 });
    next.windows = next.windows.map((w) => (w.id === "2" ? { ...w, label: "三合一综合窗口（长者优先）", categories: ["household"] } : w));
    const out = ok(s, { type: "configure", config: next }, at(5));
    expect(out.state.tickets).toEqual(s.tickets);
    expect(out.state.counters).toEqual(s.counters);
    expect(windowOf(out.state, "2")).toEqual({ ...windowOf(s, "2"), label: "三合一综合窗口（长者优先）", categories: ["household"] });
    expect(windowOf(out.state, "2").officer).toEqual(officer);
    expect(out.state.settings.alarmMinutes).toBe(15);
    expect(issue(out.state, "traffic", at(6)).number).toBe("C002");
    const done = ok(out.state, { type: "finish", window: "2" }, at(7));
    expect(done.result.ticket?.number).toBe("C001");
  });

  it("refuses to remove a category while someone still holds one of its tickets", () => {
    const s = live();
    const c = demoConfig();
    const r = refused(s, { type: "configure", config: { ...c, categories: c.categories.filter((x) => x.id !== "security"), windows: c.windows.map((w) => ({ ...w, categories: w.categories.filter((x) => x !== "security") })) } }, at(1));
    expect(r).toMatchObject({ code: "conflict", details: { category: "security", ticket: "D001" } });
  });

  it("lets a category go once its tickets are over", () => {
    let s = live();
    s = ok(s, { type: "cancel", ticket: "D001" }, at(1)).state;
    const c = demoConfig();
    const out = ok(s, { type: "configure", config: { ...c, categories: c.categories.filter((x) => x.id !== "security"), windows: c.windows.map((w) => ({ ...w, categories: w.categories.filter((x) => x !== "security") })) } }, at(2));
    expect(out.state.categories.map((x) => x.id)).toEqual(["household", "exit-entry", "traffic"]);
    expect(ticketNo(out.state, "D001").status).toBe("cancelled");
  });

  it("refuses to remove or close a window that holds a ticket", () => {
    const s = live();
    const c = demoConfig();
    expect(refused(s, { type: "configure", config: { ...c, windows: c.windows.filter((w) => w.id !== "2") } }, at(1))).toMatchObject({ code: "conflict", details: { window: "2", ticket: "C001" } });
    expect(refused(s, { type: "configure", config: { ...c, windows: c.windows.map((w) => (w.id === "2" ? { ...w, state: "closed" as const } : w)) } }, at(1)).code).toBe("conflict");
    const paused = ok(s, { type: "configure", config: { ...c, windows: c.windows.map((w) => (w.id === "2" ? { ...w, state: "paused" as const } : w)) } }, at(1));
    expect(windowOf(paused.state, "2")).toMatchObject({ state: "paused", current: ticketNo(s, "C001").id });
  });

  it("refuses to remove a window a waiting ticket was transferred to", () => {
    let s = live();
    s = ok(s, { type: "transfer", ticket: "D001", window: "6" }, at(1)).state;
    const c = demoConfig();
    expect(refused(s, { type: "configure", config: { ...c, windows: c.windows.filter((w) => w.id !== "6") } }, at(2))).toMatchObject({ code: "conflict", details: { window: "6", ticket: "D001" } });
  });

  it("drops the officer of a window the new configuration removes", () => {
    let s = ok(configured(), { type: "sign_in", window: "3", officer }, T0).state;
    const c = demoConfig();
    s = ok(s, { type: "configure", config: { ...c, windows: c.windows.filter((w) => w.id !== "3") } }, at(1)).state;
    expect(s.windows.map((w) => w.id)).toEqual(["1", "2", "4", "5", "6"]);
    s = ok(s, { type: "configure", config: c }, at(2)).state;
    expect(windowOf(s, "3").officer).toBeNull();
  });

  it("is not held back by yesterday's queue once the day has turned", () => {
    const s = live();
    const c = demoConfig();
    const withoutSecurity = { ...c, categories: c.categories.filter((x) => x.id !== "security"), windows: c.windows.map((w) => ({ ...w, categories: w.categories.filter((x) => x !== "security") })) };
    expect(refused(s, { type: "configure", config: withoutSecurity }, Date.parse("2026-11-23T15:59:00Z")).code).toBe("conflict");
    const out = ok(s, { type: "configure", config: withoutSecurity }, Date.parse("2026-11-24T00:30:00Z"));
    expect(out.events.map((e) => e.type)).toEqual(["hall.reset", "hall.configured"]);
    expect(out.state.categories.map((x) => x.id)).not.toContain("security");
  });

  it("moves 'today' with a new time zone without cancelling anyone", () => {
    // 20:00 UTC on the 23rd: Shanghai is on the 24th already, London still on the 23rd.
    const evening = Date.parse("2026-11-23T20:00:00Z");
    let s = issue(configured(evening, demoConfig({ timezone: "Europe/London" })), "household", evening).state;
    const out = ok(s, { type: "configure", config: demoConfig() }, evening + 60_000);
    expect(out.events.map((e) => e.type)).toEqual(["hall.configured"]);
    expect(out.state.day).toBe("2026-11-24");
    expect(ticketNo(out.state, "A001").status).toBe("waiting");
    expect(call(out.state, "1", evening + 120_000).number).toBe("A001");
  });
});

describe("changing settings during the day", () => {
  it("puts a new notice line on the screens by re-announcing the whole configuration", () => {
    let s = run(configured(), [
      { type: "sign_in", window: "4", officer },
      { type: "issue", category: "household" },
      { type: "issue", category: "household" },
      { type: "call", window: "4" },
    ]).state;
    s = ok(s, { type: "set_window", window: "5", state: "paused" }, at(1)).state;
    const out = ok(s, { type: "update_settings", settings: { notice: "今日出入境业务办理至17:00", supervisionUrl: "https://example.gov.cn/jd" } }, at(2));
    expect(out.events).toHaveLength(1);
    const e = out.events[0]!;
    expect(e).toMatchObject({ type: "hall.configured", day: "2026-11-23" });
    if (e.type !== "hall.configured") throw new Error("unreachable");
    expect(e.config.notice).toBe("今日出入境业务办理至17:00");
    expect(e.config.categories).toEqual(s.categories);
    expect(e.config.windows.find((w) => w.id === "5")?.state).toBe("paused");
    expect(out.state.settings).toEqual({ ...s.settings, notice: "今日出入境业务办理至17:00", supervisionUrl: "https://example.gov.cn/jd" });
    expect(out.state.windows).toEqual(s.windows);
    expect(out.state.tickets).toEqual(s.tickets);
    expect(out.state.dayPart).toBe(s.dayPart);
  });

  it("emits nothing when the settings are already so", () => {
    const s = configured();
    const out = ok(s, { type: "update_settings", settings: { alarmMinutes: 10, notice: "" } }, at(1));
    expect(out.events).toEqual([]);
    expect(out.state).toBe(s);
  });

  it("moves the alarm line for the next call", () => {
    let s = issue(configured(), "household", T0).state;
    s = issue(s, "traffic", at(5), "green").state;
    expect(ok(s, { type: "call", window: "1" }, at(6)).result.choice?.code).toBe("priority");
    s = ok(s, { type: "update_settings", settings: { alarmMinutes: 5 } }, at(6)).state;
    const c = ok(s, { type: "call", window: "1" }, at(6));
    expect(c.result.ticket?.number).toBe("A001");
    expect(c.result.choice?.reason).toBe("waited 6 min, over the 5 min line");
  });

  it("turns re-queueing off for no-shows already waiting to come back", () => {
    let s = run(configured(), [{ type: "issue", category: "household" }, { type: "call", window: "1" }, { type: "no_show", window: "1" }]).state;
    s = ok(s, { type: "update_settings", settings: { noShowRequeueMinutes: 0 } }, at(1)).state;
    expect(refused(s, { type: "requeue", ticket: "A001" }, at(2)).message).toBe("this hall does not re-queue no-shows");
  });
});

describe("booking days against the appointment horizon (issue 26)", () => {
  it("refuses booking.days past appointmentDays with a 400 naming both, changing nothing, and takes them raised together", () => {
    const s = configured();
    const r = refused(s, { type: "update_settings", settings: { booking: { days: 40 } } }, at(1));
    expect(r.code).toBe("invalid");
    expect(r.details?.["booking.days"]).toContain("appointmentDays (30 calendar days)");
    expect(refused(s, { type: "update_settings", settings: { appointmentDays: 5 } }, at(1)).details?.["booking.days"]).toContain("booking.days (7 open days)");
    const raised = ok(s, { type: "update_settings", settings: { booking: { days: 40 }, appointmentDays: 60 } }, at(1)).state;
    expect(raised.settings).toMatchObject({ booking: { days: 40 }, appointmentDays: 60 });
  });
});
