import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, newHall, openFeed, ORIGIN, snapshot } from "./helpers.js";

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await SELF.fetch(`${ORIGIN}${path}`);
  return { status: res.status, html: await res.text() };
}

/** The configuration the page hands its browser code. */
function configOf(html: string): any {
  const json = /<script type="application\/json" id="tongban-announcer">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return json ? JSON.parse(json) : null;
}

/** The manager console's page once it shows `text`; fails naming what it showed instead. */
async function managerConsoleShowing(hall: string, text: string): Promise<string> {
  let html = "";
  for (let i = 0; i < 40; i++) {
    html = (await page(`/halls/${hall}/manage?token=dev-manager`)).html;
    if (html.includes(text)) return html;
    await new Promise((r) => setTimeout(r, 25));
  }
  const panel = /<section id="manage-announcers"[\s\S]*?<\/section>/.exec(html)?.[0] ?? html.slice(0, 500);
  throw new Error(`the manager console never showed "${text}"; its announcer panel: ${panel}`);
}

describe("the announcer page", () => {
  it("answers 200 for a display token, with the hall's languages and announcer settings", async () => {
    const hall = await newHall("announcer-page");
    const res = await page(`/halls/${hall}/announcer?token=dev-display`);
    expect(res.status).toBe(200);
    expect(res.html).toContain("点击启用语音");
    expect(res.html).toContain('src="/static/announcer/announcer.js"');
    const config = configOf(res.html);
    expect(config).toMatchObject({
      hall,
      languages: ["cmn-Hans", "yue-Hant"],
      announcer: { repeat: 2, rate: 1, volume: 1, chime: true },
      pack: "default",
      maxAgeMs: 30_000,
      label: null,
    });
    // The JSON feed (not an htmx view), with the page's own token.
    expect(config.feed).toBe(`/api/halls/${hall}/live?token=dev-display`);
    expect(typeof config.serverNow).toBe("number");
  });

  it("answers 401 without a token or with an unknown one", async () => {
    const hall = await newHall("announcer-page-401");
    expect((await page(`/halls/${hall}/announcer`)).status).toBe(401);
    expect((await page(`/halls/${hall}/announcer?token=not-a-token`)).status).toBe(401);
  });

  it("takes its page parameters, and ignores a pack name that is not a plain name", async () => {
    const hall = await newHall("announcer-page-params");
    const ok = configOf((await page(`/halls/${hall}/announcer?token=dev-display&maxAge=5&pack=wuzhou-1&label=东侧`)).html);
    expect(ok).toMatchObject({ maxAgeMs: 5000, pack: "wuzhou-1", label: "东侧" });
    const odd = configOf((await page(`/halls/${hall}/announcer?token=dev-display&maxAge=x&pack=../x`)).html);
    expect(odd).toMatchObject({ maxAgeMs: 30_000, pack: "default" });
  });
});

describe("announcer settings", () => {
  it("a manager changes one announcer setting and keeps the others", async () => {
    const hall = await newHall("announcer-settings");
    const res = await call("manager", "PATCH", `/api/halls/${hall}`, { announcer: { repeat: 3 } });
    expect(res.status).toBe(200);
    expect((await snapshot(hall)).hall.announcer).toEqual({ repeat: 3, rate: 1, volume: 1, chime: true });
    await call("manager", "PATCH", `/api/halls/${hall}`, { announcer: { rate: 0.8, chime: false } });
    expect((await snapshot(hall)).hall.announcer).toEqual({ repeat: 3, rate: 0.8, volume: 1, chime: false });
    expect(configOf((await page(`/halls/${hall}/announcer?token=dev-display`)).html).announcer).toEqual({ repeat: 3, rate: 0.8, volume: 1, chime: false });
  });

  it("refuses settings out of range, naming the field", async () => {
    const hall = await newHall("announcer-settings-bad");
    for (const announcer of [{ repeat: 0 }, { repeat: 6 }, { rate: 3 }, { volume: 1.5 }, { chime: "yes" }, { speed: 1 }]) {
      const res = await call("manager", "PATCH", `/api/halls/${hall}`, { announcer });
      expect(res.status, JSON.stringify(announcer)).toBe(400);
    }
    expect((await snapshot(hall)).hall.announcer).toEqual({ repeat: 2, rate: 1, volume: 1, chime: true });
  });

  it("an announcer's status report is taken by the live feed without an error", async () => {
    const hall = await newHall("announcer-status");
    const feed = await openFeed(hall, "&since=0");
    await feed.waitFor(1);
    const before = feed.messages.length;
    feed.socket.send(JSON.stringify({ type: "announcer.status", sound: false, engines: { "cmn-Hans": "voice-pack", "yue-Hant": "none" }, queue: 2 }));
    // Taken: the manager console lists the announcer with what it reported.
    const manage = await managerConsoleShowing(hall, "1 announcer connected");
    expect(manage).toContain("sound off");
    expect(manage).toContain("cmn-Hans: voice-pack · yue-Hant: none");
    expect(manage).toContain("2 to speak");
    // Not refused either: the hall answers a socket in order, so once it has answered a bad report
    // and a stray message sent after the good one, any answer to the good one has come too.
    feed.socket.send(JSON.stringify({ type: "announcer.status", sound: "maybe", engines: {} }));
    feed.socket.send("hello");
    await feed.waitFor(before + 2);
    expect(feed.messages.slice(before)).toEqual([
      { type: "error", error: "announcer.status needs sound: true or false" },
      { type: "error", error: 'the live feed takes no messages except "ping" and announcer.status' },
    ]);
    feed.close();
  });
});
