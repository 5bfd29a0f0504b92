/** Download links to the report API (same builders as `orchestrate report`): CSV, JSON, printable HTML. */
export function ExportLinks({ href, label }: { href: string; label: string }) {
  const link = "rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <span className="flex items-center gap-1" aria-label={`Export ${label}`}>
      <a className={link} href={`${href}?format=csv`} download>
        CSV
      </a>
      <a className={link} href={`${href}?format=json`} download>
        JSON
      </a>
      <a className={link} href={`${href}?format=html`} target="_blank" rel="noreferrer">
        HTML
      </a>
    </span>
  );
}
