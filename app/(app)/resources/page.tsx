import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { listPoolUsage } from "@/lib/queries/resources";
import { TableHead } from "@/components/ui/table";

export const metadata: Metadata = { title: "Resources" };
export const dynamic = "force-dynamic";

export default async function ResourcesPage() {
  await requirePage("viewer");
  const pools = await listPoolUsage();
  return (
    <>
      <PageHeader title="Resources" description="Pools that steps take capacity from before they start, and what is held right now." />
      <AutoRefresh active={pools.some((p) => p.holders > 0)} intervalMs={2000} />
      <Card title="Pools">
        <table aria-label="Pools" className="w-full text-left text-sm">
          <TableHead columns={["Pool", "Capacity", "In use", "Holders", "Kind"]} />
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {pools.map((p) => (
              <tr key={p.name}>
                <td className="py-2 pr-4">
                  <div className="font-medium">{p.name}</div>
                  {p.description ? <div className="text-xs text-slate-500 dark:text-slate-400">{p.description}</div> : null}
                </td>
                <td className="py-2 pr-4 tabular-nums">{p.capacity}{p.name === "memory" ? " MB" : ""}</td>
                <td className="py-2 pr-4 tabular-nums">{p.inUse}</td>
                <td className="py-2 pr-4 tabular-nums">{p.holders}</td>
                <td className="py-2 pr-4">{p.builtin ? "built-in" : "named"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
