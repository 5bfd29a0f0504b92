import type { ReactNode } from "react";

/** Outline icons (24 × 24 grid, drawn with the text colour) for each step kind; no font needed. */
const PATHS: Record<string, ReactNode> = {
  // A terminal prompt.
  shell: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <path d="m7 9 3 3-3 3M12 15h5" />
    </>
  ),
  // A globe.
  http: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9Z" />
    </>
  ),
  // A clock.
  delay: (
    <>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l2.5 2.5M10 2h4" />
    </>
  ),
  // An empty circle: does nothing.
  noop: <circle cx="12" cy="12" r="7" />,
};

/** The icon of a step kind (a question mark for kinds this version does not know). */
export function KindIcon({ kind, className = "h-3.5 w-3.5" }: { kind: string; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden className={`inline-block shrink-0 ${className}`}>
      {PATHS[kind] ?? <path d="M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .9-1 1.7M12 17h.01" />}
    </svg>
  );
}
