import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useActionData, useLoaderData } from "react-router";
import {
  federatedSubjectFor,
  pendingProConnect,
  requestAccess,
} from "../../../src/modules/accounts/index";
import { bindingOf } from "../proconnect.server";
import { chosenCollectivite, findOrganisations } from "../../../src/modules/register/index";
import {
  type OrganisationGroup,
  organisationGroupLabels,
  organisationGroups,
} from "../../../src/modules/register/codes";
import { Invalid } from "../../../src/platform/errors";
import { appContext, requestContext } from "../../context";
import { CsrfField } from "../../platform/components/CsrfField";
import {
  EmailField,
  FormErrorSummary,
  TextField,
  shownValue,
} from "../../platform/components/FormFields";
import { readForm } from "../../platform/form.server";
import { runAction } from "../../platform/http.server";
import { countOf } from "../../platform/format";
import type { Route } from "./+types/access-request";
import { FunctionFields } from "../components/FunctionFields";
import { toName } from "../../platform/format";

export const meta = () => [{ title: "Demander un accès – Portail AECT" }];

/**
 * The access request in three steps that work without JavaScript: the kind of
 * organisation, then a search in the register by name or code, then who the person is.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const params = new URL(request.url).searchParams;
  const group = organisationGroups.find((known) => known === params.get("groupe")) ?? null;
  const q = params.get("q")?.trim() ?? "";
  let found: Awaited<ReturnType<typeof findOrganisations>> | null = null;
  let searchError: string | null = null;
  // Linked from a mail to a collectivité nobody has an account in yet: it is chosen.
  const chosen =
    group === "collectivite" ? await chosenCollectivite(db, params.get("organisation")) : null;
  if (chosen) found = [chosen];
  else if (group && q) {
    try {
      found = await findOrganisations(db, { group, q });
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      searchError = error.fieldErrors.q ?? error.message;
    }
  }
  // Back from ProConnect without an account: who the person is, as the provider said.
  const login = await pendingProConnect(
    db,
    bindingOf(request, context.get(requestContext).secureCookies),
  );
  return {
    csrfToken: context.get(requestContext).csrfToken,
    fromProConnect: login
      ? {
          givenName: login.givenName ?? "",
          familyName: login.familyName ?? "",
          email: login.email ?? "",
        }
      : null,
    group,
    q: chosen ? chosen.name : q,
    found,
    searchError,
    /** Back from the confirmation link. */
    confirmed: params.get("confirmee") === "1",
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, clientAddress } = context.get(appContext);
  const values = await readForm(request);
  const binding = bindingOf(request, context.get(requestContext).secureCookies);
  return runAction(values, async () => {
    const created = await requestAccess(db, values, {
      publicUrl: config.publicUrl,
      clientAddress,
      federatedSubject: await federatedSubjectFor(
        db,
        binding,
        String(values.email ?? "")
          .trim()
          .toLowerCase(),
      ),
    });
    return { ok: true as const, email: created.email, organisation: created.organisationName };
  });
}

export default function AccessRequestPage() {
  const { csrfToken, group, q, found, searchError, confirmed, fromProConnect } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const chosenGroup = (failure?.values.group as OrganisationGroup | undefined) ?? group;
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--center")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-10", "fr-col-lg-8")}>
        <h1>Demander un accès au portail</h1>
        {confirmed ? (
          <Alert
            severity="success"
            title="Adresse confirmée"
            description="Votre demande est transmise pour validation à l'administrateur de votre organisation ou, à défaut, à la DAECT. Un courriel vous dira la réponse."
            role="status"
            className="fr-mb-4w"
          />
        ) : null}
        {result?.ok ? (
          <Alert
            severity="success"
            title="Demande enregistrée"
            description={`Un courriel vient d'être envoyé à ${result.email} : suivez son lien dans les 48 heures pour transmettre la demande ${toName(result.organisation)}. Votre accès est ouvert dès qu'elle est validée.`}
            role="status"
          />
        ) : (
          <>
            <p>
              Les agents des collectivités, des services de l'État, des opérateurs et les autorités
              locales étrangères demandent ici leur compte. La demande est validée par
              l'administrateur de votre organisation ou, à défaut, par la DAECT.
            </p>
            {fromProConnect ? (
              <Alert
                severity="info"
                small
                className="fr-mb-3w"
                description={`Vous êtes identifié(e) par ProConnect (${fromProConnect.email}) mais n'avez pas encore de compte sur le portail : vérifiez votre organisation et votre fonction, puis envoyez la demande. Une fois acceptée, vous vous connecterez avec ProConnect.`}
              />
            ) : null}
            <FormErrorSummary failure={failure} />
            <form method="get" action="/inscription" className="fr-mb-4w">
              <RadioButtons
                legend="1. Votre organisation est"
                name="groupe"
                options={organisationGroups.map((value) => ({
                  label: organisationGroupLabels[value],
                  nativeInputProps: { value, defaultChecked: chosenGroup === value },
                }))}
              />
              {chosenGroup ? (
                <TextField
                  name="q"
                  label="2. Nom de votre organisation, ou son code INSEE ou SIREN"
                  hint="Deux lettres au moins ; accents et majuscules sont ignorés."
                  defaultValue={q}
                  failure={
                    searchError
                      ? { fieldErrors: { q: searchError }, values: {}, message: searchError }
                      : undefined
                  }
                />
              ) : null}
              <Button type="submit" priority="secondary">
                {chosenGroup ? "Rechercher" : "Continuer"}
              </Button>
            </form>
            {chosenGroup ? (
              <p id="recherche-statut" className="fr-sr-only" role="status">
                {found
                  ? countOf(found.length, "organisation trouvée", "organisations trouvées", "f")
                  : ""}
              </p>
            ) : null}
            {/* Replaced as the person types, by /js/recherche-organisation.js. */}
            <div id="resultats-organisations">
              {chosenGroup && found ? (
                found.length === 0 ? (
                  <p>
                    Aucune organisation ne correspond à « {q} » : vérifiez l'orthographe ou cherchez
                    son code INSEE ou SIREN.
                  </p>
                ) : (
                  <form method="post" noValidate>
                    <CsrfField token={csrfToken} />
                    <input type="hidden" name="group" value={chosenGroup} />
                    <RadioButtons
                      legend="3. Choisissez votre organisation"
                      name="organisation"
                      state={failure?.fieldErrors.organisation ? "error" : "default"}
                      stateRelatedMessage={failure?.fieldErrors.organisation}
                      options={found.map((organisation) => ({
                        label: organisation.name,
                        hintText: [organisation.detail, organisation.code]
                          .filter(Boolean)
                          .join(" – "),
                        nativeInputProps: {
                          value: organisation.ref,
                          defaultChecked:
                            shownValue(failure, "organisation") === organisation.ref ||
                            found.length === 1,
                        },
                      }))}
                    />
                    <FunctionFields failure={failure} />
                    <TextField
                      name="givenName"
                      label="Prénom"
                      autoComplete="given-name"
                      defaultValue={fromProConnect?.givenName}
                      failure={failure}
                    />
                    <TextField
                      name="familyName"
                      label="Nom"
                      autoComplete="family-name"
                      defaultValue={fromProConnect?.familyName}
                      failure={failure}
                    />
                    <EmailField
                      failure={failure}
                      label="Adresse électronique professionnelle"
                      defaultValue={fromProConnect?.email}
                    />
                    <Button type="submit">Envoyer la demande</Button>
                  </form>
                )
              ) : null}
              {chosenGroup === "collectivite" && found ? (
                <p className={fr.cx("fr-mt-4w")}>
                  <a className="fr-link" href="/inscription/organisation-absente">
                    Ma collectivité n'est pas dans la liste
                  </a>
                </p>
              ) : null}
            </div>
            {chosenGroup ? <script src="/js/recherche-organisation.js" defer /> : null}
          </>
        )}
        <p className={fr.cx("fr-mt-4w")}>
          <a className="fr-link" href="/connexion">
            Vous avez déjà un compte ? Se connecter
          </a>
        </p>
      </div>
    </div>
  );
}
