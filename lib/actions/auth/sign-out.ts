"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { authorize } from "@/lib/auth/current";
import { endAllSessions } from "@/lib/auth/users";

/** Ends this browser's session. */
export async function signOutAction(): Promise<void> {
  const auth = await authorize("viewer");
  if (auth.ok) await (await getAuth()).api.signOut({ headers: await headers() });
  redirect("/sign-in");
}

/** Ends every session of the signed-in user, on every device. */
export async function signOutEverywhereAction(): Promise<void> {
  const auth = await authorize("viewer");
  if (auth.ok && auth.principal.via === "session") await endAllSessions(auth.principal.userId);
  redirect("/sign-in");
}
