/** What every browser test needs: the dev server's URL, Chromium, and the API as a device sees it. */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { inject } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

export function baseUrl(): string {
  return inject("baseUrl");
}

/**
 * A hall's browser: consoles take their language from Accept-Language, and Playwright's default
 * (en-US) would show them in English, so every page opens as a Chinese PC's does (zh-CN) unless
 * a test gives it another `locale`.
 */
export const HALL_LOCALE = "zh-CN";

export async function launch(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: HALL_LOCALE, ...options });
  browser.newPage = (options = {}) => newPage({ locale: HALL_LOCALE, ...options });
  return browser;
}

export async function api(role: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { Authorization: `Bearer dev-${role}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Configures `name` like the demo hall (the demo hall itself is left for people to play with). */
export async function demoLikeHall(name: string, change: (config: any) => void = () => {}): Promise<string> {
  const { demoConfig } = await import("../../worker/demo/hall.js");
  const config: any = demoConfig();
  change(config);
  const res = await api("admin", "PUT", `/api/halls/${name}`, config);
  if (res.status !== 201 && res.status !== 200) throw new Error(`configure ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return name;
}

/**
 * Where screenshots go: .tmp/screens/ (gitignored) on an ordinary run, so a test run leaves the
 * tree clean; `npm run screenshots` sets TONGBAN_SCREENS=docs/screens to refresh the README's.
 * A relative folder is taken from the repository root.
 */
export const SCREENS_DIR = resolve(fileURLToPath(new URL("../..", import.meta.url)), process.env.TONGBAN_SCREENS || ".tmp/screens");

/** Saves a screenshot of a page, or of one element (a locator), as SCREENS_DIR/<name>.png. */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await target.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
}
