/**
 * Account management on top of better-auth: the library creates users and
 * hashes passwords; this module adds roles, disabling and the owner setup.
 */
import { getPrisma } from "@/lib/db/prisma";
import { getAuth } from "./auth";
import type { Role } from "./roles";

export interface UserDto {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

const USER_SELECT = { id: true, name: true, email: true, role: true, disabled: true, createdAt: true } as const;

export async function countUsers(): Promise<number> {
  return getPrisma().user.count();
}

export async function listUsers(): Promise<UserDto[]> {
  return getPrisma().user.findMany({ select: USER_SELECT, orderBy: { createdAt: "asc" } });
}

export class AccountError extends Error {
  override readonly name = "AccountError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Creates a user with a password (hashed by the library) and a role. */
export async function createUser(input: { name: string; email: string; password: string; role: Role }): Promise<UserDto> {
  const prisma = getPrisma();
  const email = input.email.toLowerCase();
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AccountError(`A user with the email ${email} already exists.`, "email");
  }
  const auth = await getAuth();
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser({ name: input.name, email, emailVerified: true }, { method: "admin" });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
  return prisma.user.update({ where: { id: user.id }, data: { role: input.role }, select: USER_SELECT });
}

/**
 * The first account, created on a fresh install. Refused once any user exists,
 * so the setup page cannot be replayed to take over an instance.
 */
export async function createOwner(input: { name: string; email: string; password: string }): Promise<UserDto> {
  if ((await countUsers()) > 0) throw new AccountError("This instance already has an owner. Sign in instead.");
  return createUser({ ...input, role: "admin" });
}

/** MYRMEX_ADMIN_EMAIL / MYRMEX_ADMIN_PASSWORD create the owner on first start (automated setups). */
export async function ensureOwnerFromEnv(): Promise<"created" | "skipped"> {
  const email = process.env.MYRMEX_ADMIN_EMAIL;
  const password = process.env.MYRMEX_ADMIN_PASSWORD;
  if (!email || !password || (await countUsers()) > 0) return "skipped";
  if (password.length < 10) throw new Error("MYRMEX_ADMIN_PASSWORD must be at least 10 characters long.");
  await createOwner({ name: process.env.MYRMEX_ADMIN_NAME ?? "Administrator", email, password });
  return "created";
}

async function assertNotLastAdmin(userId: string): Promise<void> {
  const prisma = getPrisma();
  const admins = await prisma.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
  if (admins === 0) throw new AccountError("This is the last active administrator: make another user admin first.");
}

export async function setRole(userId: string, role: Role): Promise<UserDto> {
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new AccountError("This user does not exist.");
  if (user.role === "admin" && role !== "admin") await assertNotLastAdmin(userId);
  return prisma.user.update({ where: { id: userId }, data: { role }, select: USER_SELECT });
}

/** Disabling ends every session of the user at once and revokes nothing else (tokens stop working too). */
export async function setDisabled(userId: string, disabled: boolean): Promise<UserDto> {
  const prisma = getPrisma();
  if (disabled) await assertNotLastAdmin(userId);
  const [user] = await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { disabled }, select: USER_SELECT }),
    ...(disabled ? [prisma.session.deleteMany({ where: { userId } })] : []),
  ]);
  return user as UserDto;
}

/** Sets a new password (hashed by the library) and ends the user's sessions. */
export async function resetPassword(userId: string, password: string): Promise<void> {
  const prisma = getPrisma();
  const account = await prisma.account.findFirst({ where: { userId, providerId: "credential" }, select: { id: true } });
  if (!account) throw new AccountError("This user has no password sign-in.");
  const ctx = await (await getAuth()).$context;
  await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(password));
  await prisma.session.deleteMany({ where: { userId } });
}

/** Sign out everywhere: every session of the user ends. */
export async function endAllSessions(userId: string): Promise<number> {
  const res = await getPrisma().session.deleteMany({ where: { userId } });
  return res.count;
}
