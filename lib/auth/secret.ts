import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/prisma";

const KEY = "auth.secret";

/**
 * The secret that signs session cookies: MYRMEX_AUTH_SECRET when set, else one
 * generated on first start and kept in the database (so every process of the
 * instance shares it). There is no built-in default.
 */
export async function authSecret(prisma: Db): Promise<string> {
  const fromEnv = process.env.MYRMEX_AUTH_SECRET ?? process.env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("MYRMEX_AUTH_SECRET must be at least 32 characters long.");
    return fromEnv;
  }
  const existing = await prisma.appSetting.findUnique({ where: { key: KEY } });
  if (existing && typeof existing.value === "string") return existing.value;
  const secret = randomBytes(48).toString("base64url");
  // Two processes starting at once: the first insert wins, both read it back.
  await prisma.appSetting.upsert({ where: { key: KEY }, create: { key: KEY, value: secret }, update: {} });
  const stored = await prisma.appSetting.findUniqueOrThrow({ where: { key: KEY } });
  return String(stored.value);
}
