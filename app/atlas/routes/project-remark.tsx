import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { addProjectRemark, projectScope } from "../../../src/modules/atlas/index";
import { NotFound } from "../../../src/platform/errors";
import { actingMembership, authorize } from "../../../src/platform/policy";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary, TextAreaField } from "../../platform/components/FormFields";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { appContext, requestContext } from "../../context";
import { projectTitle } from "../../../src/modules/atlas/index";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/project-remark";
import { ofName } from "../../platform/format";

export const meta = () => [
  { title: "Ajouter un complément – Atlas de la coopération décentralisée" },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const id = idParam(params.projectId);
    const scope = await projectScope(db, id);
    if (!scope) throw new NotFound("Ce projet n'existe pas.");
    authorize(actor, "atlas:project:remark", scope);
    return {
      id,
      title: await projectTitle(db, id),
      signedBy: actingMembership(actor, "atlas:project:remark", scope)!.organisationName,
      csrfToken,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const id = idParam(params.projectId);
    await addProjectRemark(db, actor, id, values);
    return redirect(`/atlas/projets/${id}?complement=1#complements`);
  });
}

export default function ProjectRemarkPage() {
  const { id, title, signedBy, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <AtlasBreadcrumb
        current="Ajouter un complément"
        segments={[
          { label: "Projets", href: "/atlas/projets" },
          { label: title, href: `/atlas/projets/${id}` },
        ]}
      />
      <h1>{`Compléter le projet « ${title} »`}</h1>
      <p>
        {`Votre complément sera publié sur la fiche du projet au nom ${ofName(signedBy)}, avec sa date. Il ne modifie pas le contenu saisi par la collectivité.`}
      </p>
      <FormErrorSummary failure={failure} />
      <form method="post" noValidate>
        <CsrfField token={csrfToken} />
        <TextAreaField
          name="body"
          label="Complément"
          hint="Suivi du projet, résultats observés, contacts institutionnels… 2 000 caractères au plus."
          rows={6}
          failure={failure}
        />
        <Button type="submit">Publier le complément</Button>
      </form>
    </>
  );
}
