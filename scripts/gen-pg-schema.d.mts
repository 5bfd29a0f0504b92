// Types for scripts/gen-pg-schema.mjs.
export const SOURCE: string;
export const TARGET: string;
/** The PostgreSQL schema text for a SQLite schema text. */
export function toPostgresSchema(source: string): string;
/** Generation from prisma/schema.prisma. */
export function generate(): string;
/** True when the committed PostgreSQL schema equals what generation produces. */
export function isUpToDate(): boolean;
