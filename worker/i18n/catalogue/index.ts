/**
 * Every catalogue of console words, by name: what `npm run i18n` turns into Traditional Chinese
 * (worker/i18n/hant.ts) and what its test checks is current. The five levels of 好差评 and their
 * indicators are the core's own words, the device kinds the fleet's; they are listed here too.
 */
import { LEVELS, REASONS } from "../../core/rating.js";
import { KIND_WORDS } from "../../devices/devices.js";
import type { Msg } from "../words.js";
import { COMMON, COMMON_SCRIPT, PRIORITY, STATUS, WINDOW_STATE } from "./common.js";
import { CALL_REASON, COUNTER, COUNTER_SCRIPT } from "./counter.js";
import { EVALUATOR, EVALUATOR_SCRIPT } from "./evaluator.js";
import { KIOSK, KIOSK_SCRIPT } from "./kiosk.js";
import { LOGIN, LOGIN_SCRIPT } from "./login.js";
import { AUDIT_ACTIONS, MANAGE, MANAGE_SCRIPT, PANELS } from "./manage.js";
import { DEVICES, DEVICES_SCRIPT, FOLLOW_UPS, FOLLOW_UPS_SCRIPT, STATS, STATS_SCRIPT } from "./manage-tabs.js";
import { CONTENT } from "./content.js";
import { PLAN } from "./plan.js";
import { STATUS_PAGE, STATUS_SCRIPT } from "./status.js";
import { BOOK_PAGE } from "./book.js";
import { BOARD, BOARD_SCRIPT } from "./booking-board.js";

export const CATALOGUE: Readonly<Record<string, Readonly<Record<string, Msg>>>> = {
  PRIORITY,
  STATUS,
  WINDOW_STATE,
  COMMON,
  COMMON_SCRIPT,
  COUNTER,
  CALL_REASON,
  COUNTER_SCRIPT,
  KIOSK,
  KIOSK_SCRIPT,
  MANAGE,
  PANELS,
  PLAN,
  CONTENT,
  MANAGE_SCRIPT,
  AUDIT_ACTIONS,
  DEVICES,
  DEVICES_SCRIPT,
  FOLLOW_UPS,
  FOLLOW_UPS_SCRIPT,
  STATS,
  STATS_SCRIPT,
  STATUS_PAGE,
  BOOK_PAGE,
  BOARD,
  BOARD_SCRIPT,
  STATUS_SCRIPT,
  EVALUATOR,
  EVALUATOR_SCRIPT,
  LOGIN,
  LOGIN_SCRIPT,
  LEVELS: Object.fromEntries(Object.entries(LEVELS)),
  REASONS,
  KIND_WORDS,
};

/** Every Simplified line of every catalogue, once each, in a stable order. */
export function simplifiedLines(): string[] {
  const lines = new Set<string>();
  for (const table of Object.values(CATALOGUE)) for (const m of Object.values(table)) lines.add(m.zh);
  return [...lines].sort();
}
