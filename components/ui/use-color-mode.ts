"use client";

import { useSyncExternalStore } from "react";

const DARK = "(prefers-color-scheme: dark)";

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(DARK);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * The page's colour scheme, for widgets that theme themselves (React Flow's
 * controls and minimap). Hydrates as "light" (the server's guess) and then
 * switches: React Flow's own "system" mode renders the client's value during
 * hydration, which React does not patch into the DOM.
 */
export function useColorMode(): "light" | "dark" {
  return useSyncExternalStore(subscribe, () => (window.matchMedia(DARK).matches ? "dark" : "light"), () => "light");
}
