"use client";

import { useActionState } from "react";
import { setupOwnerAction } from "@/lib/actions/auth/setup-owner";
import { Field, FormError } from "@/components/ui/field";
import { primaryButton } from "@/components/ui/buttons";

export function SetupForm() {
  const [state, action, pending] = useActionState(setupOwnerAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <h1 className="text-lg font-semibold">Create the owner account</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          This is a new Myrmex instance. The first account is its administrator; it can invite everyone else.
        </p>
      </div>
      <FormError message={state.error} />
      <Field label="Name" name="name" autoComplete="name" required defaultValue={state.values?.name} error={state.fields?.name} />
      <Field label="Email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email} error={state.fields?.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." error={state.fields?.password} />
      <Field label="Confirm password" name="confirm" type="password" autoComplete="new-password" required error={state.fields?.confirm} />
      <button type="submit" disabled={pending} className={`${primaryButton} w-full`}>
        {pending ? "Creating…" : "Create owner and sign in"}
      </button>
    </form>
  );
}
