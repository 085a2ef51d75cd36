import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useActionData, useLoaderData } from "react-router";
import {
  collectiviteFormValues,
  editableCollectivite,
  updateCollectiviteProfile,
} from "../../../src/modules/atlas/index";
import { CsrfField } from "../../platform/components/CsrfField";
import { TextAreaField, TextField, shownValue } from "../../platform/components/FormFields";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { SaveOutcome } from "../components/SaveOutcome";
import { VersionHistorySection } from "../components/VersionHistory";
import { appContext, requestContext } from "../../context";
import { saveInPlace } from "../edit.server";
import { versionEntries } from "../history.server";
import { readForm } from "../../platform/form.server";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/edit-collectivite";
import { ofName } from "../../platform/format";

export const meta = ({ data }: Route.MetaArgs) => [
  {
    title: `Profil ${data ? ofName(data.name) : "de la collectivité"} – Atlas de la coopération décentralisée`,
  },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const collectivite = await editableCollectivite(db, actor, idParam(params.collectiviteId));
    return {
      id: collectivite.id,
      name: collectivite.name,
      version: collectivite.version,
      stored: collectiviteFormValues(collectivite.profile),
      versions: await versionEntries(db, "collectivite", collectivite.id),
      csrfToken,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const services = context.get(appContext);
  const { db } = services;
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return saveInPlace(services.db, "collectivite", values, () =>
    updateCollectiviteProfile(db, actor, idParam(params.collectiviteId), values),
  );
}

const TEXT_FIELDS: [string, string, string?][] = [
  ["electedOfficialName", "Élu(e) en charge de l'action internationale : nom"],
  [
    "electedOfficialTitle",
    "Élu(e) en charge : fonction",
    "Exemple : adjointe au maire chargée des relations internationales",
  ],
  ["contactName", "Agent en charge des relations internationales : nom"],
  ["contactTitle", "Agent en charge : fonction"],
  ["contactEmail", "Agent en charge : adresse électronique", "Format attendu : nom@domaine.fr"],
  ["contactPhone", "Agent en charge : téléphone", "Exemple : 02 99 00 00 00"],
  ["staffFte", "Effectif consacré à l'action internationale (ETP)", "Exemple : 1,5"],
  ["yearlyBudgetCents", "Budget annuel de l'action extérieure (euros)", "Exemple : 150 000"],
  ["website", "Site internet", "Exemple : https://www.ville.fr"],
];

export default function EditCollectivitePage() {
  const { id, name, version, stored, versions, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const value = (field: string) => shownValue(failure, field, stored[field] ?? "") as string;
  return (
    <>
      <AtlasBreadcrumb
        current="Modifier le profil"
        segments={[{ label: name, href: `/atlas/collectivites/${id}` }]}
      />
      <h1>{`Profil international ${ofName(name)}`}</h1>
      <SaveOutcome result={result} saved="Profil enregistré" />
      <p>{`Version n° ${result?.ok ? result.version : version}. Les coordonnées des personnes ne sont visibles que des utilisateurs connectés.`}</p>
      <form method="post" noValidate>
        <CsrfField token={csrfToken} />
        <input
          type="hidden"
          name="version"
          value={result?.ok ? String(result.version) : value("version") || String(version)}
        />
        {TEXT_FIELDS.map(([field, label, hint]) => (
          <TextField
            key={field}
            name={field}
            label={label}
            hint={hint}
            failure={failure}
            defaultValue={value(field)}
          />
        ))}
        <div id="champ-hasInternationalService">
          <RadioButtons
            legend="La collectivité a-t-elle un service des relations internationales ?"
            orientation="horizontal"
            state={failure?.fieldErrors.hasInternationalService ? "error" : "default"}
            stateRelatedMessage={failure?.fieldErrors.hasInternationalService}
            options={[
              {
                label: "Oui",
                nativeInputProps: {
                  name: "hasInternationalService",
                  value: "oui",
                  defaultChecked: value("hasInternationalService") === "oui",
                },
              },
              {
                label: "Non",
                nativeInputProps: {
                  name: "hasInternationalService",
                  value: "non",
                  defaultChecked: value("hasInternationalService") === "non",
                },
              },
            ]}
          />
        </div>
        <TextAreaField
          name="presentation"
          label="Présentation de l'action internationale"
          rows={6}
          failure={failure}
          defaultValue={value("presentation")}
        />
        <Button type="submit">Enregistrer le profil</Button>
      </form>
      <VersionHistorySection versions={versions} />
    </>
  );
}
