import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import {
  atlasLabels,
  editablePartnership,
  partnershipStatusLabels,
  updatePartnership,
} from "../../../src/modules/atlas/index";
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
import type { Route } from "./+types/edit-partnership";

export const meta = () => [
  { title: "Modifier un partenariat – Atlas de la coopération décentralisée" },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const partnership = await editablePartnership(db, actor, idParam(params.partnershipId));
    return {
      partnership,
      kinds: [...(await atlasLabels(db)).partnershipKind],
      statuses: Object.entries(partnershipStatusLabels),
      versions: await versionEntries(db, "partnership", partnership.id),
      csrfToken,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const services = context.get(appContext);
  const { db } = services;
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return saveInPlace(services.db, "partnership", values, () =>
    updatePartnership(db, actor, idParam(params.partnershipId), values),
  );
}

export default function EditPartnershipPage() {
  const { partnership, kinds, statuses, versions, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const value = (name: string, stored: string) => shownValue(failure, name, stored) as string;
  const signed = partnership.signedOn ? partnership.signedOn.split("-").reverse().join("/") : "";
  return (
    <>
      <AtlasBreadcrumb current={`Partenariat n° ${partnership.id}`} />
      <h1>{`Modifier le partenariat n° ${partnership.id}`}</h1>
      <SaveOutcome result={result} saved="Partenariat enregistré" />
      <form method="post" noValidate>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="version" value={value("version", String(partnership.version))} />
        <SelectField
          name="kind"
          label="Type de partenariat"
          failure={failure}
          options={kinds}
          value={value("kind", partnership.kind)}
        />
        <TextField
          name="signedOn"
          label="Date de signature"
          hint="Format attendu : JJ/MM/AAAA"
          failure={failure}
          defaultValue={value("signedOn", signed)}
        />
        <SelectField
          name="status"
          label="Statut"
          failure={failure}
          options={statuses}
          value={value("status", partnership.status)}
        />
        <Button type="submit">Enregistrer le partenariat</Button>
      </form>
      <VersionHistorySection versions={versions} />
    </>
  );
}
