import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import { requestPasswordReset } from "../../../../src/modules/accounts/index";
import { CsrfField } from "../../../platform/components/CsrfField";
import { EmailField, FormErrorSummary } from "../../../platform/components/FormFields";
import { appContext, requestContext } from "../../../context";
import { readForm } from "../../../platform/form.server";
import { runAction } from "../../../platform/http.server";
import type { Route } from "./+types/forgot-password";

export const meta = () => [{ title: "Mot de passe oublié – Portail AECT" }];

export function loader({ context }: Route.LoaderArgs) {
  return { csrfToken: context.get(requestContext).csrfToken };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, clientAddress } = context.get(appContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    await requestPasswordReset(db, values, config.publicUrl, clientAddress);
    return { ok: true as const, email: values.email?.trim() };
  });
}

export default function ForgotPassword() {
  const { csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Mot de passe oublié</h1>
        {result?.ok ? (
          <Alert
            severity="success"
            title="Demande enregistrée"
            description={`Si un compte existe pour ${result.email}, un courriel contenant un lien de réinitialisation valable une heure vient d'y être envoyé.`}
            role="status"
          />
        ) : (
          <>
            <p>
              Saisissez l'adresse électronique de votre compte : nous vous enverrons un lien pour
              choisir un nouveau mot de passe.
            </p>
            <FormErrorSummary failure={failure} />
            <form method="post" noValidate>
              <CsrfField token={csrfToken} />
              <EmailField failure={failure} />
              <Button type="submit">Recevoir un lien</Button>
            </form>
          </>
        )}
        <p className={fr.cx("fr-mt-4w")}>
          <a className="fr-link" href="/connexion">
            Retour à la connexion
          </a>
        </p>
      </div>
    </div>
  );
}
