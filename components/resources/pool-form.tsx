"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { primaryButton } from "@/components/ui/buttons";
import { setPoolAction } from "@/lib/actions/pools/set-pool";

const input = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-950";

/** Creates a named pool (or resizes one of the same name). */
export function NewPoolForm() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      aria-label="New pool"
      className="grid gap-3 sm:grid-cols-[1fr_8rem_2fr_auto] sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        start(async () => {
          const res = await setPoolAction({ name: String(data.get("name") ?? ""), capacity: Number(data.get("capacity")), description: String(data.get("description") ?? "") });
          setMessage(res.ok ? { ok: true, text: `${res.data.created ? "Created" : "Updated"} "${res.data.name}" with capacity ${res.data.capacity}.` } : { ok: false, text: res.error });
          if (res.ok) {
            form.reset();
            router.refresh();
          }
        });
      }}
    >
      <label className="text-sm font-medium">
        Name
        <input name="name" required pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}" className={input} placeholder="deploy" />
      </label>
      <label className="text-sm font-medium">
        Capacity
        <input name="capacity" type="number" min={0} step="any" required className={input} defaultValue={1} />
      </label>
      <label className="text-sm font-medium">
        Description
        <input name="description" className={input} placeholder="What the pool limits" />
      </label>
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? "Saving…" : "Add pool"}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`text-sm sm:col-span-4 ${message.ok ? "text-green-700 dark:text-green-400" : "text-red-600 dark:text-red-400"}`}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
