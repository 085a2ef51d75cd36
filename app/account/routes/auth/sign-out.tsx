import { redirect } from "react-router";
import { closeSession } from "../../../../src/platform/auth/sessions";
import { appContext, requestContext } from "../../../context";
import { clearedSessionCookie } from "../../../platform/http.server";
import type { Route } from "./+types/sign-out";

export async function action({ context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { sessionToken, secureCookies } = context.get(requestContext);
  await closeSession(db, sessionToken);
  return redirect("/?deconnecte=1", {
    headers: { "Set-Cookie": clearedSessionCookie(secureCookies) },
  });
}

/** Signing out is a form post; a plain visit goes home. */
export function loader() {
  return redirect("/");
}
