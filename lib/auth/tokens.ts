/**
 * Personal API tokens. A token is 32 random bytes shown once; only its SHA-256
 * is stored (a fast hash is right here: the token has 256 bits of entropy, so
 * there is nothing to brute-force, and look-ups must be by hash).
 */
import { createHash, randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db/prisma";
import type { Role } from "./roles";

const PREFIX = "myx_";

export interface TokenDto {
  id: string;
  name: string;
  prefix: string;
  readOnly: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const TOKEN_SELECT = { id: true, name: true, prefix: true, readOnly: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createToken(userId: string, input: { name: string; readOnly: boolean }): Promise<{ token: string; dto: TokenDto }> {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const dto = await getPrisma().apiToken.create({
    data: { userId, name: input.name, readOnly: input.readOnly, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) },
    select: TOKEN_SELECT,
  });
  return { token, dto };
}

export async function listTokens(userId: string): Promise<TokenDto[]> {
  return getPrisma().apiToken.findMany({ where: { userId }, select: TOKEN_SELECT, orderBy: { createdAt: "desc" } });
}

/** Revokes one of the user's own tokens; false when there is no such live token. */
export async function revokeToken(userId: string, tokenId: string): Promise<boolean> {
  const res = await getPrisma().apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return res.count > 0;
}

export interface TokenIdentity {
  userId: string;
  email: string;
  name: string;
  role: Role;
  readOnly: boolean;
  tokenId: string;
  tokenName: string;
}

/** The identity behind a presented token, or null when it is unknown, revoked, expired or its owner is disabled. */
export async function verifyToken(token: string): Promise<TokenIdentity | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const prisma = getPrisma();
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, readOnly: true, revokedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date()) || row.user.disabled) return null;
  await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    readOnly: row.readOnly,
    tokenId: row.id,
    tokenName: row.name,
  };
}
