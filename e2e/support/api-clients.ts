import { request as apiRequest, type APIRequestContext, type Browser } from "@playwright/test";
import { createToken } from "./tokens";
import { ANONYMOUS } from "./ui";
import { USERS } from "./users";

/** An editor's and a viewer's API token (made in Settings) and a request context that sends the editor's. */
export interface ApiClients {
  editorToken: string;
  viewerToken: string;
  /** Requests with the editor's token and no session cookie. */
  api: APIRequestContext;
}

export async function apiClients(browser: Browser, baseURL: string, label: string): Promise<ApiClients> {
  const editor = await browser.newContext({ storageState: USERS.editor.state });
  const editorToken = await createToken(await editor.newPage(), `${label}-editor`);
  await editor.close();
  const viewer = await browser.newContext({ storageState: USERS.viewer.state });
  const viewerToken = await createToken(await viewer.newPage(), `${label}-viewer`);
  await viewer.close();
  // Tokens only: no session cookie rides along (the project default signs in as the admin).
  const api = await apiRequest.newContext({ baseURL, storageState: ANONYMOUS, extraHTTPHeaders: { Authorization: `Bearer ${editorToken}` } });
  return { editorToken, viewerToken, api };
}
