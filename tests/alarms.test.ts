/**
 * Issue 25 §3: alarms that must not stay silent. A called citizen not at the window after the
 * hall's calledAlarmMinutes, and calls made while no announcer speaks their zone, are alarms on
 * the manager console and the data wall; 一切正常 shows only when there is none. Rules:
 * worker/core/alarms.test.ts; here the hall object, its minute tick and its announcers.
 */
import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HallObject } from "../worker/hall-object/index.js";
import { TICK_MS } from "../worker/hall-object/tick.js";
import { call, issue, newHall, openFeed, ORIGIN } from "./helpers.js";

const stubOf = (hall: string) => env.HALL.get(env.HALL.idFromName(hall));
// A weekday morning in Shanghai, ahead of the suite's clock so the day only moves forward.
const MORNING = Date.parse("2031-03-04T01:30:00Z"); // 09:30

async function setClock(hall: string, at: number): Promise<void> {
  await runInDurableObject(stubOf(hall), (o: HallObject) => {
    o.clock = () => at;
  });
}

const page = async (path: string) => (await SELF.fetch(`${ORIGIN}${path}`)).text();
const manage = (hall: string) => page(`/halls/${hall}/manage?token=dev-manager`);
const wall = (hall: string, zone = "") => page(`/halls/${hall}/dashboard?token=dev-display${zone ? `&zone=${zone}` : ""}`);

/** The manager console's alarm list and the wall's alerts, as text. */
function alarmsIn(html: string): string {
  return /<ul id="manage-alarms"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
}
function alertsIn(html: string): string {
  return /<section id="alerts"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
}
/** A wall's alerts that show (the all-clear line hides itself, in CSS, behind any of them). */
const shownAlerts = (html: string) => [...alertsIn(html).matchAll(/<p class="alert alarm" data-alert="(\w+)"(?![^>]*hidden)/g)].map((m) => m[1]);

async function callAt(hall: string, window: string) {
  const res = await call("counter", "POST", `/api/halls/${hall}/windows/${window}/call`);
  expect(res.status).toBe(200);
  return res.body.ticket.number as string;
}

/** An announcer on the hall's JSON feed that reports its sound on, for `zone` or the whole hall. */
async function announcer(hall: string, zone?: string) {
  const feed = await openFeed(hall);
  await feed.waitFor(1);
  feed.socket.send(JSON.stringify({ type: "announcer.status", sound: true, engines: { "cmn-Hans": "speech" }, ...(zone ? { zone } : {}) }));
  return feed;
}

/** The manager console's live feed: the updates its page swaps in. */
async function managerFeed(hall: string) {
  const res = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/live?view=manage&token=dev-manager`, { headers: { Upgrade: "websocket" } });
  const socket = res.webSocket!;
  const messages: any[] = [];
  socket.addEventListener("message", (e) => messages.push(JSON.parse(e.data as string)));
  socket.accept();
  return {
    async waitFor(n: number) {
      for (let i = 0; i < 80 && messages.length < n; i++) await new Promise((r) => setTimeout(r, 25));
      if (messages.length < n) throw new Error(`expected ${n} messages from the manager's feed, got ${messages.length}`);
      return messages;
    },
    /** The first update holding `text`; fails within 2 s when none does. */
    async until(text: string) {
      const has = () => messages.find((m) => m.type === "html" && m.html.includes(text));
      for (let i = 0; i < 80 && !has(); i++) await new Promise((r) => setTimeout(r, 25));
      if (!has()) throw new Error(`the manager's feed never sent "${text}"`);
      return has();
    },
    close: () => socket.close(1000, "test done"),
  };
}

describe("a called citizen not at the window", () => {
  it("is an alarm on the console and the wall from calledAlarmMinutes after the call, on the hall's clock, raised by the minute tick", async () => {
    const hall = await newHall("alarm-late");
    await setClock(hall, MORNING);
    // An announcer speaks every call, so only the late arrival can alarm.
    const speaker = await announcer(hall);
    await issue(hall, "household");
    const number = await callAt(hall, "3");
    const feed = await managerFeed(hall);
    await feed.waitFor(1);

    await setClock(hall, MORNING + 5 * TICK_MS - 1000);
    expect(alarmsIn(await manage(hall))).toContain("一切正常");
    expect(shownAlerts(await wall(hall))).toEqual([]);

    // Opening the pages at 4′59″ had the minute tick render the console then, without the alarm;
    // its next turn, a minute on, raises it.
    expect((await feed.waitFor(1)).some((m) => m.html?.includes("已叫号"))).toBe(false);
    await setClock(hall, MORNING + 6 * TICK_MS - 1000);
    expect(await runDurableObjectAlarm(stubOf(hall))).toBe(true);
    // The tick sends it to the open console, with no event in the hall.
    await feed.until(`${number} 已叫号 5 分钟，未到 3 号窗口`);
    const console = alarmsIn(await manage(hall));
    expect(console).toContain(`${number} 已叫号 5 分钟，未到 3 号窗口`);
    expect(console).toContain(`${number} called 5 min ago, not at window 3`);
    expect(console).not.toContain("一切正常");
    expect(alertsIn(await wall(hall))).toContain(`<b>${number}</b> 已叫号 5 分钟，未到 3 号窗口`);
    expect(shownAlerts(await wall(hall))).toEqual(["late"]);

    // The citizen comes: being served is no alarm.
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/3/start`)).status).toBe(200);
    expect(alarmsIn(await manage(hall))).toContain("一切正常");
    expect(shownAlerts(await wall(hall))).toEqual([]);
    feed.close();
    speaker.close();
  });

  it("follows the hall's calledAlarmMinutes, which the settings refuse outside 1–60 and change nothing", async () => {
    const hall = await newHall("alarm-late-setting");
    for (const bad of [0, 61, 2.5, "3"]) {
      const res = await call("manager", "PATCH", `/api/halls/${hall}`, { calledAlarmMinutes: bad });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain("calledAlarmMinutes");
    }
    expect((await call("manager", "PATCH", `/api/halls/${hall}`, { calledAlarmMinutes: 2 })).status).toBe(200);
    expect(await manage(hall)).toContain('name="calledAlarmMinutes" type="number" min="1" max="60" value="2"');
    await setClock(hall, MORNING);
    const speaker = await announcer(hall);
    await issue(hall, "traffic");
    const number = await callAt(hall, "5");
    await setClock(hall, MORNING + 2 * TICK_MS);
    expect(alarmsIn(await manage(hall))).toContain(`${number} 已叫号 2 分钟，未到 5 号窗口`);
    speaker.close();
  });
});

describe("calls nobody spoke", () => {
  const zones = [
    { id: "traffic", names: { "zh-Hans": "交管区", "zh-Hant": "交管區", en: "the traffic area" }, windows: ["5"] },
    { id: "main", names: { "zh-Hans": "综合区", "zh-Hant": "綜合區", en: "the main area" }, windows: ["1", "2", "3", "4", "6"] },
  ];

  it("are an alarm per zone while no announcer with its sound on speaks it, on the console and that zone's wall, and clear when one does", async () => {
    const hall = await newHall("alarm-unspoken", (c) => (c.zones = zones));
    await setClock(hall, MORNING);
    const main = await announcer(hall, "main");
    for (let i = 0; i < 3; i++) await issue(hall, "traffic");
    await callAt(hall, "5");
    await callAt(hall, "1");
    expect((await call("counter", "POST", `/api/halls/${hall}/windows/5/recall`)).status).toBe(200);

    const console = alarmsIn(await manage(hall));
    expect(console).toContain("2 次叫号未播报：交管区没有播报器在线");
    expect(console).toContain("2 calls not spoken: no announcer connected in the traffic area");
    expect(console).not.toContain("综合区");
    expect(console).not.toContain("一切正常");
    expect(alertsIn(await wall(hall))).toContain("<b>2 次叫号未播报</b>：交管区没有播报器在线");
    expect(shownAlerts(await wall(hall))).toEqual(["unspoken"]);
    expect(shownAlerts(await wall(hall, "traffic"))).toEqual(["unspoken"]);
    expect(shownAlerts(await wall(hall, "main"))).toEqual([]);

    // The traffic area's announcer comes (sound on): its zone's alarm goes, and stays gone after
    // a call it speaks.
    const traffic = await announcer(hall, "traffic");
    await traffic.waitFor(1);
    for (let i = 0; i < 40 && !alarmsIn(await manage(hall)).includes("一切正常"); i++) await new Promise((r) => setTimeout(r, 25));
    expect(alarmsIn(await manage(hall))).toContain("一切正常");
    await callAt(hall, "5");
    expect(alarmsIn(await manage(hall))).toContain("一切正常");
    expect(shownAlerts(await wall(hall))).toEqual([]);
    main.close();
    traffic.close();
  });

  it("counts every call in a hall without zones once its only announcer has left", async () => {
    const hall = await newHall("alarm-unspoken-hall");
    await setClock(hall, MORNING);
    const speaker = await announcer(hall);
    for (let i = 0; i < 2; i++) await issue(hall, "household");
    await callAt(hall, "1");
    expect(alarmsIn(await manage(hall))).toContain("一切正常");
    speaker.close();
    for (let i = 0; i < 40 && (await manage(hall)).includes("1 announcer connected"); i++) await new Promise((r) => setTimeout(r, 25));
    await callAt(hall, "2");
    expect(alarmsIn(await manage(hall))).toContain("1 次叫号未播报：大厅没有播报器在线");
  });
});
