/**
 * A realistic busy morning, made through the API as kiosks and window terminals make it: officers
 * signed in, 25 tickets across the four categories with some priorities, calls at every window,
 * one window paused and a notice. Shared by the screenshots and the screen tests.
 */
import { api, demoLikeHall } from "./harness.js";
import { NOTICE, OFFICERS } from "./screens-fixtures.js";

export { NOTICE, OFFICERS };

const TICKETS: Array<{ category: string; priority?: string }> = [
  { category: "traffic" },
  { category: "household" },
  { category: "traffic" },
  { category: "exit-entry", priority: "appointment" },
  { category: "household", priority: "elderly" },
  { category: "traffic" },
  { category: "security" },
  { category: "household" },
  { category: "traffic" },
  { category: "exit-entry" },
  { category: "traffic" },
  { category: "household" },
  { category: "household", priority: "disabled" },
  { category: "traffic" },
  { category: "exit-entry" },
  { category: "security", priority: "green" },
  { category: "traffic" },
  { category: "household" },
  { category: "exit-entry" },
  { category: "traffic" },
  { category: "household" },
  { category: "security" },
  { category: "traffic" },
  { category: "exit-entry", priority: "appointment" },
  { category: "household" },
];

async function ok(res: Promise<{ status: number; body: any }>): Promise<any> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Configures `name` like the demo hall and runs a busy morning in it. */
export async function busyHall(name: string): Promise<string> {
  const hall = await demoLikeHall(name, (c) => {
    c.name = "城东公安服务大厅";
    c.languages = ["cmn-Hans", "yue-Hant", "en"];
  });
  const at = (w: string, action: string, body?: unknown) => ok(api("counter", "POST", `/api/halls/${hall}/windows/${w}/${action}`, body));
  // Named by the manager: a counter puts only an account on its window, with the officer's own secret.
  for (const [w, officer] of Object.entries(OFFICERS)) await ok(api("manager", "POST", `/api/halls/${hall}/windows/${w}/sign-in`, { officer }));
  for (const t of TICKETS) await ok(api("kiosk", "POST", `/api/halls/${hall}/tickets`, t));
  // First round at every window, then the quick windows finish and call again.
  for (const w of ["1", "2", "3", "4", "5", "6"]) await at(w, "call");
  for (const w of ["1", "3"]) await at(w, "start");
  for (const w of ["2", "4", "5"]) await at(w, "finish");
  for (const w of ["2", "5"]) await at(w, "call");
  await at("2", "start");
  await at("5", "finish");
  await at("5", "call");
  await at("1", "finish");
  await at("1", "call");
  await at("5", "start");
  await ok(api("manager", "PATCH", `/api/halls/${hall}/windows/4`, { state: "paused" }));
  await ok(api("manager", "PATCH", `/api/halls/${hall}`, { notice: NOTICE }));
  await at("6", "recall");
  return hall;
}
