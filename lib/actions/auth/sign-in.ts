"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAPIError } from "better-auth/api";
import { getAuth } from "@/lib/auth/auth";
import { admitSignIn, signInSucceeded } from "@/lib/auth/sign-in-guard";
import { fieldErrors, safeNext, signInSchema } from "@/lib/validations/auth";
import { formString, type FormState } from "@/lib/actions/form-state";

/** Email + password sign-in. Open to anonymous callers by nature; rate-limited per account and address. */
export async function signInAction(_prev: FormState, data: FormData): Promise<FormState> {
  const values = { email: formString(data, "email") };
  const parsed = signInSchema.safeParse({ email: values.email, password: formString(data, "password"), next: formString(data, "next") });
  if (!parsed.success) return { error: "Check the highlighted fields.", fields: fieldErrors(parsed.error), values };
  try {
    const h = await headers();
    const admitted = await admitSignIn(parsed.data.email, h);
    if (!admitted.ok) return { error: admitted.message, values };
    const auth = await getAuth();
    await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: h });
    await signInSucceeded(parsed.data.email);
  } catch (err) {
    if (isAPIError(err)) {
      const status = err.statusCode;
      if (status === 401 || status === 400) return { error: "Wrong email or password.", values };
      return { error: err.message || "Sign-in was refused.", values };
    }
    console.error("sign-in failed", err);
    return { error: "Sign-in failed because of a server error. Try again.", values };
  }
  redirect(safeNext(parsed.data.next));
}
