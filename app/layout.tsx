import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppNav } from "@/components/shell/app-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Myrmex", template: "%s · Myrmex" },
  description: "Self-hosted project and workflow orchestration",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sm dark:focus:bg-slate-900"
        >
          Skip to content
        </a>
        <div className="flex min-h-screen flex-col md:flex-row">
          <AppNav />
          <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
