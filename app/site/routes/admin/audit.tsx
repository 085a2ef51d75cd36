import { useLoaderData } from "react-router";
import { listAuditEntries } from "../../../../src/platform/audit/queries";
import { authorize } from "../../../../src/platform/policy";
import { appContext, requestContext } from "../../../context";
import { guard } from "../../../platform/http.server";
import type { Route } from "./+types/audit";
import { formatDate } from "../../../platform/format";

export const meta = () => [{ title: "Journal des modifications – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    authorize(actor, "audit:read");
    return { entries: await listAuditEntries(db, { limit: 200 }) };
  });
}

const operationLabels = {
  create: "Création",
  update: "Modification",
  delete: "Suppression",
} as const;
const describe = (value: unknown) => (value ? JSON.stringify(value, null, 1) : "—");

export default function Audit() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Journal des modifications</h1>
      <div className="fr-table">
        <table>
          <caption>Les 200 dernières modifications des données partagées</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Auteur</th>
              <th scope="col">Opération</th>
              <th scope="col">Objet</th>
              <th scope="col">Avant</th>
              <th scope="col">Après</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDate(entry.at, "dateTimeSeconds")}</td>
                <td>{entry.actorLabel}</td>
                <td>{operationLabels[entry.operation]}</td>
                <td>
                  {entry.entityType} n° {entry.entityId}
                </td>
                <td>
                  <code>{describe(entry.before)}</code>
                </td>
                <td>
                  <code>{describe(entry.after)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
