/**
 * The webhook shape a hall's configuration and settings share (worker/halls/schemas.ts).
 */
import { z } from "@hono/zod-openapi";
import { MAX_NEAR_AHEAD } from "./near.js";

/** How many people ahead, or fewer, make a waiting ticket "near": webhooks then get `ticket.near` once. */
export const NearAhead = z.number().int("a whole number of people").min(0).max(MAX_NEAR_AHEAD);
