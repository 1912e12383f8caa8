import { DurableObject } from "cloudflare:workers";
export class HallObject extends DurableObject {}
export default { fetch: () => new Response("starting") };
