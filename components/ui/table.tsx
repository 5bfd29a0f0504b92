/** The header row shared by the app's data tables. */
export function TableHead({ columns, padded = false }: { columns: readonly string[]; padded?: boolean }) {
  return (
    <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
      <tr>
        {columns.map((c, i) => (
          <th key={`${c}-${i}`} className={`${padded ? "px-4" : "pr-4"} py-2 font-medium`}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
