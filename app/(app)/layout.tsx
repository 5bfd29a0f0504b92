import type { ReactNode } from "react";
import { AppNav } from "@/components/shell/app-nav";
import { requirePage } from "@/lib/auth/current";
import { QueryProvider } from "@/components/providers/query-provider";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const me = await requirePage("viewer");
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <div className="flex min-h-screen flex-col md:flex-row">
        <AppNav user={{ name: me.name, email: me.email, role: me.role }} />
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          <QueryProvider>{children}</QueryProvider>
        </main>
      </div>
    </>
  );
}
