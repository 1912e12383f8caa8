/**
 * The Worker: the hall API, and (in later rooms) the pages screens and consoles load.
 * State lives in one HallObject per hall; this layer authenticates, validates and routes.
 */
import { createApi } from "./routes.js";
import { notFound, onError } from "./edge/errors.js";
import { pageRoutes } from "./pages/routes.js";

export { HallObject } from "./hall-object/index.js";
export { PairingObject } from "./devices/pairing.object.js";
export { RegionObject } from "./regions/region.object.js";

const app = createApi();

pageRoutes(app as never);
app.get("/", (c) => c.redirect("/halls/demo/display?token=dev-display"));
app.notFound(notFound);
app.onError(onError);

export default app;
