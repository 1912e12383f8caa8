/**
 * A route's one way into the hall: the caller's command, with who sent it and from which device,
 * handed to the hall's object, and its reply sent back as the object shaped it.
 */
import type { Context } from "hono";
import { actorOf, type Principal } from "../access/tokens.js";
import type { Command } from "../core/commands.js";
import type { Actor, CommandReply, CommandRequest } from "../hall-object/protocol.js";
import { hallStub } from "../hall-object/stub.js";

// Replies come from the hall object already shaped; the route schemas document them.
type AnyContext = Context<any>;

/** The device a request names itself by, for the audit log: a console's header or its user agent. */
export function deviceOf(c: AnyContext): string | null {
  return (c.req.header("X-Tongban-Device") ?? c.req.header("User-Agent") ?? "").slice(0, 120) || null;
}

/** The audit log's "who" for this request: the caller the access check let in, and their device. */
export function requestActor(c: AnyContext): Actor {
  const principal: Principal = c.get("principal");
  return actorOf(principal, deviceOf(c));
}

/**
 * Hands one command to the hall; `sensitive` values are hashed there, never kept in clear.
 * The actor is the request's caller unless the route names one (a citizen's signed ticket link
 * has no principal: the link is the credential).
 */
export async function execute(
  c: AnyContext,
  hall: string,
  command: Command,
  options: { commandId?: string | undefined; sensitive?: CommandRequest["sensitive"]; upload?: CommandRequest["upload"]; actor?: Actor } = {},
): Promise<{ status: number; body: any }> {
  const reply: CommandReply = await hallStub(c.env, hall).execute({
    hall,
    command,
    ...(options.commandId ? { commandId: options.commandId } : {}),
    ...(options.sensitive ? { sensitive: options.sensitive } : {}),
    ...(options.upload ? { upload: options.upload } : {}),
    actor: options.actor ?? requestActor(c),
  });
  if (reply.replayed) c.header("Idempotent-Replayed", "true");
  return { status: reply.status, body: reply.body };
}

/** Sends a hall's reply with the status it chose. */
export const reply = (c: AnyContext, r: { status: number; body: unknown }) => c.json(r.body as object, r.status as 200) as never;
