import { redirect } from "react-router";
import { openIdClientFor } from "../../../../src/platform/auth/openid";
import { closeSession } from "../../../../src/platform/auth/sessions";
import { appContext, requestContext } from "../../../context";
import { clearedSessionCookie } from "../../../platform/http.server";
import type { Route } from "./+types/sign-out";

export async function action({ context }: Route.ActionArgs) {
  const { db, config, logger } = context.get(appContext);
  const { sessionToken, secureCookies } = context.get(requestContext);
  const providerIdToken = await closeSession(db, sessionToken);
  const signedOut = "/?deconnecte=1";
  let next = signedOut;
  // A session opened with ProConnect ends there too; the provider sends the browser back.
  if (providerIdToken && config.openId) {
    try {
      const url = await openIdClientFor(config.openId).endSessionUrl(
        providerIdToken,
        `${config.publicUrl}${signedOut}`,
      );
      if (url) next = url.href;
    } catch (error) {
      logger.warn({ err: error }, "ProConnect unreachable at sign-out");
    }
  }
  return redirect(next, {
    headers: { "Set-Cookie": clearedSessionCookie(secureCookies) },
  });
}

/** Signing out is a form post; a plain visit goes home. */
export function loader() {
  return redirect("/");
}
