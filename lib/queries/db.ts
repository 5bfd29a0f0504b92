import "server-only";
export { getPrisma as db } from "@/lib/db/client";
