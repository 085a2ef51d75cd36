import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { createPartnership } from "../../../src/modules/atlas/index";
import { collectiviteOwner } from "../../../src/modules/register/index";
import { NotFound } from "../../../src/platform/errors";
import { authorize } from "../../../src/platform/policy";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { PartnershipFields } from "../components/PartnershipFields";
import { appContext, requestContext } from "../../context";
import { newPartnershipChoices } from "../edit.server";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/new-partnership";
import { ofName } from "../../platform/format";

export const meta = () => [
  { title: "Nouveau partenariat – Atlas de la coopération décentralisée" },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const owner = await collectiviteOwner(db, idParam(params.collectiviteId));
    if (!owner) throw new NotFound("Cette collectivité n'existe pas.");
    authorize(actor, "atlas:partnership:create", { organisationId: owner.organisationId ?? -1 });
    return { owner, choices: await newPartnershipChoices(db), csrfToken };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const id = idParam(params.collectiviteId);
    const { partnershipId } = await createPartnership(db, actor, id, values);
    // The fiche says what was saved: the new partnership, found in its own list.
    return redirect(`/atlas/collectivites/${id}?partenariat=${partnershipId}#partenariats`);
  });
}

export default function NewPartnershipPage() {
  const { owner, choices, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <AtlasBreadcrumb
        current="Nouveau partenariat"
        segments={[{ label: owner.name, href: `/atlas/collectivites/${owner.id}` }]}
      />
      <h1>{`Nouveau partenariat ${ofName(owner.name)}`}</h1>
      <p>
        L'autorité partenaire est retrouvée par son nom et son pays si elle est déjà dans l'Atlas ;
        sinon elle est ajoutée et placée sur la carte à la ville indiquée.
      </p>
      <FormErrorSummary failure={failure} />
      <form method="post" noValidate>
        <CsrfField token={csrfToken} />
        <PartnershipFields choices={choices} failure={failure} />
        <Button type="submit">Ajouter le partenariat</Button>
      </form>
    </>
  );
}
