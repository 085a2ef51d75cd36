import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { redirect, useActionData, useLoaderData } from "react-router";
import { accountOf, closeAccount } from "../../../src/modules/accounts/index";
import { appContext, requestContext } from "../../context";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { readForm } from "../../platform/form.server";
import { clearedSessionCookie, guard, runAction } from "../../platform/http.server";
import { CurrentPasswordField } from "../components/AccountTables";
import type { Route } from "./+types/close-account";

export const meta = () => [{ title: "Fermer mon compte – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, config } = context.get(appContext);
  const { actor, csrfToken, sessionToken } = context.get(requestContext);
  return guard(request, async () => {
    const account = await accountOf(db, actor, sessionToken, config.sessionIdleMs);
    return { csrfToken, email: account.email, hasPassword: account.hasPassword };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, clientAddress } = context.get(appContext);
  const { actor, secureCookies } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    await closeAccount(db, actor, values, clientAddress);
    return redirect("/connexion?compte=ferme", {
      headers: { "Set-Cookie": clearedSessionCookie(secureCookies) },
    });
  });
}

export default function CloseAccount() {
  const { csrfToken, email, hasPassword } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const error = failure?.fieldErrors.understood;
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
        <h1>Fermer mon compte</h1>
        <p>
          Le compte <strong>{email}</strong> sera fermé et vos données personnelles effacées :
          organisations, sessions, recherches enregistrées et extractions. Le journal des
          modifications garde le nom sous lequel vous avez agi, comme pour tout acte administratif.
          Vous recevrez un dernier courriel de confirmation.
        </p>
        <p>
          Pensez à <a href="/compte/donnees-personnelles">télécharger vos données</a> avant de
          fermer votre compte.
        </p>
        <FormErrorSummary
          failure={failure}
          fieldIds={{
            currentPassword: "champ-fermeture-currentPassword",
            understood: "champ-understood-0",
          }}
        />
        <form method="post" noValidate>
          <CsrfField token={csrfToken} />
          {hasPassword ? <CurrentPasswordField form="fermeture" failure={failure} /> : null}
          <Checkbox
            id="champ-understood"
            state={error ? "error" : "default"}
            stateRelatedMessage={error}
            options={[
              {
                label: "Je comprends que la fermeture de mon compte est définitive",
                nativeInputProps: { name: "understood" },
              },
            ]}
          />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="submit">Fermer définitivement mon compte</Button>
            </li>
            <li>
              <a className="fr-btn fr-btn--secondary" href="/compte">
                Annuler
              </a>
            </li>
          </ul>
        </form>
      </div>
    </div>
  );
}
