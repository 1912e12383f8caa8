// The self-hosted proof's share of issue 24 §4–5 (imported by scripts/selfhost-proof.mjs): two
// deployments, two workerd processes — a hall box reporting to its city's server over a TCP link
// the proof cuts, the city server killed and started again — checked from outside.
import { createServer, connect } from "node:net";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A TCP relay from `port` to `to`: `cut()` drops every connection and refuses new ones, as a
 * failed uplink does; `mend()` lets them through again.
 */
function relay(port, to) {
  let up = true;
  const open = new Set();
  const server = createServer((inbound) => {
    if (!up) return inbound.destroy();
    const outbound = connect(to, "127.0.0.1");
    open.add(inbound).add(outbound);
    for (const [a, b] of [[inbound, outbound], [outbound, inbound]]) {
      a.pipe(b);
      a.on("error", () => b.destroy());
      a.on("close", () => (b.destroy(), open.delete(a)));
    }
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        server,
        cut() {
          up = false;
          for (const s of open) s.destroy();
        },
        mend() {
          up = true;
        },
      }),
    ),
  );
}

/**
 * Issue 24 §4–5: two deployments, two workerd processes. The city's server (the upstream) holds
 * the region tree and a `reporter` token bound to the hall; the hall box holds the hall and
 * reports through TONGBAN_UPSTREAM over a link the proof can cut. The city server is killed, the
 * hall works on, the city comes back: first with its clock three minutes on (the outage's length,
 * on an injected clock, not waited out) while the link is still down — the region must say the
 * hall is stale — then on the hall's clock with the link mended: current within 10 s, nothing
 * counted twice.
 */
export async function federation({ launch, stop, kill9, api, check, running, data, port: PORT, morning: MORNING }) {
  const HALL_PORT = PORT + 1;
  const CITY_PORT = PORT + 2;
  const LINK_PORT = PORT + 3;
  const CITY = `http://127.0.0.1:${CITY_PORT}`;
  const HALL = `http://127.0.0.1:${HALL_PORT}`;
  const REPORTER = "reporter-proof-fed-hall-0001";
  const cityEnv = { TONGBAN_TOKENS: JSON.stringify({ [REPORTER]: { role: "reporter", halls: ["fed"], name: "hall box fed" } }), TONGBAN_UPSTREAM: "", TONGBAN_UPSTREAM_TOKEN: "" };
  const cityDir = `${data}.upstream`;
  const hallDir = `${data}.hall`;
  const up = async (clock) => {
    const child = await launch({ port: CITY_PORT, dir: cityDir, clock, env: cityEnv });
    running.add(child);
    return child;
  };
  const down = async (child, how = stop) => {
    await how(child);
    running.delete(child);
  };
  const atCity = (role, method, path, body) => api(role, method, path, body, {}, CITY);
  const atHall = (role, method, path, body) => api(role, method, path, body, {}, HALL);
  /** The hall's line on the city's wall (GET /api/regions/fed-city), and the province's. */
  const wall = async () => {
    const [city, province] = await Promise.all([atCity("admin", "GET", "/api/regions/fed-city"), atCity("admin", "GET", "/api/regions/fed-province")]);
    return { lines: city.body.halls?.filter((h) => h.hall === "fed") ?? [], line: city.body.halls?.find((h) => h.hall === "fed"), province: province.body };
  };
  const until = async (test, ms) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await test();
      if (value || Date.now() > deadline) return value;
      await sleep(200);
    }
  };

  let city = await up(MORNING);
  const province = await atCity("admin", "PUT", "/api/regions/fed-province", { name: { "zh-Hans": "证明省" }, parent: null });
  const cityRegion = await atCity("admin", "PUT", "/api/regions/fed-city", { name: { "zh-Hans": "证明市" }, parent: "fed-province" });
  check("the city server holds the region tree", province.status === 201 && cityRegion.status === 201, `${province.status} ${cityRegion.status} ${cityRegion.text}`);

  const notice = await atCity("manager", "POST", "/api/regions/fed-province/content", { kind: "notice", text: { "zh-Hans": "全省通知：证明用公告" } });
  const link = await relay(LINK_PORT, CITY_PORT);
  try {
    await across(link);
  } finally {
    link.server.close();
  }

  /** Everything over the link: closed whatever happens. */
  async function across(link) {
    const hall = await launch({
      port: HALL_PORT,
      dir: hallDir,
      clock: MORNING,
      // 127.0.0.1 is a "local" address to workerd, not a public one.
      env: { TONGBAN_UPSTREAM: `http://127.0.0.1:${LINK_PORT}`, TONGBAN_UPSTREAM_TOKEN: REPORTER, TONGBAN_OUTBOUND: "public,private,local" },
    });
    running.add(hall);
    const config = {
      name: "联邦证明大厅",
      timezone: "Asia/Shanghai",
      region: "fed-city",
      categories: [{ id: "household", prefix: "A", names: { "zh-Hans": "户政", "zh-Hant": "戶政", en: "Household registration" }, serviceMinutes: 6, weight: 1 }],
      windows: [{ id: "1", number: 1, label: "综合窗口", categories: ["household"], state: "open" }],
    };
    const nowhere = await atHall("admin", "PUT", "/api/halls/fed", { ...config, region: "fed-nowhere" });
    check("the hall box refuses a region neither it nor the city server holds", nowhere.status === 400 && /fed-nowhere/.test(nowhere.body.error) && /127\.0\.0\.1/.test(nowhere.body.error), `${nowhere.status} ${nowhere.text}`);
    const placed = await atHall("admin", "PUT", "/api/halls/fed", config);
    check("the hall box accepts the region the city server holds", placed.status === 201, `${placed.status} ${placed.text}`);

    let issued = 0;
    let called = 0;
    const issueOne = async () => {
      const res = await atHall("kiosk", "POST", "/api/halls/fed/tickets", { category: "household" });
      if (res.status === 201) issued++;
      return res;
    };
    const callOne = async () => {
      const res = await atHall("counter", "POST", "/api/halls/fed/windows/1/call", {});
      if (res.status === 200 && res.body.ticket) called++;
      return res;
    };
    for (let i = 0; i < 3; i++) await issueOne();
    await callOne();
    const shows = (l) => l?.issuedToday === issued && l?.waiting === issued - called;
    const flowed = await until(async () => shows((await wall()).line), 10_000);
    check("reports flow: the city's wall shows the hall's live figures", flowed, JSON.stringify((await wall()).line));
    const noticed = await until(async () => (await atHall("manager", "GET", "/api/halls/fed/content")).body.items?.find((i) => i.id === notice.body.item?.id), 10_000);
    check("the province's notice reaches the hall box with its reports", notice.status === 201 && noticed?.region === "fed-province", `${notice.status} ${JSON.stringify(noticed)}`);
    const health = async () => (await fetch(`${HALL}/api/health?hall=fed`)).json();
    const healthy = await health();
    check("the hall box's /api/health: upstream reachable, reports landing", healthy.upstream?.reachable === true && healthy.hall?.upstream === true && healthy.hall.failing === false && healthy.hall.lastReportAt !== null, JSON.stringify(healthy));
    const stats = await atCity("manager", "GET", "/api/regions/fed-province/stats");
    check("the province's 10-minute list counts the hall", stats.status === 200 && stats.body.rows?.some((r) => r.hall === "fed" && r.issued === issued), stats.text);

    // The city server dies; the link to it stays down while it is away.
    await down(city, kill9);
    link.cut();
    const during = [];
    for (let i = 0; i < 3; i++) during.push((await issueOne()).status);
    during.push((await callOne()).status);
    const lastIssue = await issueOne();
    during.push(lastIssue.status);
    check("with the city server down the hall issues and calls as always", during.every((s) => s === 201 || s === 200), during.join(","));
    const sick = await until(async () => {
      const h = await health();
      return h.upstream?.reachable === false && h.hall?.failing === true ? h : null;
    }, 10_000);
    check("the hall box's /api/health: upstream unreachable, reports failing", sick !== null, JSON.stringify(await health()));

    // The city comes back three minutes on (its clock injected), the link still down: stale.
    const hallNow = Date.parse(lastIssue.body.ticket.issuedAt);
    city = await up(new Date(hallNow + 3 * 60_000).toISOString());
    const stale = await wall();
    check("the region marks the silent hall stale", stale.line?.stale === true && stale.line.issuedToday < issued, JSON.stringify(stale.line));
    await down(city);

    // Back on the hall's clock, the link mended: current within 10 s, nothing counted twice.
    city = await up(new Date(hallNow).toISOString());
    link.mend();
    const back = Date.now();
    const current = await until(async () => {
      const w = await wall();
      // The city's wall, and the province's above it (the city passes it up, throttled to 1 s).
      return shows(w.line) && w.line.stale === false && shows(w.province.halls?.find((h) => h.hall === "fed")) ? w : null;
    }, 15_000);
    const took = Date.now() - back;
    check(`the city and the province are current ${(took / 1000).toFixed(1)} s after the link is back (within 10 s)`, current !== null && took <= 10_000, JSON.stringify((await wall()).line));
    const once = current && current.lines.length === 1 && current.province.halls?.filter((h) => h.hall === "fed").length === 1 && current.province.halls.find((h) => h.hall === "fed").issuedToday === issued;
    check(`nothing counted twice: one line, ${issued} issued, on the city's and the province's walls`, !!once, JSON.stringify(current?.province.halls));
    const recovered = await health();
    check("the hall box's /api/health: reachable again, reports landing", recovered.upstream?.reachable === true && recovered.hall?.failing === false, JSON.stringify(recovered));
    const list = await atCity("manager", "GET", "/api/regions/fed-city/stats");
    check("the 10-minute list has the hall once with every ticket", list.status === 200 && list.body.rows?.filter((r) => r.hall === "fed").length === 1 && list.body.rows.find((r) => r.hall === "fed").issued === issued, list.text);

    await down(city);
    await down(hall);
  }
}
