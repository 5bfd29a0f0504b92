/**
 * The database client for Next.js server code (server components, actions,
 * route handlers). The "server-only" import makes a client-component import
 * of this module a build error, so the client bundle never sees Prisma.
 *
 * The CLI, the engine and worker processes import lib/db/prisma.ts directly
 * (it has no Next.js dependency).
 */
import "server-only";

export { getPrisma, disconnectPrisma, providerOfClient, type Db, type DbTx } from "./prisma";
export { DbError, toDbError, withDbErrors, conflictError, isUniqueViolation, isNotFound } from "./errors";
