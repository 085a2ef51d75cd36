import { useLoaderData } from "react-router";
import { projectScope } from "../../../src/modules/atlas/index";
import { NotFound } from "../../../src/platform/errors";
import { authorize } from "../../../src/platform/policy";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { VersionHistory } from "../components/VersionHistory";
import { appContext, requestContext } from "../../context";
import { versionEntries } from "../history.server";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import { projectTitle } from "../../../src/modules/atlas/index";
import type { Route } from "./+types/project-history";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `Historique de « ${data?.title ?? "projet"} » – Atlas de la coopération décentralisée` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    const id = idParam(params.projectId);
    const scope = await projectScope(db, id);
    if (!scope) throw new NotFound("Ce projet n'existe pas.");
    authorize(actor, "atlas:project:history", scope);
    return {
      id,
      title: await projectTitle(db, id),
      versions: await versionEntries(db, "project", id),
    };
  });
}

export default function ProjectHistoryPage() {
  const { id, title, versions } = useLoaderData<typeof loader>();
  return (
    <>
      <AtlasBreadcrumb
        current="Historique"
        segments={[
          { label: "Projets", href: "/atlas/projets" },
          { label: title, href: `/atlas/projets/${id}` },
        ]}
      />
      <h1>{`Historique des modifications de « ${title} »`}</h1>
      <VersionHistory versions={versions} />
    </>
  );
}
