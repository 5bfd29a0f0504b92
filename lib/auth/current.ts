/**
 * Who is asking, for pages, server actions and route handlers. Every one of
 * them calls one of these: hiding a button is not authorization.
 */
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db/prisma";
import { getAuth } from "./auth";
import { effectiveRole, type Principal } from "./principal";
import { hasRole, isRole, ROLE_DESCRIPTIONS, type Role } from "./roles";
import { verifyToken } from "./tokens";

/** Resolves a principal from request headers: a session cookie, or `Authorization: Bearer <token>`. */
export async function principalFromHeaders(h: Headers): Promise<Principal | null> {
  const bearer = h.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const t = await verifyToken(bearer);
    if (!t) return null;
    return { userId: t.userId, email: t.email, name: t.name, role: t.role, readOnly: t.readOnly, via: "token", label: `${t.email} (token ${t.tokenName})` };
  }
  const session = await (await getAuth()).api.getSession({ headers: h });
  if (!session) return null;
  // Read role and state fresh: a role change or disabling applies at once.
  const user = await getPrisma().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true, disabled: true },
  });
  if (!user || user.disabled || !isRole(user.role)) return null;
  return { userId: user.id, email: user.email, name: user.name, role: user.role, readOnly: false, via: "session", label: user.email };
}

/** The principal of the current request (cached for the request). */
export const currentPrincipal = cache(async (): Promise<Principal | null> => principalFromHeaders(await headers()));

/** For pages: signed in with at least `min`, else to sign-in (or owner setup on a fresh install), or 403. */
export async function requirePage(min: Role = "viewer"): Promise<Principal> {
  const p = await currentPrincipal();
  if (!p) {
    const users = await getPrisma().user.count();
    redirect(users === 0 ? "/setup" : "/sign-in");
  }
  if (!hasRole(effectiveRole(p), min)) forbidden();
  return p;
}

export type Authorized = { ok: true; principal: Principal } | { ok: false; error: string; status: 401 | 403 };

/** For server actions and route handlers: a value, never a throw. */
export async function authorize(min: Role, principal?: Principal | null): Promise<Authorized> {
  const p = principal === undefined ? await currentPrincipal() : principal;
  if (!p) return { ok: false, status: 401, error: "You are not signed in (or your session expired). Sign in and try again." };
  const role = effectiveRole(p);
  if (!hasRole(role, min)) {
    const why = p.readOnly ? "this token is read-only" : `your role is ${role} (${ROLE_DESCRIPTIONS[role]})`;
    return { ok: false, status: 403, error: `Not allowed: this needs the ${min} role, and ${why}.` };
  }
  return { ok: true, principal: p };
}
