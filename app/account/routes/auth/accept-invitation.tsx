import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { data, redirect, useActionData, useLoaderData } from "react-router";
import { acceptInvitation, findPendingInvitation } from "../../../../src/modules/accounts/index";
import { closeSession, deviceOf } from "../../../../src/platform/auth/sessions";
import { CsrfField } from "../../../platform/components/CsrfField";
import {
  FormErrorSummary,
  NewPasswordFields,
  TextField,
} from "../../../platform/components/FormFields";
import { appContext, requestContext } from "../../../context";
import { readForm } from "../../../platform/form.server";
import { runAction, sessionCookie } from "../../../platform/http.server";
import type { Route } from "./+types/accept-invitation";

export const meta = () => [{ title: "Accepter une invitation – Portail AECT" }];

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const invitation = await findPendingInvitation(db, params.token);
  return data(
    { csrfToken: context.get(requestContext).csrfToken, invitation },
    { status: invitation ? 200 : 410 },
  );
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, clientAddress } = context.get(appContext);
  const { sessionToken: previous, secureCookies } = context.get(requestContext);
  const values = { ...(await readForm(request)), token: params.token };
  return runAction(values, async () => {
    const { sessionToken } = await acceptInvitation(
      db,
      values,
      clientAddress,
      deviceOf(request.headers.get("user-agent")),
    );
    await closeSession(db, previous);
    return redirect("/compte?bienvenue=1", {
      headers: { "Set-Cookie": sessionCookie(sessionToken, secureCookies) },
    });
  });
}

export default function AcceptInvitation() {
  const { csrfToken, invitation } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  if (!invitation || failure?.fieldErrors.token) {
    return (
      <>
        <h1>Invitation</h1>
        <Alert
          severity="error"
          title="Invitation expirée"
          description="Cette invitation n'est plus valable (expirée ou déjà acceptée). Demandez une nouvelle invitation à l'administrateur de l'organisation."
        />
      </>
    );
  }
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>{`Rejoindre ${invitation.organisationName}`}</h1>
        <p>
          Invitation adressée à <strong>{invitation.email}</strong>
          {invitation.asAdmin
            ? " en tant qu'administrateur ou administratrice de l'organisation."
            : "."}
        </p>
        <FormErrorSummary failure={failure} />
        <form method="post" noValidate>
          <CsrfField token={csrfToken} />
          {invitation.hasAccount ? (
            <TextField
              name="password"
              label="Mot de passe de votre compte existant"
              type="password"
              autoComplete="current-password"
              required
              failure={failure}
            />
          ) : (
            <>
              <TextField
                name="displayName"
                label="Prénom et nom"
                autoComplete="name"
                required
                failure={failure}
              />
              <NewPasswordFields failure={failure} label="Mot de passe" />
            </>
          )}
          <Button type="submit">Accepter l'invitation</Button>
        </form>
      </div>
    </div>
  );
}
