import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/page-header";
import { RunsFilters } from "@/components/runs/runs-filters";
import { RunsListLive } from "@/components/runs/runs-list-live";
import { listRunsPage, runFilterOptions } from "@/lib/queries/runs";
import { firstValues, runsFilterSchema } from "@/lib/validations/live-runs";

export const metadata: Metadata = { title: "Runs" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RunsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePage("viewer");
  const filter = runsFilterSchema.parse(firstValues(await searchParams));
  const [page, options] = await Promise.all([listRunsPage(filter), runFilterOptions()]);
  return (
    <>
      <PageHeader title="Runs" description="Every run across all projects, newest first. Status and progress update live." />
      <RunsFilters key={JSON.stringify(filter)} filter={filter} options={options} />
      <RunsListLive key={JSON.stringify(filter)} filter={{ ...filter, page: page.page }} initial={page} />
    </>
  );
}
