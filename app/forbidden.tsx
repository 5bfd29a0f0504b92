import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-red-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Not allowed</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Your role does not give access to this page. An administrator can change your role.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Back to the overview
      </Link>
    </div>
  );
}
