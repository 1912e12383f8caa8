/**
 * The console's Staff tab (issue 23 §2): beside each account with counter access that has
 * neither PIN nor password, a warning that it cannot sign in at a window, and how to set one.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, newHall, ORIGIN } from "./helpers.js";

/** The staff table row for `id`, tags removed. */
function row(html: string, id: string): string {
  const from = html.indexOf(`data-staff="${id}"`);
  if (from < 0) return "";
  return html.slice(from, html.indexOf("</tr>", from)).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("the Staff tab", () => {
  it("warns beside a counter account with neither PIN nor password, and only there, until one is set", async () => {
    const hall = await newHall("staff-warning");
    await call("manager", "PUT", `/api/halls/${hall}/staff/bare`, { name: "赵一", badge: "bare" });
    await call("manager", "PUT", `/api/halls/${hall}/staff/pin`, { name: "钱二", badge: "pin", pin: "2468" });
    await call("manager", "PUT", `/api/halls/${hall}/staff/pass`, { name: "孙三", badge: "pass", password: "window pass 1" });
    await call("manager", "PUT", `/api/halls/${hall}/staff/boss`, { name: "李四", badge: "boss", access: "manager" });
    const page = async (lang = "zh-Hans") => (await SELF.fetch(`${ORIGIN}/halls/${hall}/manage?token=dev-manager&lang=${lang}`)).text();

    const html = await page();
    expect(row(html, "bare")).toContain("未设PIN或密码，无法在窗口签到");
    expect(row(html, "bare")).toContain("点「编辑」为其设置 PIN 或密码");
    for (const id of ["pin", "pass", "boss"]) expect(row(html, id)).not.toContain("无法在窗口签到");
    expect(row(await page("en"), "bare")).toContain("No PIN or password: cannot sign in at a window");

    await call("manager", "PUT", `/api/halls/${hall}/staff/bare`, { name: "赵一", badge: "bare", pin: "1357" });
    expect(row(await page(), "bare")).not.toContain("无法在窗口签到");
  });
});
