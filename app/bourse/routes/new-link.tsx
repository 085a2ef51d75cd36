import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import { mailNewFollowLinks } from "../../../src/modules/bourse/index";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary, TextField } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { readForm } from "../../platform/form.server";
import { runAction } from "../../platform/http.server";
import type { Route } from "./+types/new-link";

export const meta = () => [
  { title: "Recevoir un nouveau lien de suivi – Bourse-partenariats – Portail AECT" },
];

export function loader({ context }: Route.LoaderArgs) {
  return { csrfToken: context.get(requestContext).csrfToken };
}

/** An author without an account whose link has expired asks for a new one by mail. */
export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, clientAddress } = context.get(appContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    await mailNewFollowLinks(db, values, clientAddress, config.publicUrl);
    return { ok: true as const, email: values.contactEmail?.trim() };
  });
}

export default function NewFollowLink() {
  const { csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-8")}>
        <h1>Recevoir un nouveau lien de suivi</h1>
        {result?.ok ? (
          <Alert
            severity="success"
            title="Demande enregistrée – Request received – Solicitud recibida"
            description={`Si une demande de partenariat a été déposée avec l'adresse ${result.email}, un nouveau lien privé vient d'y être envoyé. / If a request was filed with this address, a new private link has been sent to it. / Si se presentó una solicitud con esta dirección, se le ha enviado un nuevo enlace privado.`}
            role="status"
          />
        ) : (
          <>
            <p>
              Vous avez déposé une demande de partenariat sans compte et votre lien privé a expiré
              ou s'est perdu ? Saisissez l'adresse électronique de contact de la demande : un
              nouveau lien, valable un mois, y sera envoyé. / Your private link has expired? Type
              the contact address of your request to receive a new one. / ¿Su enlace privado ha
              caducado? Indique la dirección de contacto de su solicitud para recibir uno nuevo.
            </p>
            <FormErrorSummary failure={failure} />
            <form method="post" noValidate>
              <CsrfField token={csrfToken} />
              <TextField
                name="contactEmail"
                label="Adresse électronique de contact – Contact e-mail – Correo de contacto"
                hint="Format attendu : nom@domaine.fr"
                type="email"
                autoComplete="email"
                required
                failure={failure}
              />
              <Button type="submit">Recevoir un nouveau lien – Send a new link – Enviar</Button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
