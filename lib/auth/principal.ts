import type { Role } from "./roles";

/** Who is asking: a signed-in person or an API token acting for its owner. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** Token narrowed to reads. */
  readOnly: boolean;
  via: "session" | "token";
  /** For the audit log: "alice@example.com" or "alice@example.com (token ci)". */
  label: string;
}

/** The role a principal effectively holds (a read-only token acts as a viewer). */
export function effectiveRole(p: Principal): Role {
  return p.readOnly ? "viewer" : p.role;
}
