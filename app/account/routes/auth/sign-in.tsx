import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ProConnectButton } from "@codegouvfr/react-dsfr/ProConnectButton";
import { redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { signIn } from "../../../../src/modules/accounts/index";
import { RESUME_PATH } from "../../../../src/platform/auth/resume-path";
import { closeSession, deviceOf } from "../../../../src/platform/auth/sessions";
import { CsrfField } from "../../../platform/components/CsrfField";
import { EmailField, FormErrorSummary, TextField } from "../../../platform/components/FormFields";
import { appContext, requestContext } from "../../../context";
import { readForm } from "../../../platform/form.server";
import { runAction, safeReturnPath, sessionCookie } from "../../../platform/http.server";
import type { Route } from "./+types/sign-in";

export const meta = () => [{ title: "Se connecter – Portail AECT" }];

export function loader({ context }: Route.LoaderArgs) {
  return {
    csrfToken: context.get(requestContext).csrfToken,
    /** The ProConnect button is offered only when the provider is configured. */
    proConnect: context.get(appContext).config.openId !== null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, clientAddress } = context.get(appContext);
  const { sessionToken: previous, secureCookies } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const { sessionToken } = await signIn(
      db,
      values,
      clientAddress,
      deviceOf(request.headers.get("user-agent")),
    );
    // A new session id at every sign-in: an id planted before sign-in is worthless after.
    await closeSession(db, previous);
    return redirect(safeReturnPath(values.retour), {
      headers: { "Set-Cookie": sessionCookie(sessionToken, secureCookies) },
    });
  });
}

/** The button of a form: it submits it, nothing more. */
const submitsItsForm = () => {};

export default function SignIn() {
  const { csrfToken, proConnect } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Se connecter au Portail AECT</h1>
        {params.get("compte") === "ferme" ? (
          <Alert
            severity="info"
            small
            className="fr-mb-3w"
            description="Votre compte a été fermé et vos données personnelles effacées."
          />
        ) : null}
        {params.get("retour")?.startsWith(RESUME_PATH) ? (
          <Alert
            severity="info"
            small
            className="fr-mb-3w"
            description="Votre session a pris fin avant l'envoi du formulaire. Ce que vous aviez saisi est conservé pendant une heure : connectez-vous pour l'envoyer."
          />
        ) : null}
        {params.get("adresse") === "changee" ? (
          <Alert
            severity="success"
            small
            className="fr-mb-3w"
            description="Votre nouvelle adresse électronique est confirmée : connectez-vous avec elle."
          />
        ) : null}
        <FormErrorSummary failure={failure} />
        {proConnect ? (
          <section aria-labelledby="proconnect-titre" className={fr.cx("fr-mb-6w")}>
            <h2 id="proconnect-titre" className="fr-h4">
              Avec votre identité professionnelle
            </h2>
            <form method="post" action="/connexion/proconnect">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="retour" value={params.get("retour") ?? ""} />
              {/* Without scripts the button simply submits its form. */}
              <ProConnectButton onClick={submitsItsForm} />
            </form>
            <p className={fr.cx("fr-hr-or", "fr-mt-4w")}>ou</p>
          </section>
        ) : null}
        <form method="post" noValidate>
          <CsrfField token={csrfToken} />
          <input
            type="hidden"
            name="retour"
            value={failure?.values.retour ?? params.get("retour") ?? ""}
          />
          <fieldset className="fr-fieldset" aria-labelledby="identifiants-legende">
            <legend className="fr-fieldset__legend" id="identifiants-legende">
              Vos identifiants
            </legend>
            <div className="fr-fieldset__element">
              <EmailField failure={failure} />
            </div>
            <div className="fr-fieldset__element">
              <TextField
                name="password"
                label="Mot de passe"
                type="password"
                autoComplete="current-password"
                required
                failure={failure}
              />
              <p>
                <a className="fr-link" href="/mot-de-passe/oubli">
                  Mot de passe oublié ?
                </a>
              </p>
            </div>
          </fieldset>
          <Button type="submit">Se connecter</Button>
        </form>
        <h2 className="fr-h4 fr-mt-6w">Pas encore de compte ?</h2>
        <p>
          Les agents des collectivités, des services de l'État et des opérateurs, et les autorités
          locales étrangères, demandent leur accès : il est validé par l'administrateur de leur
          organisation ou par la DAECT.
        </p>
        <a className="fr-link" href="/inscription">
          Demander un accès
        </a>
      </div>
    </div>
  );
}
