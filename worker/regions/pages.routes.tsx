/**
 * The region pages: the data wall (a token for the region or above) and the public list of
 * halls (no token). The wall is rendered by the region object, first paint and live updates.
 */
import type { Hono } from "hono";
import { callerOf } from "../access/caller.js";
import { mayAct } from "../access/may-act.js";
import { mayUseRegion } from "../access/region-scope.js";
import type { Env } from "../env.js";
import { definedRegionStub, regionStub } from "./stubs.js";
import { Page } from "../pages/layout.js";
import { regionHallsPage } from "./halls.js";

const REGION_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const NEAR = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/;

function problemPage(message: string): string {
  return Page({
    title: "Tongban",
    bodyClass: "problem",
    children: <main style="display:grid;place-items:center;height:100vh;font-size:3vmin;padding:4vmin;text-align:center"><p>{message}</p></main>,
  }).toString();
}

export function regionPageRoutes(app: Hono<{ Bindings: Env }>): void {
  app.get("/regions/:region/dashboard", async (c) => {
    const region = c.req.param("region");
    if (!REGION_ID.test(region)) return c.html(problemPage(`没有这个区域 · unknown region "${region}"`), 404);
    const caller = await callerOf(c, undefined, { allowQuery: true });
    if (!caller.ok) return c.html(problemPage(caller.status === 503 ? caller.message : "这个页面需要令牌 · This page needs a token (?token=…)"), caller.status);
    if (!mayAct(caller.principal, { region: { id: region, within: await mayUseRegion(c.env, caller.principal, region) } }).ok) {
      return c.html(problemPage(`此令牌无权访问 · This token is not for region "${region}"`), 403);
    }
    const html = await regionStub(c.env, region).page(caller.token);
    if (!html) return c.html(problemPage(`没有这个区域 · unknown region "${region}"`), 404);
    c.header("Cache-Control", "no-store");
    return c.html(html);
  });

  app.get("/regions/:region/halls", async (c) => {
    const region = c.req.param("region");
    if (!REGION_ID.test(region)) return c.html(problemPage(`没有这个区域 · unknown region "${region}"`), 404);
    const m = NEAR.exec(c.req.query("near") ?? "");
    const near = m ? { lat: Number(m[1]), lng: Number(m[2]) } : undefined;
    const list = await (await definedRegionStub(c.env, region))?.publicList(near);
    if (!list) return c.html(problemPage(`没有这个区域 · unknown region "${region}"`), 404);
    c.header("Cache-Control", "public, max-age=10");
    return c.html(regionHallsPage(list, near !== undefined));
  });
}
