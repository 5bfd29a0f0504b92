/** Roles in ascending order of rights. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** What each role may do, for messages and hiding controls (the server checks `hasRole`). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "read everything, change nothing",
  editor: "create and edit projects and workflows, run and control runs, manage pools",
  admin: "everything, including users and settings",
};

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
