import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center dark:border-slate-700">
      <h2 className="text-base font-semibold">{title}</h2>
      {children ? <div className="mx-auto mt-2 max-w-prose text-sm text-slate-600 dark:text-slate-400">{children}</div> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

/** An honest placeholder for a section that is planned but not built yet. */
export function ComingSoon({ feature, children }: { feature: string; children?: ReactNode }) {
  return (
    <EmptyState title={`${feature} is coming soon`}>
      {children ?? "This part of Myrmex is not built yet. Nothing here is simulated: it will appear once it works."}
    </EmptyState>
  );
}
