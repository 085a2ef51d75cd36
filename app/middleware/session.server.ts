import { parse, serialize } from "cookie";
import { data, type MiddlewareFunction } from "react-router";
import {
  CSRF_COOKIE,
  CSRF_FIELD,
  csrfTokenFor,
  isValidCsrfToken,
  newCsrfCookie,
} from "../../src/platform/auth/csrf";
import { SESSION_COOKIE, actorForSession } from "../../src/platform/auth/sessions";
import { appContext, requestContext } from "../context";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Runs before every page and form: finds the signed-in actor from the session cookie, gives
 * the browser a CSRF cookie, and rejects any form submitted without the matching token.
 */
export const sessionMiddleware: MiddlewareFunction<Response> = async (
  { request, context },
  next,
) => {
  const { db, config } = context.get(appContext);
  const cookies = parse(request.headers.get("Cookie") ?? "");
  const secureCookies = config.publicUrl.startsWith("https://");
  const sessionToken = cookies[SESSION_COOKIE];
  let csrfCookie = cookies[CSRF_COOKIE];
  const setCookies: string[] = [];

  if (MUTATING.has(request.method)) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const submitted = form?.get(CSRF_FIELD) ?? request.headers.get("x-csrf-token");
    if (!isValidCsrfToken(config.sessionSecret, csrfCookie, sessionToken, submitted)) {
      throw data(
        "Le formulaire a expiré ou ne provient pas du portail. Rechargez la page et envoyez-le à nouveau.",
        { status: 403 },
      );
    }
  }
  if (!csrfCookie) {
    csrfCookie = newCsrfCookie();
    setCookies.push(
      serialize(CSRF_COOKIE, csrfCookie, {
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        path: "/",
      }),
    );
  }
  context.set(requestContext, {
    actor: await actorForSession(db, sessionToken),
    sessionToken,
    csrfToken: csrfTokenFor(config.sessionSecret, csrfCookie, sessionToken),
    secureCookies,
  });
  const response = await next();
  for (const cookie of setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
};
