import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { linkByMailedToken, mailedLinkWaiting } from "../../../../src/modules/accounts/index";
import { closeSession, deviceOf } from "../../../../src/platform/auth/sessions";
import { appContext, requestContext } from "../../../context";
import { CsrfField } from "../../../platform/components/CsrfField";
import { FormErrorSummary } from "../../../platform/components/FormFields";
import { guard, runAction, sessionCookie } from "../../../platform/http.server";
import type { Route } from "./+types/link-confirm";

export const meta = () => [{ title: "Relier ProConnect à votre compte – Portail AECT" }];

/** Opening the mailed link links nothing (mail scanners open links): the button does. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  return guard(request, async () => ({
    csrfToken: context.get(requestContext).csrfToken,
    ...(await mailedLinkWaiting(db, params.token ?? "")),
  }));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { sessionToken: previous, secureCookies } = context.get(requestContext);
  return runAction({}, async () => {
    const { sessionToken, returnPath } = await linkByMailedToken(
      db,
      params.token ?? "",
      deviceOf(request.headers.get("user-agent")),
    );
    await closeSession(db, previous);
    return redirect(returnPath, {
      headers: { "Set-Cookie": sessionCookie(sessionToken, secureCookies) },
    });
  });
}

export default function ConfirmProConnectLink() {
  const { csrfToken, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Relier ProConnect à votre compte</h1>
        <FormErrorSummary failure={result && !result.ok ? result : undefined} />
        <p>
          Le compte <strong>{email}</strong> sera relié à votre identité ProConnect : vous vous
          connecterez ensuite directement avec ProConnect.
        </p>
        <form method="post">
          <CsrfField token={csrfToken} />
          <Button type="submit">Relier mon compte et me connecter</Button>
        </form>
      </div>
    </div>
  );
}
