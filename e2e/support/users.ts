/** Accounts the browser tests create through the UI (owner setup, then the Users panel). */
export const USERS = {
  admin: { name: "Ada Admin", email: "admin@example.test", password: "owner-password-1", state: "e2e/.auth/admin.json" },
  editor: { name: "Eddie Editor", email: "editor@example.test", password: "editor-password-1", state: "e2e/.auth/editor.json" },
  viewer: { name: "Vera Viewer", email: "viewer@example.test", password: "viewer-password-1", state: "e2e/.auth/viewer.json" },
} as const;

export type TestRole = keyof typeof USERS;
