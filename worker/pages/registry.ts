/** Every live view by the name pages use in their feed URL (`?view=`). */
import { dashboard } from "./dashboard.js";
import { mainScreen } from "./main-screen.js";
import type { LiveView } from "./views.js";
import { windowScreen } from "./window-screen.js";

export const VIEWS: Record<string, LiveView> = {
  main: mainScreen,
  window: windowScreen,
  dashboard: dashboard,
};
