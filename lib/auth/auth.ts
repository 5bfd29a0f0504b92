/**
 * Authentication (better-auth, email + password, database sessions). The
 * library hashes passwords and signs cookies; Myrmex adds roles, disabled
 * accounts and sign-in rate limits.
 */
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getPrisma, providerOfClient, type Db } from "@/lib/db/prisma";
import { SIGN_IN_LIMITS, hit } from "./rate-limit";
import { authSecret } from "./secret";

const SESSION_DAYS = 7;

function clientAddress(headers: Headers | undefined): string {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip") || "local";
}

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
    rateLimit: { enabled: true, storage: "database", window: 60, max: 200 },
    advanced: { cookiePrefix: "myrmex", useSecureCookies: process.env.MYRMEX_SECURE_COOKIES === "1" },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "").toLowerCase();
        const address = clientAddress(ctx.headers);
        for (const [key, rule] of [
          [`sign-in:account:${email}`, SIGN_IN_LIMITS.account],
          [`sign-in:address:${address}`, SIGN_IN_LIMITS.address],
        ] as const) {
          const verdict = await hit(prisma, key, rule);
          if (!verdict.allowed) {
            throw new APIError("TOO_MANY_REQUESTS", {
              message: `Too many sign-in attempts. Try again in ${Math.ceil(verdict.retryAfterSec / 60)} minute(s).`,
            });
          }
        }
      }),
    },
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
