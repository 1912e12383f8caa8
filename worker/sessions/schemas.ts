/**
 * Staff accounts and signing in, as the API takes and shows them: an account (never its PIN or
 * password), a console's sign-in with badge and password, a window's sign-in with the officer's own PIN or password, and an
 * officer named at a window without an account.
 */
import { z } from "@hono/zod-openapi";
import { CommandId, HallParam, slug, windowId } from "../edge/schemas.js";
import { MIN_PASSWORD_LENGTH } from "./sessions.js";

export const STAFF_ROLES = ["officer", "auxiliary", "lead"] as const;
export const STAFF_ACCESS = ["manager", "counter"] as const;

/** A staff account as the API shows it: never its PIN or password. */
export const StaffMember = z
  .object({
    id: z.string(),
    name: z.string(),
    badge: z.string(),
    role: z.enum(STAFF_ROLES),
    access: z.enum(STAFF_ACCESS),
    hasPin: z.boolean(),
    hasPassword: z.boolean(),
  })
  .openapi("StaffMember");

/** The officer on duty at a window, by name and badge, as the screens and the audit log show them. */
export const SignInBody = z
  .strictObject({
    officer: z.strictObject({
      id: z.string().max(40).optional(),
      name: z.string().trim().min(1).max(30),
      badge: z.string().regex(/^[A-Za-z0-9-]{1,20}$/, "1 to 20 letters, digits or dashes"),
    }),
    commandId: CommandId,
  })
  .openapi("OfficerSignIn");

const badge = z.string().regex(/^[A-Za-z0-9-]{1,20}$/, "1 to 20 letters, digits or dashes");
const pin = z.string().regex(/^\d{4,8}$/, "4 to 8 digits");

export const StaffParams = HallParam.extend({
  staff: slug.openapi({ param: { name: "staff", in: "path" }, example: "031245" }),
});

export const StaffBody = z
  .strictObject({
    name: z.string().trim().min(1, "a name is needed").max(30),
    badge,
    role: z.enum(STAFF_ROLES).default("officer"),
    pin: pin.nullable().optional().openapi({ description: "A new PIN; null removes it; absent keeps it. Stored hashed, never returned." }),
    access: z
      .enum(STAFF_ACCESS, { message: "manager（管理台）or counter（窗口终端）" })
      .optional()
      .openapi({ description: "What the person may do when signed in: manager or counter. Absent keeps it; a new account gets counter." }),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 个字符 · at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, "at most 200 characters")
      .nullable()
      .optional()
      .openapi({ description: "A new sign-in password; null removes it (and ends the person's sessions); absent keeps it. Stored hashed, never returned." }),
    commandId: CommandId,
  })
  .openapi("StaffAccount");

export const SessionBody = z
  .strictObject({
    badge: z.string({ message: "请输入警号 · the badge number is needed" }).trim().min(1, "请输入警号 · the badge number is needed").max(20, "at most 20 characters"),
    password: z.string({ message: "请输入密码 · the password is needed" }).min(1, "请输入密码 · the password is needed").max(200, "at most 200 characters"),
  })
  .openapi("StaffSignInWithPassword");

export const StaffSignInBody = z
  .strictObject({
    window: windowId,
    pin: pin.optional().openapi({ description: "The officer's own PIN." }),
    password: z.string().min(1).max(200, "at most 200 characters").optional().openapi({ description: "The officer's own password (a PIN typed here counts too)." }),
    commandId: CommandId,
  })
  .openapi("StaffSignIn");

/** Who may sign in at a window, as a counter shows them: what a person needs to find themselves, nothing more. */
export const WindowOfficer = z.object({ id: z.string(), name: z.string(), badge: z.string() }).openapi("WindowOfficer");
