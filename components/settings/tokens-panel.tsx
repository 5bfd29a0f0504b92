"use client";

import { useActionState, useState, useTransition } from "react";
import { createTokenAction, revokeTokenAction } from "@/lib/actions/tokens/manage-tokens";
import { Field, FormError } from "@/components/ui/field";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import type { TokenDto } from "@/lib/auth/tokens";
import { TableHead } from "@/components/ui/table";

function when(d: Date | null): string {
  return d ? new Date(d).toISOString().replace("T", " ").slice(0, 16) : "never";
}

export function TokensPanel({ tokens }: { tokens: TokenDto[] }) {
  const [state, action, pending] = useActionState(createTokenAction, {});
  const [error, setError] = useState<string | null>(null);
  const [revoking, startRevoke] = useTransition();

  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-56 flex-1">
          <Field label="Token name" name="name" placeholder="ci-deploy" defaultValue={state.values?.name} error={state.fields?.name} />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="readOnly" /> Read-only
        </label>
        <button type="submit" disabled={pending} className={primaryButton}>
          Create token
        </button>
      </form>
      <FormError message={state.error ?? error ?? undefined} />
      {state.token ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm dark:border-green-900 dark:bg-green-950">
          <p>{state.message}</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-slate-900">
            {state.token}
          </code>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No tokens yet. Scripts and the CLI use them as `Authorization: Bearer …`.</p>
      ) : (
        <table aria-label="API tokens" className="w-full text-left text-sm">
          <TableHead columns={["Name", "Token", "Access", "Last used", ""]} />
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {tokens.map((t) => (
              <tr key={t.id}>
                <td className="py-2 pr-4">{t.name}</td>
                <td className="py-2 pr-4 font-mono text-xs">{t.prefix}…</td>
                <td className="py-2 pr-4">{t.readOnly ? "read-only" : "full (your role)"}</td>
                <td className="py-2 pr-4">{when(t.lastUsedAt)}</td>
                <td className="py-2 pr-4 text-right">
                  {t.revokedAt ? (
                    <span className="text-xs text-slate-500">revoked {when(t.revokedAt)}</span>
                  ) : (
                    <button
                      type="button"
                      disabled={revoking}
                      className={secondaryButton}
                      onClick={() =>
                        startRevoke(async () => {
                          const res = await revokeTokenAction({ tokenId: t.id });
                          setError(res.ok ? null : res.error);
                        })
                      }
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
