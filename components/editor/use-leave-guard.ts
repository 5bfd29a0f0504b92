"use client";

import { useEffect } from "react";

const QUESTION = "You have unsaved changes. Leave the editor and lose them?";

/**
 * Asks before leaving with unsaved changes: closing or reloading the tab
 * (beforeunload) and following an in-app link (client navigation bypasses
 * beforeunload, so links are checked in the capture phase).
 */
export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onClick = (e: MouseEvent) => {
      const a = (e.target as HTMLElement | null)?.closest?.("a[href]");
      if (!(a instanceof HTMLAnchorElement) || a.target === "_blank" || a.hasAttribute("download")) return;
      if (new URL(a.href, window.location.href).origin !== window.location.origin) return;
      if (!window.confirm(QUESTION)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
}
