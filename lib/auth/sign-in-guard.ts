/**
 * Sign-in throttling, applied in front of every way to sign in (the sign-in
 * action and better-auth's own HTTP endpoint): per account from any address,
 * and per address across accounts.
 */
import { getPrisma } from "@/lib/db/prisma";
import { SIGN_IN_LIMITS, hit, reset } from "./rate-limit";

export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "local";
}

const accountKey = (email: string) => `sign-in:account:${email.trim().toLowerCase()}`;

/** Counts this attempt; refuses it with a message once a limit is reached. */
export async function admitSignIn(email: string, headers: Headers): Promise<{ ok: true } | { ok: false; message: string }> {
  const prisma = getPrisma();
  for (const [key, rule] of [
    [accountKey(email), SIGN_IN_LIMITS.account],
    [`sign-in:address:${clientAddress(headers)}`, SIGN_IN_LIMITS.address],
  ] as const) {
    const verdict = await hit(prisma, key, rule);
    if (!verdict.allowed) {
      return { ok: false, message: `Too many sign-in attempts. Try again in ${Math.max(1, Math.ceil(verdict.retryAfterSec / 60))} minute(s).` };
    }
  }
  return { ok: true };
}

/** A successful sign-in clears the account's counter. */
export async function signInSucceeded(email: string): Promise<void> {
  await reset(getPrisma(), accountKey(email));
}
