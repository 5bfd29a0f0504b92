import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { secondaryButton } from "@/components/ui/buttons";
import { AuditList } from "@/components/audit/audit-list";
import { TokensPanel } from "@/components/settings/tokens-panel";
import { UsersPanel } from "@/components/settings/users-panel";
import { signOutEverywhereAction } from "@/lib/actions/auth/sign-out";
import { listTokens } from "@/lib/auth/tokens";
import { listUsers } from "@/lib/auth/users";
import { listAudit } from "@/lib/audit/audit";
import { ROLE_DESCRIPTIONS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const me = await requirePage("viewer");
  const isAdmin = me.role === "admin";
  const [tokens, users, audit] = await Promise.all([
    listTokens(me.userId),
    isAdmin ? listUsers() : Promise.resolve([]),
    isAdmin ? listAudit({ take: 100 }) : Promise.resolve([]),
  ]);

  return (
    <>
      <PageHeader title="Settings" description="Your account, API tokens and, for administrators, users and the audit log." />
      <div className="space-y-6">
        <Card title="Your account">
          <p className="text-sm">
            Signed in as <strong>{me.email}</strong> with the <strong>{me.role}</strong> role: {ROLE_DESCRIPTIONS[me.role]}.
          </p>
          <form action={signOutEverywhereAction} className="mt-3">
            <button type="submit" className={secondaryButton}>
              Sign out everywhere
            </button>
          </form>
        </Card>
        <Card title="API tokens">
          <TokensPanel tokens={tokens} />
        </Card>
        {isAdmin ? (
          <>
            <Card title="Users">
              <UsersPanel users={users} meId={me.userId} />
            </Card>
            <Card title="Audit log">
              <AuditList entries={audit} empty="Nothing recorded yet." showTarget />
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
