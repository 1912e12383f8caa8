/**
 * A paired device's credential cookie → the principal it acts as. The cookie holds
 * `<hall>.<device id>.<credential>`; the hall keeps only the credential's SHA-256 hash and
 * answers whether it still belongs to that device (worker/devices/hall-devices.object.ts).
 */
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import { isDevelopment } from "../env.js";
import { roleOf, type Device } from "../devices/devices.js";
import type { Principal } from "./tokens.js";
import { cookieValue } from "./cookies.js";
import { hallStub } from "../hall-object/stub.js";

export const DEVICE_COOKIE = "tongban_device";

/**
 * Browsers keep a cookie at most 400 days (Chrome caps Max-Age there); every page load by the
 * device renews it (renewDeviceCookie), so only a device unused for 400 days is paired again.
 */
const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 3600;

const COOKIE_SHAPE = /^([a-z0-9][a-z0-9-]{0,39})\.([0-9a-f]{12})\.([0-9a-f]{64})$/;

export interface PairedDevice {
  hall: string;
  id: string;
}

/** The device's principal, "invalid" for a revoked or forged credential, or null when none is presented. */
export async function deviceCaller(c: Context<any>, _hall: string | undefined): Promise<Principal | "invalid" | null> {
  const presented = await presentedDevice(c);
  if (presented === null || presented === "invalid") return presented;
  c.set("pairedDevice", { hall: presented.hall, id: presented.device.id } satisfies PairedDevice);
  return principalOf(presented.hall, presented.device);
}

/** The device whose cookie this request carries, checked with its hall. */
export async function presentedDevice(c: Context<any>): Promise<{ hall: string; device: Device } | "invalid" | null> {
  const value = cookieValue(c.req.raw, DEVICE_COOKIE);
  if (value === null || value === "") return null;
  const match = COOKIE_SHAPE.exec(value);
  if (!match) return "invalid";
  const [, hall, id, credential] = match as unknown as [string, string, string, string];
  const device = await hallStub(c.env, hall).verifyDevice(hall, id, credential);
  return device ? { hall, device } : "invalid";
}

/** The device this request was let in as, once the caller was resolved by its cookie. */
export function pairedDevice(c: Context<any>): PairedDevice | null {
  return (c.get("pairedDevice") as PairedDevice | undefined) ?? null;
}

/** A device acts with its kind's role, in its hall only, and a counter at its window only. */
export function principalOf(hall: string, device: Device): Principal {
  const principal: Principal = { role: roleOf(device.kind), halls: [hall], name: device.name };
  if (device.kind === "counter" && device.window) principal.windows = [device.window];
  return principal;
}

/** Cookies are Secure, except over plain http to this machine while developing (wrangler dev). */
export function secureCookies(c: Context<any>): boolean {
  const url = new URL(c.req.url);
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  return !(url.protocol === "http:" && loopback && isDevelopment(c.env));
}

export function setDeviceCookie(c: Context<any>, hall: string, id: string, credential: string): void {
  setCookie(c, DEVICE_COOKIE, `${hall}.${id}.${credential}`, {
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE,
    httpOnly: true,
    sameSite: "Strict",
    secure: secureCookies(c),
  });
}

/**
 * Sends the device's cookie again with a fresh Max-Age: a device whose page is loaded at least
 * once in 400 days (a reboot, a power cut) stays paired however long it serves.
 */
export function renewDeviceCookie(c: Context<any>): void {
  const device = pairedDevice(c);
  const value = cookieValue(c.req.raw, DEVICE_COOKIE);
  const match = value === null ? null : COOKIE_SHAPE.exec(value);
  if (device && match) setDeviceCookie(c, match[1]!, match[2]!, match[3]!);
}

export function clearDeviceCookie(c: Context<any>): void {
  setCookie(c, DEVICE_COOKIE, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "Strict", secure: secureCookies(c) });
}
