import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

const email = z.string().trim().toLowerCase().email("is not a valid email address").max(254, "is too long");
const password = z.string().min(10, "must be at least 10 characters").max(200, "must be at most 200 characters");
const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "is required").max(200, "is too long"),
  next: z.string().optional(),
});

export const setupSchema = z
  .object({ name, email, password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the password" });

export const createUserSchema = z.object({ name, email, password, role: z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` }) });

export const setRoleSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` }) });

export const setDisabledSchema = z.object({ userId: z.string().min(1), disabled: z.boolean() });

export const resetPasswordSchema = z.object({ userId: z.string().min(1), password });

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  readOnly: z.boolean().default(false),
});

export const revokeTokenSchema = z.object({ tokenId: z.string().min(1) });

/** Field → first message, for showing errors next to form fields. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}

/** A safe place to go after sign-in: a path on this site only. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.includes("\\") ? next : "/";
}
