import { parse, serialize } from "cookie";
import { data, type MiddlewareFunction } from "react-router";
import {
  CSRF_COOKIE,
  CSRF_FIELD,
  csrfTokenFor,
  isValidCsrfToken,
  newCsrfCookie,
} from "../../src/platform/auth/csrf";
import {
  RESUME_PATH,
  type TypedForm,
  keepSubmission,
  typedPart,
} from "../../src/platform/auth/resumable-submissions";
import { SESSION_COOKIE, actorForSession, cookieName } from "../../src/platform/auth/sessions";
import {
  controlCharacterMessage,
  hasControlCharacter,
} from "../../src/platform/http/control-characters";
import { PUBLIC_PAGE_CACHE_CONTROL } from "../../src/platform/http/public-pages";
import { isSecretLinkPath } from "../../src/platform/http/secret-links";
import { appContext, requestContext } from "../context";
import { forgetTaskCount } from "../platform/tasks.server";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Runs before every page and form: finds the signed-in actor from the session cookie, gives
 * the browser a CSRF cookie, and rejects any form submitted without the matching token.
 */
export const sessionMiddleware: MiddlewareFunction<Response> = async (
  { request, context },
  next,
) => {
  const { db, config, publicPageTag, keepPublicPage } = context.get(appContext);
  const cookies = parse(request.headers.get("Cookie") ?? "");
  const secureCookies = config.publicUrl.startsWith("https://");
  const sessionToken = cookies[cookieName(SESSION_COOKIE, secureCookies)];
  let csrfCookie = cookies[cookieName(CSRF_COOKIE, secureCookies)];
  const setCookies: string[] = [];

  let form: FormData | null = null;
  if (MUTATING.has(request.method)) {
    form = await submittedForm(request);
    const submitted = form.get(CSRF_FIELD);
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
      serialize(cookieName(CSRF_COOKIE, secureCookies), csrfCookie, {
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        path: "/",
      }),
    );
  }
  const actor = await actorForSession(db, sessionToken, config.sessionIdleMs);
  // A form sent with a session cookie that no longer opens a session: what was typed is set
  // aside, in case the page asks to sign in; the form itself (its files) is let go.
  const typed: TypedForm | null =
    form && sessionToken && actor.kind === "visitor" ? typedPart(form) : null;
  form = null;
  if (MUTATING.has(request.method)) forgetTaskCount(actor);
  const csrfToken = csrfTokenFor(config.sessionSecret, csrfCookie, sessionToken);
  // Only a page that shows a form reads the token: the others need no cookie at all.
  let formShown = false;
  context.set(requestContext, {
    actor,
    sessionToken,
    get csrfToken() {
      formShown = true;
      return csrfToken;
    },
    secureCookies,
  });
  const response = await next();
  // A form sent by someone whose session has just ended: what they typed waits for them to
  // sign in again, instead of being lost with a refusal.
  if (typed && sessionToken && csrfCookie && asksToSignIn(response)) {
    const url = new URL(request.url);
    const token = url.pathname.startsWith("/api/")
      ? null
      : await keepSubmission(db, {
          browser: csrfCookie,
          endedSession: sessionToken,
          path: url.pathname + url.search,
          typed,
        });
    if (token)
      return new Response(null, {
        status: 303,
        headers: { Location: `/connexion?retour=${encodeURIComponent(RESUME_PATH + token)}` },
      });
  }
  const cacheControl = response.headers.get("Cache-Control") ?? "";
  // A response shared by caches carries nobody's cookie; a private one is never stored.
  if (formShown && !/\bpublic\b/.test(cacheControl))
    for (const cookie of setCookies) response.headers.append("Set-Cookie", cookie);
  if ((actor.kind === "user" || isSecretLinkPage(request)) && !/no-store/.test(cacheControl))
    response.headers.set("Cache-Control", "private, no-store");
  else if (
    !formShown &&
    actor.kind !== "user" &&
    request.method === "GET" &&
    response.status === 200 &&
    !response.headers.has("Content-Disposition")
  ) {
    // A visitor's page without a form is the same for every visitor: any cache may keep
    // it and revalidate it with its tag; this instance keeps it (server/public-pages.ts).
    if (!cacheControl) {
      response.headers.set("ETag", await publicPageTag());
      response.headers.set("Cache-Control", PUBLIC_PAGE_CACHE_CONTROL);
      response.headers.set("Vary", "Cookie");
      return keepPublicPage(response);
    }
    // Open data answers keep their own caching rules, and are kept here the same way.
    if (/\bpublic\b/.test(cacheControl)) return keepPublicPage(response);
  }
  return response;
};

/** Pages opened from a mailed secret link: what they show belongs to its holder alone. */
const isSecretLinkPage = (request: Request) => isSecretLinkPath(new URL(request.url).pathname);

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The answer of a page that only a signed-in person may use. */
const asksToSignIn = (response: Response) =>
  response.status === 401 ||
  (response.status >= 300 &&
    response.status < 400 &&
    (response.headers.get("Location") ?? "").startsWith("/connexion?retour="));

/**
 * A submitted form, read for its CSRF token. Pages take only forms as a browser sends them:
 * any other body, or a form that cannot be read, is refused here with a 4xx before any action.
 */
async function submittedForm(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get("Content-Type") ?? ""))
    throw data(
      "Ce formulaire doit être envoyé depuis sa page du portail (données de formulaire) : le contenu reçu n'en est pas un.",
      { status: 415 },
    );
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  if (!form)
    throw data(
      "Le formulaire reçu est illisible (envoi interrompu ou mal formé) : rien n'a été enregistré. Rechargez la page et envoyez-le à nouveau.",
      { status: 400 },
    );
  for (const [name, value] of form.entries())
    if (typeof value === "string" && hasControlCharacter(name + value))
      throw data(`${controlCharacterMessage(name)} Rien n'a été enregistré.`, { status: 400 });
  return form;
}
