/** Content for the signage tests: a procedure-flow poster drawn by Chromium, and items to upload. */
import type { Browser } from "playwright-core";
import { baseUrl } from "./harness.js";

/** A 1280×720 PNG of a hall's procedure (办证流程), as a hall's designer would make one. */
export async function flowPoster(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const steps = ["取号", "等候叫号", "窗口办理", "评价"];
  const colours = ["#1f6feb", "#2da44e", "#bf8700", "#8250df"];
  await page.setContent(`<body style="margin:0;font-family:'Noto Sans CJK SC',sans-serif;background:#f5f7fb;height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:70px">
    <p style="margin:0;font-size:64px;font-weight:800;color:#123">办证流程 · How it works</p>
    <div style="display:flex;gap:20px;align-items:center;white-space:nowrap;font-size:46px;font-weight:800">${steps
      .map((t, i) => `<div style="background:${colours[i]};color:#fff;padding:36px 30px;border-radius:24px">${i + 1} ${t}</div>`)
      .join('<div style="font-size:56px;color:#567">→</div>')}</div></body>`);
  const png = await page.screenshot();
  await page.close();
  return png;
}

export async function uploadImage(hall: string, png: Buffer, item: unknown): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(png)], "flow.png", { type: "image/png" }));
  form.set("item", JSON.stringify(item));
  const res = await fetch(`${baseUrl()}/api/halls/${hall}/content`, { method: "POST", headers: { Authorization: "Bearer dev-manager" }, body: form });
  return { status: res.status, body: await res.json() };
}

export const PASSPORT_GUIDE = {
  kind: "guide",
  category: "exit-entry",
  title: { "zh-Hans": "首次申领普通护照", en: "Your first passport" },
  materials: [
    { "zh-Hans": "居民身份证原件", en: "Resident ID card" },
    { "zh-Hans": "户口簿（未成年人）", en: "Household register (minors)" },
    { "zh-Hans": "近期免冠彩色照片", en: "A recent colour photo" },
  ],
  fee: { "zh-Hans": "120 元", en: "CNY 120" },
  timeLimit: { "zh-Hans": "7 个工作日", en: "7 working days" },
  where: { "zh-Hans": "1–3 号综合窗口", en: "Windows 1–3" },
};

export const CLOSING_NOTICE = {
  kind: "notice",
  title: { "zh-Hans": "温馨提示", en: "Please note" },
  text: { "zh-Hans": "今日出入境业务办理至 17:00，身份证加急请到 6 号窗口咨询。", en: "Exit-entry services close at 17:00 today; urgent ID cards at window 6." },
};
