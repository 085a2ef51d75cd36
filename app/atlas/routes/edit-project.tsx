import { redirect, useActionData, useLoaderData } from "react-router";
import {
  editableProject,
  projectFormValues,
  projectListFields,
  updateProject,
} from "../../../src/modules/atlas/index";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { ProjectForm } from "../components/ProjectForm";
import { appContext, requestContext } from "../../context";
import { conflictComparer, projectFormChoices } from "../edit.server";
import { readFormWithLists } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/edit-project";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `Modifier « ${data?.title ?? "projet"} » – Atlas de la coopération décentralisée` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const project = await editableProject(db, actor, idParam(params.projectId));
    return {
      id: project.id,
      title: project.input.title,
      version: project.version,
      stored: projectFormValues(project.input),
      choices: await projectFormChoices(
        db,
        project.leadCollectiviteId,
        project.input.partnershipIds,
      ),
      csrfToken,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readFormWithLists(request, projectListFields);
  return runAction(
    values,
    async () => {
      const projectId = idParam(params.projectId);
      const saved = await updateProject(db, actor, projectId, values);
      return redirect(
        `/atlas/projets/${projectId}?${saved.changed ? `version=${saved.version}` : "inchange=1"}`,
      );
    },
    conflictComparer(db, "project"),
  );
}

export default function EditProjectPage() {
  const { id, title, version, stored, choices, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AtlasBreadcrumb
        current="Modifier"
        segments={[
          { label: "Projets", href: "/atlas/projets" },
          { label: title, href: `/atlas/projets/${id}` },
        ]}
      />
      <h1>{`Modifier le projet « ${title} »`}</h1>
      <p>
        {`Version n° ${version}. Les champs sont facultatifs sauf le titre, le domaine, le statut, un pays et une thématique. `}
        <a href={`/atlas/projets/${id}/historique`}>Voir l'historique des modifications</a>
      </p>
      <ProjectForm
        csrfToken={csrfToken}
        failure={result && !result.ok ? result : undefined}
        stored={stored}
        version={version}
        choices={choices}
        submitLabel="Enregistrer les modifications"
      />
    </>
  );
}
