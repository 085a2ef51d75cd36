import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import { requestMissingCollectivite } from "../../../src/modules/accounts/index";
import { collectiviteKindLabels, collectiviteKinds } from "../../../src/modules/register/codes";
import { appContext, requestContext } from "../../context";
import { CsrfField } from "../../platform/components/CsrfField";
import {
  EmailField,
  FormErrorSummary,
  SelectField,
  TextField,
  shownValue,
} from "../../platform/components/FormFields";
import { readForm } from "../../platform/form.server";
import { runAction } from "../../platform/http.server";
import { FunctionFields } from "../components/FunctionFields";
import type { Route } from "./+types/missing-organisation";
import { ofName } from "../../platform/format";

export const meta = () => [{ title: "Mon organisation n'est pas dans la liste – Portail AECT" }];

export function loader({ context }: Route.LoaderArgs) {
  return { csrfToken: context.get(requestContext).csrfToken };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, clientAddress } = context.get(appContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const created = await requestMissingCollectivite(db, values, {
      publicUrl: config.publicUrl,
      clientAddress,
    });
    return { ok: true as const, email: created.email, organisation: created.organisationName };
  });
}

/**
 * A French collectivité that is not yet in the portal's list (a first declaration, a
 * commune nouvelle): asked by its official code; the DAECT checks it against the reference
 * data when approving the access.
 */
export default function MissingOrganisation() {
  const { csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-10", "fr-col-lg-8")}>
        <h1>Mon organisation n'est pas dans la liste</h1>
        {result?.ok ? (
          <Alert
            severity="success"
            title="Demande enregistrée"
            description={`Un courriel vient d'être envoyé à ${result.email} : suivez son lien dans les 48 heures pour transmettre à la DAECT la demande d'ajout ${ofName(result.organisation)}. Elle la vérifie avec le référentiel officiel des collectivités ; votre accès est ouvert dès qu'elle l'accepte.`}
            role="status"
          />
        ) : (
          <>
            <p>
              Une collectivité française absente de la liste (première déclaration, commune
              nouvelle…) est ajoutée par la DAECT d'après son code officiel : code INSEE pour une
              commune, un département ou une région, numéro SIREN pour une intercommunalité. Une
              ambassade, une préfecture, un opérateur ou une autorité étrangère absents de la liste
              s'adressent directement à la DAECT.
            </p>
            <FormErrorSummary failure={failure} />
            <form method="post" noValidate>
              <CsrfField token={csrfToken} />
              <fieldset className="fr-fieldset" aria-labelledby="collectivite-legende">
                <legend className="fr-fieldset__legend" id="collectivite-legende">
                  La collectivité
                </legend>
                <div className="fr-fieldset__element">
                  <SelectField
                    name="kind"
                    label="Type de collectivité"
                    options={collectiviteKinds.map((kind) => [kind, collectiviteKindLabels[kind]])}
                    value={String(shownValue(failure, "kind"))}
                    failure={failure}
                  />
                  <TextField
                    name="code"
                    label="Code officiel"
                    hint="Code INSEE (commune : 5 caractères, par exemple 29019 ; département : 29 ; région : 53) ou SIREN d'une intercommunalité (9 chiffres)."
                    failure={failure}
                  />
                  <TextField name="name" label="Nom de la collectivité" failure={failure} />
                  <TextField
                    name="formerCodes"
                    label="Commune nouvelle : codes INSEE des anciennes communes (facultatif)"
                    hint="Séparés par des virgules, par exemple 29001, 29002. La commune nouvelle reprend leurs partenariats dans l'Atlas."
                    failure={failure}
                  />
                </div>
              </fieldset>
              <fieldset className="fr-fieldset" aria-labelledby="personne-legende">
                <legend className="fr-fieldset__legend" id="personne-legende">
                  Vous
                </legend>
                <div className="fr-fieldset__element">
                  <FunctionFields failure={failure} />
                  <TextField
                    name="givenName"
                    label="Prénom"
                    autoComplete="given-name"
                    failure={failure}
                  />
                  <TextField
                    name="familyName"
                    label="Nom"
                    autoComplete="family-name"
                    failure={failure}
                  />
                  <EmailField failure={failure} label="Adresse électronique professionnelle" />
                </div>
              </fieldset>
              <Button type="submit">Envoyer la demande</Button>
            </form>
          </>
        )}
        <p className={fr.cx("fr-mt-4w")}>
          <a className="fr-link" href="/inscription">
            Revenir à la recherche de mon organisation
          </a>
        </p>
      </div>
    </div>
  );
}
