import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import {
  atlasLabels,
  editableAuthority,
  placingMap,
  updateAuthority,
} from "../../../src/modules/atlas/index";
import { PlacePicker } from "../components/PlacePicker";
import { PositionFields } from "../components/PositionFields";
import { foreignAuthorityKindLabels } from "../../../src/modules/register/codes";
import { CsrfField } from "../../platform/components/CsrfField";
import { SelectField, TextField, shownValue } from "../../platform/components/FormFields";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { SaveOutcome } from "../components/SaveOutcome";
import { VersionHistorySection } from "../components/VersionHistory";
import { appContext, requestContext } from "../../context";
import { saveInPlace } from "../edit.server";
import { versionEntries } from "../history.server";
import { readForm } from "../../platform/form.server";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/edit-authority";
import { ofName } from "../../platform/format";

export const meta = () => [{ title: "Modifier une autorité partenaire – Atlas" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const authority = await editableAuthority(db, actor, idParam(params.authorityId));
    return {
      authority: { id: authority.id, version: authority.version, ...authority.snapshot },
      placing: placingMap(authority.country_code),
      countryName: (await atlasLabels(db)).country.get(authority.country_code) ?? "",
      kinds: Object.entries(foreignAuthorityKindLabels),
      versions: await versionEntries(db, "authority", authority.id),
      csrfToken,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const services = context.get(appContext);
  const { db } = services;
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return saveInPlace(services.db, "authority", values, () =>
    updateAuthority(db, actor, idParam(params.authorityId), values),
  );
}

export default function EditAuthorityPage() {
  const { authority, kinds, versions, csrfToken, placing, countryName } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const value = (name: string, stored: string) => shownValue(failure, name, stored) as string;
  return (
    <>
      <AtlasBreadcrumb
        current="Modifier"
        segments={[{ label: authority.name, href: `/atlas/partenaires/${authority.id}` }]}
      />
      <h1>{`Modifier la fiche ${ofName(authority.name)}`}</h1>
      <SaveOutcome result={result} saved="Fiche enregistrée" />
      <form method="post" noValidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={value("version", String(authority.version))} />
        <TextField
          name="name"
          label="Nom de l'autorité"
          required
          failure={failure}
          defaultValue={value("name", authority.name)}
        />
        <SelectField
          name="kind"
          label="Type d'autorité"
          failure={failure}
          options={kinds}
          value={value("kind", authority.kind)}
        />
        <TextField
          name="city"
          label="Ville"
          hint="Elle place l'autorité sur les cartes de l'Atlas."
          failure={failure}
          defaultValue={value("city", authority.city ?? "")}
        />
        <PositionFields
          failure={failure}
          hint={`${
            authority.position
              ? `Position actuelle : ${authority.position}.`
              : "Aucune position pour l'instant."
          } En degrés décimaux, tels que les donne une carte en ligne${placing ? ", ou d'un clic sur la carte ci-dessous" : ""}.`}
        />
        {placing ? <PlacePicker map={placing} countryName={countryName} /> : null}
        <Button type="submit">Enregistrer la fiche</Button>
      </form>
      <VersionHistorySection versions={versions} />
    </>
  );
}
