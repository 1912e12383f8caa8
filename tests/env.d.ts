import type { Env as TongbanEnv } from "../worker/env.js";

declare global {
  namespace Cloudflare {
    interface Env extends TongbanEnv {}
  }
}
