import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { data, redirect, useActionData, useLoaderData } from "react-router";
import { findValidResetToken, resetPassword } from "../../../../src/modules/accounts/index";
import { CsrfField } from "../../../platform/components/CsrfField";
import { FormErrorSummary, NewPasswordFields } from "../../../platform/components/FormFields";
import { appContext, requestContext } from "../../../context";
import { readForm } from "../../../platform/form.server";
import { runAction } from "../../../platform/http.server";
import type { Route } from "./+types/reset-password";

export const meta = () => [{ title: "Nouveau mot de passe – Portail AECT" }];

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const valid = !!(await findValidResetToken(db, params.token));
  // An expired or used link is a client error: say so on the page, with a 410 status.
  return data(
    { csrfToken: context.get(requestContext).csrfToken, valid },
    { status: valid ? 200 : 410 },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const values = { ...(await readForm(request)), token: params.token };
  return runAction(values, async () => {
    await resetPassword(db, values);
    return redirect("/connexion?reinitialise=1");
  });
}

export default function ResetPassword() {
  const { csrfToken, valid } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const expired = !valid || failure?.fieldErrors.token;
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Choisir un nouveau mot de passe</h1>
        {expired ? (
          <Alert
            severity="error"
            title="Lien expiré"
            description={
              <>
                Ce lien de réinitialisation n'est plus valable (expiré ou déjà utilisé).{" "}
                <a href="/mot-de-passe/oubli">Demandez un nouveau lien</a>.
              </>
            }
          />
        ) : (
          <>
            <FormErrorSummary failure={failure} />
            <form method="post" noValidate>
              <CsrfField token={csrfToken} />
              <NewPasswordFields failure={failure} label="Nouveau mot de passe" />
              <Button type="submit">Enregistrer le mot de passe</Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
