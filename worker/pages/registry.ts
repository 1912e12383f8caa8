/** Every live view by the name pages use in their feed URL (`?view=`). */
import { announcerPage } from "./announcer.js";
import { counterView } from "./counter.js";
import { dashboard } from "./dashboard.js";
import { evaluatorView } from "../ratings/evaluator.js";
import { kioskView } from "./kiosk.js";
import { mainScreen } from "./main-screen.js";
import { manageView } from "./manage.js";
import { statusView } from "./status.js";
import type { LiveView } from "./views.js";
import { windowScreen } from "./window-screen.js";

export const VIEWS: Record<string, LiveView> = {
  main: mainScreen,
  announcer: announcerPage,
  window: windowScreen,
  dashboard: dashboard,
  counter: counterView,
  kiosk: kioskView,
  status: statusView,
  manage: manageView,
  evaluator: evaluatorView,
};
