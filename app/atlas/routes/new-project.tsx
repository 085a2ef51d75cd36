import { redirect, useActionData, useLoaderData } from "react-router";
import { createProject, projectListFields } from "../../../src/modules/atlas/index";
import { collectiviteOwner } from "../../../src/modules/register/index";
import { NotFound } from "../../../src/platform/errors";
import { authorize } from "../../../src/platform/policy";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { ProjectForm } from "../components/ProjectForm";
import { appContext, requestContext } from "../../context";
import { projectFormChoices } from "../edit.server";
import { readFormWithLists } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/new-project";
import { ofName } from "../../platform/format";

export const meta = () => [{ title: "Nouveau projet – Atlas de la coopération décentralisée" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const owner = await collectiviteOwner(db, idParam(params.collectiviteId));
    if (!owner) throw new NotFound("Cette collectivité n'existe pas.");
    authorize(actor, "atlas:project:create", { organisationId: owner.organisationId ?? -1 });
    return { owner, choices: await projectFormChoices(db, owner.id), csrfToken };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readFormWithLists(request, projectListFields);
  return runAction(values, async () => {
    const { projectId } = await createProject(db, actor, idParam(params.collectiviteId), values);
    return redirect(`/atlas/projets/${projectId}?version=1`);
  });
}

export default function NewProjectPage() {
  const { owner, choices, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AtlasBreadcrumb
        current="Nouveau projet"
        segments={[{ label: owner.name, href: `/atlas/collectivites/${owner.id}` }]}
      />
      <h1>{`Nouveau projet ${ofName(owner.name)}`}</h1>
      <p>
        Le projet sera publié dans l'Atlas dès son enregistrement. Les champs sont facultatifs sauf
        le titre, le domaine, le statut, un pays et une thématique.
      </p>
      <ProjectForm
        csrfToken={csrfToken}
        failure={result && !result.ok ? result : undefined}
        stored={{}}
        choices={choices}
        submitLabel="Publier le projet"
      />
    </>
  );
}
