import { redirect } from "react-router";
import { startProConnect } from "../../../../src/modules/accounts/index";
import { appContext, requestContext } from "../../../context";
import { readForm } from "../../../platform/form.server";
import { guard, safeReturnPath } from "../../../platform/http.server";
import { bindingCookie, proConnectCallbackUrl, proConnectOf } from "../../proconnect.server";
import type { Route } from "./+types/start";

/** The ProConnect button: off to the provider, the sign-in bound to this browser. */
export async function action({ request, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { secureCookies } = context.get(requestContext);
  const values = await readForm(request);
  return guard(request, async () => {
    const { binding, url } = await startProConnect(db, proConnectOf(config), {
      redirectUri: proConnectCallbackUrl(config),
      returnPath: safeReturnPath(values.retour),
    });
    return redirect(url, { headers: { "Set-Cookie": bindingCookie(binding, secureCookies) } });
  });
}

/** The button is a form; a plain visit goes to the sign-in page. */
export function loader() {
  return redirect("/connexion");
}
