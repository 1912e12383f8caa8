import { describe, expect, it } from "vitest";
import { SELF } from "cloudflare:test";
import { call } from "./helpers.js";

describe("the hall's icon", () => {
  it("is served at /favicon.ico, so no page's request for it ends in a 404", async () => {
    const res = await call(null, "GET", "/favicon.ico");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(String(res.body)).toMatch(/^<svg /);
  });

  it("is named by every page, so a browser asks for it only there", async () => {
    const res = await SELF.fetch("http://hall.test/halls/demo/display?token=dev-display");
    expect(await res.text()).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.ico"/>');
  });
});
