/**
 * What a route hands the hall object and what it gets back: the command, who sent it, and the
 * reply. Types only, so the hall's parts and the edge can name them without importing the object.
 */
import type { Command } from "../core/commands.js";
import type { ImageUpload } from "../signage/media.js";
import type { StoredReply } from "./storage.js";

export interface Actor {
  role: string;
  name: string;
  device: string | null;
  /** A counter token bound to these windows acts only on their tickets. */
  windows?: string[];
  /** A signed-in person's badge number: the audit row names them, not a token. */
  badge?: string;
  /** A signed-in person's staff account: they proved their password when the session began. */
  staff?: string;
}

export interface CommandRequest {
  hall: string;
  command: Command;
  commandId?: string;
  actor: Actor;
  /**
   * Values the hall turns into hashes before the command is decided: an ID number for `issue`,
   * a PIN for `save_staff` and `sign_in_staff`, a password for `save_staff` and `sign_in_staff`. Never stored,
   * logged or fingerprinted in clear.
   */
  sensitive?: { citizenId?: string; pin?: string; password?: string };
  /** An image item's bytes (worker/signage/hall-content.object.ts stores them in R2). */
  upload?: ImageUpload;
}

export interface CommandReply extends StoredReply {
  replayed?: boolean;
}

