/** Sessions are per server: suites on different ports must not share them. */
const dir = `e2e/.auth/${process.env.E2E_PORT ?? "3100"}`;

/** Accounts the browser tests create through the UI (owner setup, then the Users panel). */
export const USERS = {
  admin: { name: "Ada Admin", email: "admin@example.test", password: "owner-password-1", state: `${dir}/admin.json` },
  editor: { name: "Eddie Editor", email: "editor@example.test", password: "editor-password-1", state: `${dir}/editor.json` },
  viewer: { name: "Vera Viewer", email: "viewer@example.test", password: "viewer-password-1", state: `${dir}/viewer.json` },
};

export type TestRole = keyof typeof USERS;
