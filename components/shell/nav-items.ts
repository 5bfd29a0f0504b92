/** The app's main sections, in menu order. */
export const NAV_ITEMS = [
  { href: "/", label: "Overview", icon: "◧" },
  { href: "/projects", label: "Projects", icon: "▤" },
  { href: "/runs", label: "Runs", icon: "▶" },
  { href: "/resources", label: "Resources", icon: "▦" },
  { href: "/reports", label: "Reports", icon: "◔" },
  { href: "/health", label: "Health", icon: "♥" },
  { href: "/settings", label: "Settings", icon: "⚙" },
] as const;

export function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
