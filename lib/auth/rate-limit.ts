import type { Db } from "@/lib/db/prisma";

export interface LimitRule {
  /** Window length in seconds. */
  windowSec: number;
  max: number;
}

export type LimitVerdict = { allowed: true } | { allowed: false; retryAfterSec: number };

/**
 * Fixed-window counter in the database (shared by every process of the
 * instance). Counts this attempt and says whether it may proceed.
 */
export async function hit(prisma: Db, key: string, rule: LimitRule, now = Date.now()): Promise<LimitVerdict> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.rateLimit.findUnique({ where: { key } });
    const windowStart = row ? Number(row.lastRequest) : 0;
    if (!row || now - windowStart >= rule.windowSec * 1000) {
      await tx.rateLimit.upsert({ where: { key }, create: { key, count: 1, lastRequest: BigInt(now) }, update: { count: 1, lastRequest: BigInt(now) } });
      return { allowed: true };
    }
    if (row.count >= rule.max) {
      return { allowed: false, retryAfterSec: Math.ceil((windowStart + rule.windowSec * 1000 - now) / 1000) };
    }
    await tx.rateLimit.update({ where: { key }, data: { count: { increment: 1 } } });
    return { allowed: true };
  });
}

export async function reset(prisma: Db, key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}

/** Sign-in attempts: per account (any address) and per address (any account). */
export const SIGN_IN_LIMITS = {
  account: { windowSec: 15 * 60, max: 10 },
  // Generous: on a single-host install every local user shares one address.
  address: { windowSec: 60, max: 60 },
} satisfies Record<string, LimitRule>;
