import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { countUsers } from "@/lib/auth/users";

export const metadata: Metadata = { title: "Set up Myrmex" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  // Only a brand-new instance shows the owner setup.
  if ((await countUsers()) > 0) redirect("/sign-in");
  return <SetupForm />;
}
