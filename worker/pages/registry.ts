/** Every live view by the name pages use in their feed URL (`?view=`). */
import { mainScreen } from "./main-screen.js";
import type { LiveView } from "./views.js";

export const VIEWS: Record<string, LiveView> = {
  main: mainScreen,
};
