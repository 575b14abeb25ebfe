// Who may change a saved what-if from a browser, and proof that a form came from this site.
//
// Editing: the edit token of the saved-scenarios API, kept in a cookie scoped to that what-if
// (Path=/saved/<id>, HttpOnly, SameSite=Strict, Secure except on localhost). It is checked the
// way the API checks a Bearer token: its SHA-256 against the stored hash. A public link carries no
// token, so it never grants editing.
//
// Anti-forgery: every form carries the value of a `csrf` cookie (random, HttpOnly,
// SameSite=Strict) in a hidden field; a POST is refused unless both are present and equal, and
// when the browser names another site as its Origin or Sec-Fetch-Site.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import { constantTimeEqual } from '../domain/saved-scenario.ts';
import type { AppEnv } from '../env.ts';
import type { SavedHead } from '../storage/saved-scenarios.ts';
import { newEditToken, sha256Hex } from '../storage/secrets.ts';

export const EDIT_COOKIE = 'edit';
export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = 'csrf';
/** A flag cookie set with the edit cookie: the next view of the saved page shows the edit link once. */
export const REVEAL_COOKIE = 'reveal';
const EDIT_MAX_AGE = 400 * 24 * 3600;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Whether the request is for localhost, where a Secure cookie would be dropped over plain http. */
const isLocal = (c: Context<AppEnv>): boolean =>
  /^(localhost|127\.0\.0\.1|\[::1\])$/.test(new URL(c.req.url).hostname);

const base = (c: Context<AppEnv>, path: string): CookieOptions => ({
  path,
  httpOnly: true,
  sameSite: 'Strict',
  secure: !isLocal(c),
});

export const savedPath = (id: string): string => `/saved/${id}`;

/** Gives this browser the right to edit `id`: the edit token in a cookie for that what-if's pages only. */
export function grantEditing(c: Context<AppEnv>, id: string, token: string, reveal: boolean): void {
  setCookie(c, EDIT_COOKIE, token, { ...base(c, savedPath(id)), maxAge: EDIT_MAX_AGE });
  if (reveal) setCookie(c, REVEAL_COOKIE, '1', { ...base(c, savedPath(id)), maxAge: 600 });
}

/** Forgets the edit right (after a delete). */
export function dropEditing(c: Context<AppEnv>, id: string): void {
  deleteCookie(c, EDIT_COOKIE, base(c, savedPath(id)));
  deleteCookie(c, REVEAL_COOKIE, base(c, savedPath(id)));
}

/** The edit token this browser holds for the what-if being requested, when it is the right one. */
export async function editTokenFor(c: Context<AppEnv>, head: SavedHead): Promise<string | undefined> {
  const token = getCookie(c, EDIT_COOKIE);
  if (!token || !TOKEN.test(token) || !head.tokenHash || head.deletedAt) return undefined;
  return constantTimeEqual(await sha256Hex(token), head.tokenHash) ? token : undefined;
}

/** Whether the request carries an edit cookie at all (valid or not). */
export const hasEditCookie = (c: Context<AppEnv>): boolean => getCookie(c, EDIT_COOKIE) !== undefined;

/** Whether a presented edit token (typed into the claim form) belongs to this what-if. */
export async function tokenMatches(token: string, head: SavedHead): Promise<boolean> {
  if (!TOKEN.test(token) || !head.tokenHash || head.deletedAt) return false;
  return constantTimeEqual(await sha256Hex(token), head.tokenHash);
}

/** Takes (and clears) the one-time flag that asks the saved page to show the edit link. */
export function takeReveal(c: Context<AppEnv>, id: string): boolean {
  if (getCookie(c, REVEAL_COOKIE) !== '1') return false;
  deleteCookie(c, REVEAL_COOKIE, base(c, savedPath(id)));
  return true;
}

/** The anti-forgery value for a form on this response: this browser's, or a new one set now. */
export function csrfToken(c: Context<AppEnv>): string {
  const current = getCookie(c, CSRF_COOKIE);
  if (current && TOKEN.test(current)) return current;
  const token = newEditToken();
  setCookie(c, CSRF_COOKIE, token, { ...base(c, '/'), maxAge: 7 * 24 * 3600 });
  return token;
}

/** Whether a POST carries this browser's anti-forgery value and, if it says, comes from this site. */
export function csrfValid(c: Context<AppEnv>, field: unknown): boolean {
  // Under this site's Referrer-Policy (no-referrer) a browser sends `Origin: null` with its own
  // forms, so "null" proves nothing either way; the token decides.
  const origin = c.req.header('Origin');
  if (origin && origin !== 'null' && origin !== new URL(c.req.url).origin) return false;
  if (c.req.header('Sec-Fetch-Site') === 'cross-site') return false;
  const cookie = getCookie(c, CSRF_COOKIE);
  return (
    typeof field === 'string' &&
    cookie !== undefined &&
    TOKEN.test(cookie) &&
    constantTimeEqual(field, cookie)
  );
}
