import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { confirmEmailChange, emailChangeWaiting } from "../../../src/modules/accounts/index";
import { appContext, requestContext } from "../../context";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/email-change-confirm";

export const meta = () => [{ title: "Confirmer votre nouvelle adresse – Portail AECT" }];

/** Opening the mailed link changes nothing (mail scanners open links): the button does. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  return guard(request, async () => ({
    csrfToken: context.get(requestContext).csrfToken,
    change: await emailChangeWaiting(db, params.token ?? ""),
  }));
}

export async function action({ params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return runAction({}, async () => {
    await confirmEmailChange(db, params.token ?? "");
    return redirect(
      actor.kind === "user" ? "/compte?adresse=changee" : "/connexion?adresse=changee",
    );
  });
}

export default function ConfirmEmailChange() {
  const { csrfToken, change } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Confirmer votre nouvelle adresse</h1>
        <FormErrorSummary failure={result && !result.ok ? result : undefined} />
        <p>
          Votre compte utilisera désormais l'adresse <strong>{change.newEmail}</strong> pour la
          connexion et les courriels du portail.
        </p>
        <form method="post">
          <CsrfField token={csrfToken} />
          <Button type="submit">Confirmer ma nouvelle adresse</Button>
        </form>
      </div>
    </div>
  );
}
