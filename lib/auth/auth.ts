/**
 * Authentication (better-auth, email + password, database sessions). The
 * library hashes passwords and signs cookies; Myrmex adds roles, disabled
 * accounts and sign-in rate limits.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getPrisma, providerOfClient, type Db } from "@/lib/db/prisma";
import { authSecret } from "./secret";

const SESSION_DAYS = 7;

function buildAuth(prisma: Db, secret: string) {
  return betterAuth({
    appName: "Myrmex",
    secret,
    database: prismaAdapter(prisma, { provider: providerOfClient(prisma) === "sqlite" ? "sqlite" : "postgresql" }),
    // Requests reach the app by whatever host the operator uses (localhost, an IP, a name);
    // the origin check compares Origin with the request's own host.
    baseURL: { allowedHosts: ["*"], protocol: "auto" },
    emailAndPassword: {
      enabled: true,
      // Accounts are created by the owner setup and by admins, never by self sign-up.
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false, defaultValue: "viewer" },
        disabled: { type: "boolean", input: false, required: false, defaultValue: false },
      },
    },
    // Sign-in attempts are throttled by lib/auth/sign-in-guard.ts in front of every sign-in path.
    rateLimit: { enabled: true, storage: "database", window: 60, max: 200 },
    advanced: { cookiePrefix: "myrmex", useSecureCookies: process.env.MYRMEX_SECURE_COOKIES === "1" },
    databaseHooks: {
      session: {
        create: {
          // A disabled account gets no session, whatever the password.
          before: async (session) => {
            const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            if (!user || user.disabled) throw new APIError("FORBIDDEN", { message: "This account is disabled. Ask an administrator." });
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof buildAuth>;

const KEY = Symbol.for("myrmex.auth");
type GlobalWithAuth = typeof globalThis & { [KEY]?: Promise<Auth> };

/** The process-wide auth instance (its secret comes from the environment or the database). */
export function getAuth(): Promise<Auth> {
  const g = globalThis as GlobalWithAuth;
  g[KEY] ??= (async () => {
    const prisma = getPrisma();
    return buildAuth(prisma, await authSecret(prisma));
  })().catch((err: unknown) => {
    g[KEY] = undefined;
    throw err;
  });
  return g[KEY];
}
