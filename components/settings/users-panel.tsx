"use client";

import { useActionState, useState, useTransition } from "react";
import { createUserAction, resetPasswordAction, setDisabledAction, setRoleAction } from "@/lib/actions/users/manage-users";
import { Field, FormError } from "@/components/ui/field";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import { ROLES } from "@/lib/auth/roles";
import type { UserDto } from "@/lib/auth/users";
import { TableHead } from "@/components/ui/table";

export function UsersPanel({ users, meId }: { users: UserDto[]; meId: string }) {
  const [state, action, pending] = useActionState(createUserAction, {});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, start] = useTransition();

  const run = (fn: () => Promise<{ ok: boolean; error?: string }>, done?: string) =>
    start(async () => {
      const res = await fn();
      setError(res.ok ? null : (res.error ?? "Failed."));
      setNotice(res.ok && done ? done : null);
    });

  return (
    <div className="space-y-6">
      <table aria-label="Users" className="w-full text-left text-sm">
        <TableHead columns={["User", "Role", "State", ""]} />
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {users.map((u) => (
            <tr key={u.id} data-user={u.email}>
              <td className="py-2 pr-4">
                <div className="font-medium">{u.name}</div>
                <div className="text-xs text-slate-500">{u.email}</div>
              </td>
              <td className="py-2 pr-4">
                <select
                  aria-label={`Role of ${u.email}`}
                  value={u.role}
                  disabled={busy}
                  onChange={(e) => run(() => setRoleAction({ userId: u.id, role: e.target.value }))}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-2 pr-4">{u.disabled ? <span className="text-red-600">disabled</span> : "active"}</td>
              <td className="space-x-2 py-2 pr-4 text-right">
                {u.id !== meId ? (
                  <button type="button" disabled={busy} className={secondaryButton} onClick={() => run(() => setDisabledAction({ userId: u.id, disabled: !u.disabled }))}>
                    {u.disabled ? "Enable" : "Disable"}
                  </button>
                ) : null}
                <button
                  type="button"
                  disabled={busy}
                  className={secondaryButton}
                  onClick={() => {
                    const password = window.prompt(`New password for ${u.email} (at least 10 characters):`);
                    if (password) run(() => resetPasswordAction({ userId: u.id, password }), `Password of ${u.email} reset; their sessions ended.`);
                  }}
                >
                  Reset password
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={error ?? undefined} />
      {notice ? <p role="status" className="text-sm text-green-700 dark:text-green-400">{notice}</p> : null}
      <form action={action} className="grid gap-3 rounded-md border border-slate-200 p-4 sm:grid-cols-2 dark:border-slate-800" noValidate>
        <h3 className="text-sm font-semibold sm:col-span-2">Add a user</h3>
        <Field label="Name" name="name" defaultValue={state.values?.name} error={state.fields?.name} />
        <Field label="Email" name="email" type="email" defaultValue={state.values?.email} error={state.fields?.email} />
        <Field label="Initial password" name="password" type="password" autoComplete="new-password" error={state.fields?.password} hint="At least 10 characters." />
        <div className="space-y-1">
          <label htmlFor="f-role" className="block text-sm font-medium">
            Role
          </label>
          <select id="f-role" name="role" defaultValue={state.values?.role ?? "viewer"} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-2">
          <FormError message={state.error} />
          {state.ok ? <p role="status" className="text-sm text-green-700 dark:text-green-400">{state.message}</p> : null}
          <button type="submit" disabled={pending} className={`${primaryButton} mt-2`}>
            Add user
          </button>
        </div>
      </form>
    </div>
  );
}
