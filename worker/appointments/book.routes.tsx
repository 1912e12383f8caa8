/**
 * The booking pages' routes (issue 26): `/halls/{hall}/book` (choose, then a form that books
 * through the same path as `POST /api/halls/{hall}/bookings`) and a booking's signed status page
 * `/b/{token}` with its cancel form. No sign-in: the status link is the credential of one booking.
 */
import type { Hono } from "hono";
import { renderSVG } from "uqr";
import { verifyBooking } from "../access/booking-token.js";
import { ticketSecret } from "../access/ticket-token.js";
import type { Env } from "../env.js";
import type { HallSnapshot } from "../core/snapshot.js";
import { DEFAULT_REMOTE_HOLDS, DEFAULT_REMOTE_SHARE } from "../core/remote.js";
import { hallStub } from "../hall-object/stub.js";
import type { StoredReply } from "../hall-object/storage.js";
import { BOOK_PAGE } from "../i18n/catalogue/book.js";
import { isLang, pageLang, type Lang } from "../i18n/lang.js";
import { both } from "../i18n/words.js";
import { bookingStatusPage, bookPage, bookProblem } from "./book.js";
import type { Slot } from "./booking.js";
import { BookingBody, bookOnline, joinFromHome, RemoteTicketBody } from "./routes.js";

/**
 * Today's queue for `category` as the status page counts it (the hall's own estimate for a
 * newcomer), while a window serves it and the hall takes tickets from home; else null.
 */
function todayOf(snapshot: HallSnapshot, category: string): { ahead: number; estimatedWaitMinutes: number | null; holds: number } | null {
  const { remoteShare = DEFAULT_REMOTE_SHARE, remoteHolds = DEFAULT_REMOTE_HOLDS } = snapshot.hall;
  if (remoteShare <= 0) return null;
  if (!snapshot.windows.some((w) => w.state !== "closed" && w.categories.includes(category))) return null;
  const c = snapshot.categories.find((x) => x.id === category);
  return c ? { ahead: c.waiting, estimatedWaitMinutes: c.estimatedWaitMinutes, holds: remoteHolds } : null;
}

const HALL = /^[a-z0-9][a-z0-9-]{0,39}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function noStore(c: { header: (k: string, v: string) => void }) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
}

export function bookPageRoutes(app: Hono<{ Bindings: Env }>): void {
  async function render(
    env: Env,
    hall: string,
    lang: Lang,
    q: { category?: string; date?: string; from?: string },
    problem: string | null,
    typed?: { idNumber?: string; mobile?: string },
    joinProblem: string | null = null,
  ) {
    const stub = hallStub(env, hall);
    const snapshot = await stub.snapshot(hall);
    if (!snapshot) return null;
    const category = snapshot.categories.some((c) => c.id === q.category) ? q.category! : null;
    let days: string[] = [];
    let slots: Slot[] = [];
    if (category) {
      const probe = q.date && DAY.test(q.date) ? q.date : "0000-00-00";
      const r: StoredReply | null = await stub.bookingSlots(hall, probe, category);
      const body = (r?.body ?? {}) as { days?: string[]; slots?: Slot[] };
      days = body.days ?? [];
      slots = body.slots ?? [];
    }
    const date = q.date && days.includes(q.date) ? q.date : null;
    return bookPage({
      today: category ? todayOf(snapshot, category) : null,
      mobileShared: category ? await stub.sharesMobiles(hall) : false,
      joinProblem,
      hall,
      hallName: snapshot.hall.name,
      lang,
      categories: snapshot.categories,
      category,
      days,
      date,
      slots: date ? slots : [],
      from: q.from ?? null,
      problem,
      ...(typed ? { typed } : {}),
    });
  }

  app.get("/halls/:hall/book", async (c) => {
    const hall = c.req.param("hall");
    const lang = pageLang(c.req.query("lang"), c.req.header("Accept-Language"));
    c.header("Vary", "Accept-Language");
    if (!HALL.test(hall)) return c.html(bookProblem(lang, `没有这个大厅 · unknown hall "${hall}"`), 404);
    const html = await render(c.env, hall, lang, { category: c.req.query("category"), date: c.req.query("date"), from: c.req.query("from") }, null);
    if (!html) return c.html(bookProblem(lang, `没有这个大厅 · unknown hall "${hall}"`), 404);
    noStore(c);
    return c.html(html);
  });

  app.post("/halls/:hall/book", async (c) => {
    const hall = c.req.param("hall");
    if (!HALL.test(hall)) return c.html(bookProblem("zh-Hans", `没有这个大厅 · unknown hall "${hall}"`), 404);
    const form = await c.req.parseBody();
    const field = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
    const lang: Lang = isLang(field("lang")) ? (field("lang") as Lang) : pageLang(null, c.req.header("Accept-Language"));
    const q = { category: field("category"), date: field("date"), from: field("from") };
    const typed = { idNumber: field("idNumber"), mobile: field("mobile") };
    const parsed = BookingBody.safeParse({ ...q, ...typed });
    let r: StoredReply;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      r = { status: 400, body: { error: `${issue.path.join(".")}: ${issue.message}` } };
    } else {
      r = await bookOnline(c, hall, parsed.data);
    }
    if (r.status === 201) return c.redirect(`${new URL((r.body as { statusUrl: string }).statusUrl).pathname}?lang=${lang}`, 303);
    const html = await render(c.env, hall, lang, q, (r.body as { error?: string }).error ?? "error", typed);
    if (!html) return c.html(bookProblem(lang, `没有这个大厅 · unknown hall "${hall}"`), 404);
    noStore(c);
    return c.html(html, r.status as 400);
  });

  // Issue 26 item 2: the same form as POST /api/halls/{hall}/remote-tickets; the status page of the ticket follows.
  app.post("/halls/:hall/book/join", async (c) => {
    const hall = c.req.param("hall");
    if (!HALL.test(hall)) return c.html(bookProblem("zh-Hans", `没有这个大厅 · unknown hall "${hall}"`), 404);
    const form = await c.req.parseBody();
    const field = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
    const lang: Lang = isLang(field("lang")) ? (field("lang") as Lang) : pageLang(null, c.req.header("Accept-Language"));
    const typed = { idNumber: field("idNumber"), mobile: field("mobile") };
    const parsed = RemoteTicketBody.safeParse({ category: field("category"), ...typed });
    let r: StoredReply;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      r = { status: 400, body: { error: `${issue.path.join(".")}: ${issue.message}` } };
    } else {
      r = await joinFromHome(c, hall, parsed.data);
    }
    if (r.status === 201) return c.redirect(`${new URL((r.body as { statusUrl: string }).statusUrl).pathname}?lang=${lang}`, 303);
    const html = await render(c.env, hall, lang, { category: field("category") }, null, typed, (r.body as { error?: string }).error ?? "error");
    if (!html) return c.html(bookProblem(lang, `没有这个大厅 · unknown hall "${hall}"`), 404);
    noStore(c);
    return c.html(html, r.status as 400);
  });

  type Found = { target: { hall: string; day: string; code: string } } | { status: 404 | 503; problem?: string };
  async function booking(env: Env, token: string): Promise<Found> {
    const secret = ticketSecret(env);
    if (!secret.ok) return { problem: secret.problem, status: 503 };
    const target = await verifyBooking(secret.secret, token);
    if (!target) return { status: 404 };
    return { target };
  }

  app.get("/b/:token", async (c) => {
    const lang = pageLang(c.req.query("lang"), c.req.header("Accept-Language"));
    const token = c.req.param("token");
    const found = await booking(c.env, token);
    if (!("target" in found)) {
      const message = found.status === 503 ? both(lang, BOOK_PAGE.unavailable, { problem: found.problem! }) : both(lang, BOOK_PAGE.invalidLink);
      return c.html(bookProblem(lang, message), found.status);
    }
    const { hall, day, code } = found.target;
    const stub = hallStub(c.env, hall);
    const [row, snapshot] = await Promise.all([stub.booking(hall, code, day), stub.snapshot(hall)]);
    if (!row || !snapshot) return c.html(bookProblem(lang, both(lang, BOOK_PAGE.invalidLink)), 404);
    const state = row.status === "booked" && day < snapshot.hall.day ? "past" : row.status;
    const names = (row.names ?? {}) as Record<string, string>;
    const service = (lang === "en" ? names["en"] : lang === "zh-Hant" ? names["zh-Hant"] : names["zh-Hans"]) ?? names["zh-Hans"] ?? row.category;
    noStore(c);
    return c.html(
      bookingStatusPage({
        lang,
        hallName: snapshot.hall.name,
        service,
        code,
        day,
        from: row.slot,
        to: row.to,
        state,
        qr: renderSVG(code, { border: 1, ecc: "M" }),
        cancelAction: state === "booked" ? `/b/${token}/cancel?lang=${lang}` : null,
        langHref: (l) => `/b/${token}?lang=${l}`,
      }),
    );
  });

  app.post("/b/:token/cancel", async (c) => {
    const lang = pageLang(c.req.query("lang"), c.req.header("Accept-Language"));
    const token = c.req.param("token");
    const found = await booking(c.env, token);
    if (!("target" in found)) return c.html(bookProblem(lang, both(lang, BOOK_PAGE.invalidLink)), found.status);
    const { hall, day, code } = found.target;
    const r: StoredReply | null = await hallStub(c.env, hall).cancelBooking(hall, code, day);
    if (!r) return c.html(bookProblem(lang, both(lang, BOOK_PAGE.invalidLink)), 404);
    // Cancelled, or already checked in or cancelled: the status page says which.
    return c.redirect(`/b/${token}?lang=${lang}`, 303);
  });
}
