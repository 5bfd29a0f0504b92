"use client";

import Link from "next/link";

/** Shown when a page fails to render. Never shows internals: only the digest to quote in a report. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        This page could not be shown. Your data is safe: nothing was changed. Try again, and if it keeps happening,
        check the server log{error.digest ? <> for error reference <code className="font-mono">{error.digest}</code></> : null}.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={reset} className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
          Try again
        </button>
        <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium dark:border-slate-700">
          Overview
        </Link>
      </div>
    </div>
  );
}
