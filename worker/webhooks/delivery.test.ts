import { describe, expect, it } from "vitest";
import { at, configured, run, T0 } from "../core/fixtures.test-util.js";
import type { Command } from "../core/commands.js";
import type { HallEventType } from "../core/events.js";
import type { CitizenMark } from "../core/model.js";
import { deliveryHeaders, eventDelivery, nearDelivery, signature } from "./delivery.js";
import { HALL_EVENT_TYPES } from "./events.js";

const MARK: CitizenMark = { idHash: "hash-of-the-citizens-id-0123456789" };

describe("a delivery", () => {
  it("is { id, hall, seq, type, at, data } with the event's other fields as data", () => {
    const { events } = run(configured(), [{ type: "issue", category: "household" }], T0);
    const d = eventDelivery("gx-wuzhou", events[0]!);
    expect(Object.keys(d)).toEqual(["id", "hall", "seq", "type", "at", "data"]);
    expect(d).toMatchObject({ id: `gx-wuzhou-${events[0]!.seq}`, hall: "gx-wuzhou", seq: events[0]!.seq, type: "ticket.issued", at: events[0]!.at });
    expect(Object.keys(d.data)).toEqual(["ticket"]);
  });

  it("signs sha256=HMAC-SHA256(secret, timestamp + '.' + body) in hex, as Node's crypto computes it", async () => {
    const body = JSON.stringify({ id: "demo-42", hall: "demo", seq: 42, type: "ticket.called", at: "2026-11-23T01:30:00.000Z", data: {} });
    // node -e 'crypto.createHmac("sha256", "whsec_test").update("1700000000." + body).digest("hex")'
    expect(await signature("whsec_test", "1700000000", body)).toBe("sha256=86f4c3f18c510c95b52374054ae9584d09f99a31ffb918078d919cadc336164e");
    const headers = await deliveryHeaders("whsec_test", body, 1700000000, { id: "demo-42", type: "ticket.called" });
    expect(headers).toMatchObject({ "X-Tongban-Timestamp": "1700000000", "X-Tongban-Signature": await signature("whsec_test", "1700000000", body), "X-Tongban-Delivery": "demo-42" });
  });

  it("carries no citizen's ID mark, whatever the event", () => {
    const issue = (category: string): Command => ({ type: "issue", category, citizen: MARK });
    const day = run(
      configured(),
      [
        issue("household"),
        issue("traffic"),
        issue("exit-entry"),
        { type: "join_remote", category: "security", code: "777777", citizen: MARK },
        { type: "call", window: "1" },
        { type: "recall", window: "1" },
        { type: "start", window: "1" },
        { type: "finish", window: "1" },
        { type: "rate", ticket: "A001", score: 1, reasons: ["attitude"] },
        { type: "call", window: "5" },
        { type: "no_show", window: "5" },
        { type: "requeue", ticket: "C001" },
        { type: "transfer", ticket: "C001", category: "household" },
        { type: "cancel", ticket: "B001" },
        { type: "call", window: "6" }, // D001 joined from home and is on the way: it steps back behind C001
        { type: "check_in", code: "777777" },
        { type: "set_window", window: "2", state: "paused" },
        { type: "save_staff", staff: { id: "s1", name: "王建国", badge: "045123", role: "officer" }, pin: "keep" },
        { type: "book_appointment", code: "123456", category: "household", day: "" },
        { type: "block_bookings", day: "2026-11-23", from: null, category: null, reason: "会议" },
        { type: "mark_contacted", block: "2026-11-23.day.*", code: "123456" },
        { type: "unblock_bookings", block: "2026-11-23.day.*" },
        { type: "cancel_appointment", code: "123456" },
        { type: "add_content", item: { kind: "notice", id: "", seconds: 10, schedule: {}, text: { "zh-Hans": "通知" } } },
        {
          type: "sync_region_content",
          region: "gx",
          version: 1,
          items: [{ kind: "notice", id: "gx-1", seconds: 10, order: 0, schedule: {}, region: "gx", text: { "zh-Hans": "全区通知" }, createdAt: new Date(at(0)).toISOString(), updatedAt: new Date(at(0)).toISOString() }],
        },
        { type: "reset" },
      ],
      (i) => at(i),
    );
    const seen = new Set<HallEventType>(day.events.map((e) => e.type));
    expect([...HALL_EVENT_TYPES].filter((t) => !seen.has(t) && t !== "hall.configured")).toEqual([]);
    expect(JSON.stringify(day.events)).toContain(MARK.idHash); // the log has it…
    for (const e of day.events) {
      const sent = JSON.stringify(eventDelivery("gx-wuzhou", e));
      expect(sent, e.type).not.toContain(MARK.idHash); // …no delivery does
      expect(sent, e.type).not.toContain('"citizen"');
    }
  });

  it("gives a ticket.near the seq of the event that caused it and an id of its own", () => {
    const near = {
      ticket: { id: "20261123-A023", number: "A023", category: "household", priority: "normal" as const },
      categoryNames: { "zh-Hans": "户政", "zh-Hant": "戶政", en: "Household" },
      hallName: "梧州",
      ahead: 3,
      nearAhead: 3,
      estimatedWaitMinutes: 12,
    };
    const d = nearDelivery("gx-wuzhou", 41, "2026-11-23T01:30:00.000Z", near, { statusPath: "/t/x", statusUrl: "https://h.example/t/x" });
    expect(d).toMatchObject({ id: "gx-wuzhou-41-near-20261123-A023", seq: 41, type: "ticket.near", data: { ahead: 3, statusUrl: "https://h.example/t/x" } });
  });
});
