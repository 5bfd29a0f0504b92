import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ComingSoon } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Users, roles, API tokens and the audit log." />
      <ComingSoon feature="Account settings">
        Users, roles and API tokens are not built yet. Until they are, Myrmex listens on 127.0.0.1 only: keep it that way (do not set MYRMEX_HOST)
        on any machine others can reach.
      </ComingSoon>
    </>
  );
}
