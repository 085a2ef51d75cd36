import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import {
  linkWithPassword,
  mailLinkConfirmation,
  pendingProConnect,
} from "../../../../src/modules/accounts/index";
import { closeSession, deviceOf } from "../../../../src/platform/auth/sessions";
import { NotFound } from "../../../../src/platform/errors";
import { appContext, requestContext } from "../../../context";
import { CsrfField } from "../../../platform/components/CsrfField";
import { FormErrorSummary, TextField } from "../../../platform/components/FormFields";
import { readForm } from "../../../platform/form.server";
import { guard, runAction, sessionCookie } from "../../../platform/http.server";
import { bindingOf, clearedBindingCookie } from "../../proconnect.server";
import type { Route } from "./+types/link";

export const meta = () => [{ title: "Relier ProConnect à votre compte – Portail AECT" }];

/** After ProConnect: an account has this address; the person proves it is theirs. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { csrfToken, secureCookies } = context.get(requestContext);
  return guard(request, async () => {
    const login = await pendingProConnect(db, bindingOf(request, secureCookies));
    if (!login)
      throw new NotFound(
        "Aucune connexion ProConnect n'est en cours dans ce navigateur : recommencez depuis la page de connexion.",
      );
    return { csrfToken, email: login.email! };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, clientAddress } = context.get(appContext);
  const { sessionToken: previous, secureCookies } = context.get(requestContext);
  const values = await readForm(request);
  const binding = bindingOf(request, secureCookies);
  return runAction(values, async () => {
    if (values.intent === "mail") {
      const { email } = await mailLinkConfirmation(db, binding, config.publicUrl);
      return { ok: true as const, email };
    }
    const { sessionToken, returnPath } = await linkWithPassword(db, binding, values, {
      clientAddress,
      device: deviceOf(request.headers.get("user-agent")),
    });
    await closeSession(db, previous);
    const headers = new Headers();
    headers.append("Set-Cookie", sessionCookie(sessionToken, secureCookies));
    headers.append("Set-Cookie", clearedBindingCookie(secureCookies));
    return redirect(returnPath, { headers });
  });
}

export default function LinkProConnect() {
  const { csrfToken, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8", "fr-col-lg-6")}>
        <h1>Relier ProConnect à votre compte</h1>
        <p>
          Un compte du Portail AECT utilise déjà l'adresse <strong>{email}</strong>. Prouvez qu'il
          est le vôtre, une seule fois : vous vous connecterez ensuite directement avec ProConnect.
        </p>
        {result?.ok ? (
          <Alert
            severity="success"
            title="Courriel envoyé"
            description={`Suivez le lien envoyé à ${result.email} dans les 30 minutes pour relier votre compte.`}
            role="status"
            className="fr-mb-4w"
          />
        ) : null}
        <FormErrorSummary failure={failure} />
        <h2>Avec le mot de passe du compte</h2>
        <form method="post" noValidate className="fr-mb-4w">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="intent" value="password" />
          <TextField
            name="password"
            label="Mot de passe du Portail AECT"
            type="password"
            autoComplete="current-password"
            failure={failure}
          />
          <Button type="submit">Relier et me connecter</Button>
        </form>
        <h2>Ou par un lien envoyé à cette adresse</h2>
        <form method="post">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="intent" value="mail" />
          <Button type="submit" priority="secondary">
            Recevoir un lien par courriel
          </Button>
        </form>
      </div>
    </div>
  );
}
