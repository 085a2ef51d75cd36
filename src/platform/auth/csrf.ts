import { hmac, newToken, safeEqual } from "./tokens";

export const CSRF_COOKIE = "aect_csrf";
export const CSRF_FIELD = "_csrf";

export const newCsrfCookie = newToken;

/**
 * The token forms carry: an HMAC of the browser's CSRF cookie and of its session, so a
 * token is useless without both, and signing in (a new session) invalidates old tokens.
 */
export const csrfTokenFor = (secret: string, csrfCookie: string, sessionToken = "") =>
  hmac(secret, `${csrfCookie}.${sessionToken}`);

export function isValidCsrfToken(
  secret: string,
  csrfCookie: string | undefined,
  sessionToken: string | undefined,
  submitted: unknown,
): boolean {
  if (!csrfCookie || typeof submitted !== "string" || submitted.length === 0) return false;
  return safeEqual(csrfTokenFor(secret, csrfCookie, sessionToken), submitted);
}
