"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { signOutAction } from "@/lib/actions/auth/sign-out";
import { NAV_ITEMS, isActive } from "./nav-items";

export function AppNav({ user }: { user: { name: string; email: string; role: string } }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  return (
    <header className="relative border-b border-slate-200 bg-white md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:border-b-0 md:border-r dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-center justify-between px-4 py-3 md:py-5">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm text-white">
            M
          </span>
          Myrmex
        </Link>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-2 py-1 text-sm md:hidden dark:border-slate-700"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen((v) => !v)}
        >
          Menu
        </button>
      </div>
      <nav id="main-nav" aria-label="Main" className={`${open ? "block" : "hidden"} px-2 pb-3 md:block`}>
        <ul className="space-y-0.5">
          {NAV_ITEMS.map((item) => {
            const active = isActive(pathname, item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                    active
                      ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                      : "text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800"
                  }`}
                >
                  <span aria-hidden className="w-4 text-center">
                    {item.icon}
                  </span>
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="mt-4 border-t border-slate-200 px-3 pt-3 text-sm md:absolute md:bottom-0 md:left-0 md:right-0 md:mx-2 md:pb-4 dark:border-slate-800">
          <div className="truncate font-medium" title={user.email}>
            {user.name}
          </div>
          <div className="truncate text-xs text-slate-500 dark:text-slate-400">
            {user.email} · <span data-testid="current-role">{user.role}</span>
          </div>
          <form action={signOutAction} className="mt-2">
            <button type="submit" className="text-xs font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              Sign out
            </button>
          </form>
        </div>
      </nav>
    </header>
  );
}
