/** A browser or API context with no cookies at all (the project default signs in as the admin). */
export const ANONYMOUS = { cookies: [], origins: [] };

/** Our form and action errors (Next.js adds an empty route-announcer alert of its own). */
export const ALERT = 'p[role="alert"], span[role="alert"]';
