// The self-hosted proof's share of issue 22 §2 (imported by scripts/selfhost-proof.mjs): a hall's
// old events and audit rows archived by its own alarm to the disk media store under workerd, the
// archive listed, downloaded, gunzipped and equal to what the hall pruned, the file on the disk,
// and all of it still there after workerd is killed with -9 and started again.
//
// The hall is played on the bench's clock through `POST /api/dev/bench/{hall}` (development
// only, as the whole proof runs): one day of tickets on Monday 2027-01-04, then woken day by day
// from 182 days on, past both retentions (90 days of events, 180 of audit rows), until the
// archives stop growing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { gunzipSync } from "node:zlib";

const HALL = "archived";
const DAY = 24 * 3600_000;
/** Monday 2027-01-04, 00:00 in Shanghai. */
const START = Date.parse("2027-01-04T00:00:00+08:00");
const FIRST_DAY = "2027-01-04";

/**
 * From the proof's own kit: start(), stop() and kill9() its server, check(name, ok, detail), base
 * (the server's URL) and data (its data directory).
 */
export async function archives({ start, kill9, stop, check, base, data }) {
  const api = async (role, method, path, body) => {
    const res = await fetch(base + path, {
      method,
      headers: { Authorization: `Bearer dev-${role}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, body: json, text };
  };
  /** A file as the server sends it, byte for byte, and its lines gunzipped. */
  const download = async (url) => {
    const res = await fetch(base + url, { headers: { Authorization: "Bearer dev-manager" } });
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) return { status: res.status, bytes, lines: [] };
    return { status: res.status, bytes, lines: gunzipSync(bytes).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)) };
  };

  await start();
  const bench = async (request) => {
    const res = await api("admin", "POST", `/api/dev/bench/${HALL}`, request);
    if (res.status !== 200 || res.body.status >= 300) throw new Error(`bench ${JSON.stringify(request)}: ${res.status} ${res.text}`);
    return res.body.body;
  };
  await bench({ op: "configure", at: START + 8 * 3600_000 });
  await bench({ op: "day", day: 0, open: START + 8.5 * 3600_000, everyMs: 60_000, tickets: 12, midnight: START + DAY + 1000 });

  // What the hall holds before anything is archived: every event, and the audit rows.
  const held = await api("manager", "GET", `/api/halls/${HALL}/events?after=0&limit=10000`);
  const heldEvents = held.text.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const heldAudit = (await api("manager", "GET", `/api/halls/${HALL}/audit?limit=200`)).body.entries;

  let list = null;
  for (let day = 182, count = -1; day < 192; day++) {
    await bench({ op: "day", day, open: START + day * DAY + 8.5 * 3600_000, everyMs: 60_000, tickets: 0, midnight: START + (day + 1) * DAY + 1000 });
    list = (await api("manager", "GET", `/api/halls/${HALL}/archives`)).body;
    if (list.archives.length > 0 && list.archives.length === count) break;
    count = list.archives.length;
  }
  const events = list?.archives?.find((a) => a.kind === "events" && a.day === FIRST_DAY);
  const audit = list?.archives?.find((a) => a.kind === "audit" && a.day === FIRST_DAY);
  check(`archives: the hall's alarm archived ${FIRST_DAY}'s events and audit rows on the disk store, listed`, !!events && !!audit && list.liveFrom.events > events.last, JSON.stringify(list).slice(0, 600));
  if (!events || !audit) return stop();

  const pruned = heldEvents.filter((e) => e.seq >= events.first && e.seq <= events.last);
  const got = await download(events.url);
  check(
    `archives: the events file downloads (${got.bytes.byteLength} B gzip), gunzips to ${got.lines.length} lines equal to the ${pruned.length} events pruned`,
    got.status === 200 && got.bytes.byteLength === events.bytes && pruned.length === events.rows && isDeepStrictEqual(got.lines, pruned),
    `${got.status} ${got.lines.length} lines vs ${pruned.length}`,
  );
  const auditPruned = heldAudit.filter((a) => a.id >= audit.first && a.id <= audit.last).sort((a, b) => a.id - b.id);
  const gotAudit = await download(audit.url);
  check(
    `archives: the audit file gunzips to the ${auditPruned.length} audit rows pruned`,
    gotAudit.status === 200 && auditPruned.length === audit.rows && isDeepStrictEqual(gotAudit.lines, auditPruned),
    `${gotAudit.status} ${JSON.stringify(gotAudit.lines[0])} vs ${JSON.stringify(auditPruned[0])}`,
  );
  const onDisk = join(data, "media", "files", "archives", HALL, "events", `${FIRST_DAY}.ndjson.gz`);
  check(`archives: the file is on the box's disk (${onDisk.slice(data.length + 1)}), byte for byte`, existsSync(onDisk) && Buffer.compare(readFileSync(onDisk), got.bytes) === 0);
  const gone = await api("manager", "GET", `/api/halls/${HALL}/events?after=0`);
  check("archives: the hall no longer holds them: the export from 0 is 410 archived, naming the archives", gone.status === 410 && gone.body.details?.archives === `/api/halls/${HALL}/archives`, gone.text);

  await kill9();
  await start();
  const after = (await api("manager", "GET", `/api/halls/${HALL}/archives`)).body;
  const again = await download(events.url);
  const kept = list.archives.every((a) => after.archives?.some((b) => b.kind === a.kind && b.day === a.day && b.part === a.part && b.bytes === a.bytes));
  check(
    "archives: after kill -9 and a restart, every archive is still listed and the file downloads the same bytes",
    kept && again.status === 200 && Buffer.compare(again.bytes, got.bytes) === 0,
    JSON.stringify(after).slice(0, 600),
  );
  await stop();
}
