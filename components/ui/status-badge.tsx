const STYLES: Record<string, string> = {
  succeeded: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  cached: "bg-teal-100 text-teal-800 dark:bg-teal-950 dark:text-teal-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  upstream_failed: "bg-red-50 text-red-700 dark:bg-red-950/60 dark:text-red-300",
  running: "bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  queued: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  pending: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  ready: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300",
  waiting: "bg-purple-100 text-purple-800 dark:bg-purple-950 dark:text-purple-300",
  paused: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  cancelled: "bg-gray-200 text-gray-700 dark:bg-gray-800 dark:text-gray-300",
  skipped: "bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400",
  active: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  archived: "bg-gray-200 text-gray-700 dark:bg-gray-800 dark:text-gray-300",
  healthy: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  degraded: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  unhealthy: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? STYLES.queued}`}
      data-status={status}
    >
      {status.replace("_", " ")}
    </span>
  );
}
