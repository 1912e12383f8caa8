/**
 * Every room's routes on one app, in the order they are matched. A new capability is a folder
 * under worker/ and one line here.
 */
import { windowBinding } from "./access/allow.js";
import { bookingBlockRoutes } from "./appointments/blocks.routes.js";
import { bookingRoutes } from "./appointments/routes.js";
import { archiveRoutes } from "./archives/routes.js";
import { createApp, type HallApp } from "./edge/app.js";
import { documentRoutes } from "./edge/document.routes.js";
import { deviceRoutes } from "./devices/routes.js";
import { pairingRoutes } from "./devices/pairing.routes.js";
import { eventRoutes } from "./event-log/routes.js";
import { citizenFeed, counterRoutes } from "./halls/counter.routes.js";
import { kioskRoutes } from "./halls/kiosk.routes.js";
import { managerRoutes } from "./halls/manager.routes.js";
import { hallRoutes } from "./halls/routes.js";
import { planRoutes } from "./planning/routes.js";
import { evaluatorRoutes } from "./ratings/routes.js";
import { regionContentRoutes } from "./regions/content.routes.js";
import { regionRoutes } from "./regions/routes.js";
import { upstreamRoutes } from "./regions/upstream.routes.js";
import { serviceRoutes } from "./service/routes.js";
import { sessionRoutes } from "./sessions/routes.js";
import { contentRoutes } from "./signage/routes.js";
import { isUpload, uploadLimit } from "./signage/upload.routes.js";
import { statsRoutes } from "./statistics/routes.js";
import { webhookRoutes } from "./webhooks/routes.js";

export function createApi(): HallApp {
  const app = createApp({ largeBodies: { matches: isUpload, limit: uploadLimit } });
  // A counter token bound to some windows acts only at them, on every window route.
  app.use("/api/halls/:hall/windows/:window/*", windowBinding);
  app.use("/api/halls/:hall/windows/:window", windowBinding);
  regionRoutes(app);
  contentRoutes(app);
  regionContentRoutes(app);
  upstreamRoutes(app);
  counterRoutes(app);
  kioskRoutes(app);
  bookingRoutes(app);
  bookingBlockRoutes(app);
  managerRoutes(app);
  archiveRoutes(app);
  sessionRoutes(app);
  statsRoutes(app);
  evaluatorRoutes(app);
  planRoutes(app);
  citizenFeed(app);
  deviceRoutes(app);
  eventRoutes(app);
  webhookRoutes(app);
  pairingRoutes(app);
  hallRoutes(app);
  serviceRoutes(app);
  documentRoutes(app);
  return app;
}
