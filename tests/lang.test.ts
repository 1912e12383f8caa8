/**
 * The consoles and the citizen status page in each of their languages (`?lang=zh-Hans|zh-Hant|en`,
 * else Accept-Language): `<html lang>`, the words each shows, the live fragments in the page's
 * language, and no Simplified-only character left in a Traditional page's own words. Hall screens
 * take no language.
 */
import { SELF } from "cloudflare:test";
import OpenCC from "opencc-js/cn2t";
import { describe, expect, it } from "vitest";
import { call, newHall, ORIGIN } from "./helpers.js";

const toHant = OpenCC.Converter({ from: "cn", to: "hk" });

/**
 * A hall whose own words are Traditional already (labels, name, category names in Hong Kong's
 * forms), so any Simplified character on its zh-Hant pages is the console's own.
 */
async function traditionalHall(name: string): Promise<{ hall: string; status: string }> {
  const hall = await newHall(name, (c) => {
    c.name = "城東公安服務大廳";
    c.notice = "";
    for (const cat of c.categories) cat.names["zh-Hant"] = toHant(cat.names["zh-Hans"]);
    for (const w of c.windows) w.label = toHant(w.label);
  });
  await call("manager", "PUT", `/api/halls/${hall}/staff/chen`, { name: "陳志強", badge: "045318", access: "counter", password: "correct horse 9" });
  await call("counter", "POST", `/api/halls/${hall}/staff/chen/sign-in`, { window: "1", password: "correct horse 9" });
  const issued = await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "traffic", priority: "elderly" });
  await call("kiosk", "POST", `/api/halls/${hall}/kiosk/tickets`, { category: "household" });
  await call("counter", "POST", `/api/halls/${hall}/windows/1/call`);
  await call("manager", "POST", `/api/halls/${hall}/appointments`, { category: "exit-entry" });
  return { hall, status: issued.body.statusPath };
}

async function page(path: string, acceptLanguage?: string) {
  const res = await SELF.fetch(`${ORIGIN}${path}`, { headers: acceptLanguage ? { "Accept-Language": acceptLanguage } : {}, redirect: "manual" });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

/** Attributes a person reads or hears: a field's hint, a screen reader's name, a tooltip, an image's text. */
const READ_ATTRIBUTES = /\s(?:placeholder|aria-label|title|alt)="([^"]*)"/g;

/**
 * The page's own text in Traditional — its words and the attributes people read — less the
 * switcher's 简体 (each language named in itself) and the feed's address.
 */
function simplifiedLeft(html: string): string[] {
  const markup = html
    .replace(/<script type="application\/json" id="tongban-live">.*?<\/script>/gs, "")
    .replace(/<a [^>]*lang="zh-Hans"[^>]*>[^<]*<\/a>/g, "");
  const read = [...markup.matchAll(READ_ATTRIBUTES)].map((m) => m[1]).join(" ");
  const own = `${markup.replace(/<[^>]+>/g, " ")} ${read}`;
  return [...new Set([...own].filter((c) => /\p{Script=Han}/u.test(c) && toHant(c) !== c))];
}

/** The first fragments a socket gets for a view, in the language it asked for. */
async function fragments(path: string): Promise<string> {
  const res = await SELF.fetch(`${ORIGIN}${path}`, { headers: { Upgrade: "websocket" } });
  expect(res.status, path).toBe(101);
  const ws = res.webSocket!;
  const got: string[] = [];
  ws.addEventListener("message", (e) => got.push(e.data as string));
  ws.accept();
  for (let i = 0; i < 80 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  ws.close(1000, "done");
  return JSON.parse(got[0]!).html as string;
}

const CONSOLES = (hall: string, status: string) => [
  { name: "window terminal", path: `/halls/${hall}/counter/1?token=dev-counter`, zh: "呼叫下一位", hant: "辦結並呼叫下一位", en: "Finish &amp; call next" },
  { name: "kiosk", path: `/halls/${hall}/kiosk?token=dev-kiosk`, zh: "请选择业务取号", hant: "請選擇業務取號", en: "Choose a service to take a number" },
  { name: "manager console", path: `/halls/${hall}/manage?token=dev-manager`, zh: "审计日志", hant: "審計日誌", en: "Audit log: who did what" },
  { name: "window evaluator", path: `/halls/${hall}/windows/1/evaluator?token=dev-display`, zh: "请您对本次服务进行评价", hant: "請您對本次服務進行評價", en: "Please rate the service you received" },
  { name: "citizen status page", path: status, zh: "本页自动更新", hant: "本頁自動更新", en: "This page updates by itself" },
  { name: "staff sign-in", path: `/halls/${hall}/login`, zh: "工作人员登录", hant: "工作人員登錄", en: "Staff sign-in" },
];

describe("the Traditional check itself", () => {
  it("reads the words people read in attributes, not only between tags", () => {
    expect(simplifiedLeft(`<p>號碼</p><input placeholder="请输入">`)).toEqual(["请", "输"]);
    expect(simplifiedLeft(`<button aria-label="叫号">叫號</button>`)).toEqual(["号"]);
    expect(simplifiedLeft(`<span title="窗口状态">窗口</span><img alt="二维码">`)).toEqual(["状", "态", "维", "码"]);
    expect(simplifiedLeft(`<div data-x="状态" class="号">窗口</div>`)).toEqual([]);
  });
});

describe("each console and the status page in each language", async () => {
  const { hall, status } = await traditionalHall("lang-pages");
  const query = (path: string, lang: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;

  it.each(CONSOLES(hall, status).map((c) => [c.name, c] as const))("%s: ?lang= sets <html lang> and its words, Chinese or English first", async (_name, c) => {
    const hans = await page(c.path);
    expect(hans.status).toBe(200);
    expect(htmlLang(hans.html)).toBe("zh-Hans");
    expect(hans.html).toContain(c.zh);
    const hant = await page(query(c.path, "zh-Hant"));
    expect(htmlLang(hant.html)).toBe("zh-Hant");
    expect(hant.html).toContain(c.hant);
    expect(simplifiedLeft(hant.html)).toEqual([]);
    const en = await page(query(c.path, "en"));
    expect(htmlLang(en.html)).toBe("en");
    expect(en.html).toContain(c.en);
    // English leads its line; Simplified Chinese is the line beneath, marked as such.
    expect(en.html).toContain('<span class="en" lang="zh-Hans">');
    expect(en.html).not.toContain('<span class="en" lang="en">');
  });

  // The hall's own devices speak the hall's language whatever the box's browser says (issue 25 §1).
  const HALL_DEVICES = new Set(["kiosk", "window evaluator"]);

  it.each(CONSOLES(hall, status).filter((c) => HALL_DEVICES.has(c.name)).map((c) => [c.name, c] as const))("%s: without ?lang=, the hall's language whatever Accept-Language says", async (_name, c) => {
    for (const header of ["zh-HK,zh;q=0.9,en;q=0.8", "fr-FR,fr;q=0.9,en;q=0.5", "en-US", "zh-CN"]) expect(htmlLang((await page(c.path, header)).html), header).toBe("zh-Hans");
    expect(htmlLang((await page(query(c.path, "zh-Hant"), "en-US")).html)).toBe("zh-Hant");
    expect(htmlLang((await page(query(c.path, "fr"), "zh-TW")).html)).toBe("zh-Hans");
  });

  it.each(CONSOLES(hall, status).filter((c) => !HALL_DEVICES.has(c.name)).map((c) => [c.name, c] as const))("%s: without ?lang=, Accept-Language decides, and the answer says it varies by it", async (_name, c) => {
    expect(htmlLang((await page(c.path, "zh-HK,zh;q=0.9,en;q=0.8")).html)).toBe("zh-Hant");
    expect(htmlLang((await page(c.path, "fr-FR,fr;q=0.9,en;q=0.5")).html)).toBe("en");
    expect(htmlLang((await page(c.path, "zh-CN")).html)).toBe("zh-Hans");
    const asked = await page(query(c.path, "zh-Hant"), "en-US");
    expect(htmlLang(asked.html)).toBe("zh-Hant");
    expect(htmlLang((await page(query(c.path, "fr"), "zh-TW")).html)).toBe("zh-Hant");
    expect(asked.headers.get("Vary")).toContain("Accept-Language");
  });

  it("offers 简体 / 繁體 / English, each the same page with its other parameters and token kept", async () => {
    const { html } = await page(`/halls/${hall}/kiosk?token=dev-kiosk&paper=58&elder=1&lang=en`);
    const links = [...html.matchAll(/<a href="([^"]+)" lang="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[3], m[1]!.replaceAll("&amp;", "&"), m[2]]);
    expect(links).toEqual([
      ["简体", "?paper=58&elder=1&token=dev-kiosk&lang=zh-Hans", "zh-Hans"],
      ["繁體", "?paper=58&elder=1&token=dev-kiosk&lang=zh-Hant", "zh-Hant"],
      ["English", "?paper=58&elder=1&token=dev-kiosk&lang=en", "en"],
    ]);
    expect(html).toMatch(/<a href="[^"]*lang=en" lang="en" hreflang="en" data-lang="en" aria-current="true">/);
    const counter = await page(`/halls/${hall}/counter/1?token=dev-counter&device=t1&lang=zh-Hant`);
    expect(counter.html).toContain('href="?device=t1&amp;token=dev-counter&amp;lang=en"');
    const status_ = await page(`${status}?lang=en`);
    expect(status_.html).toContain('href="?lang=zh-Hant"');
  });

  it("puts the page's language in its feed, so the hall renders its updates in it", async () => {
    const counter = await page(`/halls/${hall}/counter/1?token=dev-counter&lang=en`);
    expect(counter.html).toContain(`/api/halls/${hall}/live?view=counter&amp;window=1&amp;lang=en`.replaceAll("&amp;", "&"));
    const citizen = await page(`${status}?lang=zh-Hant`);
    expect(citizen.html).toContain(`/api/t/${status.slice(3)}/live?lang=zh-Hant`);
    const en = await fragments(`/api/halls/${hall}/live?token=dev-counter&view=counter&window=1&lang=en`);
    expect(en).toContain("Finish &amp; call next");
    expect(en).toContain('lang="zh-Hans"');
    const hant = await fragments(`/api/halls/${hall}/live?token=dev-manager&view=manage&lang=zh-Hant`);
    expect(hant).toContain("開放窗口");
    expect(simplifiedLeft(hant)).toEqual([]);
    const citizenHant = await fragments(`/api/t/${status.slice(3)}/live?lang=zh-Hant`);
    expect(citizenHant).toContain("請到 1 號窗口");
    const citizenDefault = await fragments(`/api/t/${status.slice(3)}/live`);
    expect(citizenDefault).toContain("请到 1 号窗口");
  });

  it("refuses a language the feed does not speak, naming the parameter", async () => {
    const res = await call("display", "GET", `/api/halls/${hall}/live?view=kiosk&lang=fr`, undefined, { Upgrade: "websocket" });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details)).toEqual(["lang"]);
    const citizen = await call(null, "GET", `/api/t/${status.slice(3)}/live?lang=fr`, undefined, { Upgrade: "websocket" });
    expect(citizen.status).toBe(400);
    expect(Object.keys(citizen.body.details)).toEqual(["lang"]);
  });

  it("says why this ticket was called in Traditional from the call's reason code, and in English as the core wrote it", async () => {
    const hant = await page(`/halls/${hall}/counter/1?token=dev-counter&lang=zh-Hant`);
    expect(hant.html).toMatch(/長者優先，已等 \d+ 分鐘/);
    const en = await page(`/halls/${hall}/counter/1?token=dev-counter&lang=en`);
    expect(en.html).toMatch(/Elderly priority, waited \d+ min/);
  });

  it("leaves hall screens as they are: bilingual, Simplified first, whatever is asked", async () => {
    for (const path of [`/halls/${hall}/display?token=dev-display`, `/halls/${hall}/windows/1/screen?token=dev-display`, `/halls/${hall}/dashboard?token=dev-display`]) {
      const asked = await page(`${path}&lang=en`, "en-US");
      expect(htmlLang(asked.html), path).toBe("zh-Hans");
      expect(asked.html, path).not.toContain("lang-switch");
      expect(asked.html, path).not.toContain("lang=en");
      expect(asked.html, path).not.toContain("data-offline-for");
    }
  });
});

describe("the language goes along when a console sends someone elsewhere", () => {
  it("to the login page and back, and on the signed-in bar", async () => {
    const { hall } = await traditionalHall("lang-login");
    const away = await page(`/halls/${hall}/manage?lang=en`);
    expect(away.status).toBe(302);
    expect(away.headers.get("Location")).toBe(`/halls/${hall}/login?next=${encodeURIComponent("/halls/" + hall + "/manage?lang=en")}&lang=en`);
    const login = await page(`/halls/${hall}/login?lang=zh-Hant`);
    expect(login.html).toContain('"lang":"zh-Hant"');
    expect(login.html).toContain(`href="/halls/${hall}/counter/1?lang=zh-Hant"`);
    const browserChose = await page(`/halls/${hall}/login`, "zh-TW");
    expect(htmlLang(browserChose.html)).toBe("zh-Hant");
    expect(browserChose.html).toContain('"lang":null');
    expect(browserChose.html).toContain(`href="/halls/${hall}/counter/1"`);

    const signIn = await SELF.fetch(`${ORIGIN}/api/halls/${hall}/sessions`, {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/json" },
      body: JSON.stringify({ badge: "045318", password: "correct horse 9" }),
    });
    const cookie = /tongban_session=([^;]*)/.exec(signIn.headers.get("Set-Cookie") ?? "")![1];
    const terminal = await page(`/halls/${hall}/counter/1?lang=en`, undefined);
    expect(terminal.status).toBe(302);
    const signedIn = await SELF.fetch(`${ORIGIN}/halls/${hall}/counter/1?lang=zh-Hant`, { headers: { Cookie: `tongban_session=${cookie}` } });
    const html = await signedIn.text();
    expect(html).toContain('id="signed-in"');
    expect(html).toContain("退出登錄");
    expect(simplifiedLeft(html)).toEqual([]);
  });
});
