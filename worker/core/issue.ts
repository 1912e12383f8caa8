/**
 * Taking a number (取号): numbering per category prefix, the priorities a hall offers,
 * one active ticket per ID number and category, and appointments checked in at the kiosk.
 */
import { waitingTicket } from "./estimates.js";
import { broke, reject, type Rejection } from "./rejection.js";
import { compactDay } from "./day.js";
import { addDays } from "./schedule.js";
import { activeTickets, ticketOf } from "./ledger.js";
import type { Appointment, CitizenMark, HallState, Priority, RemoteMark, Ticket } from "./model.js";
import type { Decision } from "./outcome.js";

const PRIORITY_NAMES: Record<Priority, string> = {
  normal: "普通 normal",
  elderly: "长者优先 elderly",
  disabled: "残障优先 disabled",
  appointment: "预约 appointment",
  green: "绿色通道 green channel",
};

export interface IssueRequest {
  category: string;
  priority: Priority;
  citizen?: CitizenMark;
  appointment?: string;
  /** Joined from home (worker/core/remote.ts). */
  remote?: RemoteMark;
}

/** True when a window that is not closed serves `category`. */
export function isServed(state: HallState, category: string): boolean {
  // A plain loop: every ticket issued asks (see windowById in config.ts).
  const windows = state.windows;
  for (let i = 0; i < windows.length; i++) if (windows[i]!.state !== "closed" && windows[i]!.categories.includes(category)) return true;
  return false;
}

/** Priorities the kiosk offers (besides normal): the hall's list, or the usual three. */
export function offeredPriorities(state: HallState): Priority[] {
  return (state.settings.priorities ?? ["elderly", "disabled", "green"]).filter((p) => p !== "normal" && p !== "appointment");
}

export function issueTicket(state: HallState, request: IssueRequest, at: string): Decision | Rejection {
  const category = state.categories.find((c) => c.id === request.category);
  if (!category) return reject("unknown_category", `no category "${request.category}" in this hall`, { category: request.category });
  if (!isServed(state, category.id)) {
    return reject("conflict", `no open window serves ${category.names["zh-Hans"]} (${category.id}) now`, { category: category.id });
  }
  const allowed = state.settings.priorities;
  // An appointment checked in carries its own priority; the hall's list governs what is chosen at issue.
  if (request.priority !== "normal" && allowed && !allowed.includes(request.priority) && request.appointment === undefined) {
    return reject("conflict", `this hall does not offer ${PRIORITY_NAMES[request.priority]}`, { priority: request.priority });
  }
  if (request.citizen) {
    const idHash = request.citizen.idHash;
    const held = activeTickets(state).find((t) => t.category === category.id && t.citizen?.idHash === idHash);
    if (held) {
      return reject(
        "conflict",
        `此证件已有 ${held.number} 号（${category.names["zh-Hans"]}）· this ID number already holds ${held.number} for ${category.names.en} (${held.status})`,
        { ticket: held.number, status: held.status },
      );
    }
  }
  const n = (state.counters[category.prefix] ?? 0) + 1;
  const number = `${category.prefix}${String(n).padStart(3, "0")}`;
  const day = compactDay(state.day) + (state.dayPart > 1 ? `.${state.dayPart}` : "");
  const ticket: Ticket = {
    ...waitingTicket({ id: `${day}-${number}`, number, category: category.id, priority: request.priority, at }),
    ...(request.citizen ? { citizen: request.citizen } : {}),
    ...(request.appointment !== undefined ? { appointment: request.appointment } : {}),
    ...(request.remote ? { remote: request.remote } : {}),
  };
  return { events: [{ type: "ticket.issued", ticket }], result: { ticket } };
}

// Issue 22 §3: appointments survive midnight, so their count is capped by a horizon and a per-day limit.
/** Days ahead an appointment may be booked by default (hall setting `appointmentDays`). */
export const DEFAULT_APPOINTMENT_DAYS = 30;
/** Open days ahead a citizen may book from the phone by default (hall setting `booking.days`, issue 26); never past `appointmentDays`. */
export const DEFAULT_BOOKING_DAYS = 7;
/** Appointments one day holds by default (hall setting `appointmentsPerDay`). */
export const DEFAULT_APPOINTMENTS_PER_DAY = 500;

export function bookAppointment(
  state: HallState,
  booking: { code: string; category: string; day: string; note?: string },
  at: string,
): Decision | Rejection {
  if (!state.categories.some((c) => c.id === booking.category)) {
    return reject("unknown_category", `no category "${booking.category}" in this hall`, { category: booking.category });
  }
  const day = booking.day || state.day;
  if (day < state.day) return reject("invalid", `${day} is in the past; today is ${state.day}`, { day: "in the past" }, [broke("day", "past")]);
  if (state.appointments[booking.code]) return reject("conflict", `appointment code ${booking.code} is taken`, { code: booking.code });
  const horizon = state.settings.appointmentDays ?? DEFAULT_APPOINTMENT_DAYS;
  const last = addDays(state.day, horizon);
  if (day > last) {
    return reject("conflict", `最多可预约 ${horizon} 天内 · appointments are taken at most ${horizon} days ahead (until ${last})`, {
      cap: "appointments.horizonDays",
      limit: horizon,
      day,
    });
  }
  const perDay = state.settings.appointmentsPerDay ?? DEFAULT_APPOINTMENTS_PER_DAY;
  const booked = Object.values(state.appointments).filter((a) => a.day === day).length;
  if (booked >= perDay) {
    return reject("conflict", `${day} 的预约已满（${perDay} 个） · ${day} already has ${perDay} appointments, the most a day takes`, {
      cap: "appointments.perDay",
      limit: perDay,
      day,
    });
  }
  const appointment: Appointment = {
    code: booking.code,
    category: booking.category,
    day,
    note: booking.note ?? null,
    bookedAt: at,
    ticket: null,
  };
  return { events: [{ type: "appointment.booked", appointment }], result: { appointment } };
}

/** Cancels a booking not yet checked in: its code stops working at the kiosk. */
export function cancelAppointment(state: HallState, code: string): Decision | Rejection {
  const appointment = state.appointments[code];
  if (!appointment) return reject("unknown_appointment", `预约码 ${code} 不存在 · no appointment with code ${code}`, { code });
  if (appointment.ticket) {
    const number = ticketOf(state, appointment.ticket)?.number ?? appointment.ticket;
    return reject("conflict", `此预约已签到取号 ${number}，不能取消 · already checked in as ${number}`, { code, ticket: number });
  }
  return { events: [{ type: "appointment.cancelled", appointment }], result: { appointment } };
}

/** Turns a booked appointment into an appointment-priority ticket, once, on its day. */
export function checkIn(state: HallState, code: string, at: string): Decision | Rejection {
  const appointment = state.appointments[code];
  if (!appointment) return reject("unknown_appointment", `预约码 ${code} 不存在 · no appointment with code ${code}`, { code });
  if (appointment.ticket) {
    const number = ticketOf(state, appointment.ticket)?.number ?? appointment.ticket;
    return reject("conflict", `此预约已取号 ${number} · already checked in as ${number}`, { code, ticket: number });
  }
  if (appointment.day !== state.day) {
    return reject("conflict", `此预约为 ${appointment.day} · this appointment is for ${appointment.day}, not today`, { code, day: appointment.day });
  }
  return issueTicket(state, { category: appointment.category, priority: "appointment", appointment: code }, at);
}
