import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import { collectiviteDeclarations, startDeclaration } from "../../../src/modules/apd/index";
import { declarationStatusLabels } from "../../../src/modules/apd/codes";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { formatDate, formatEuros } from "../../platform/format";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/collectivite";

export const meta = ({ data }: Route.MetaArgs) => [
  {
    title: data
      ? `Déclarations APD – ${data.collectivite.name} – Portail AECT`
      : "Déclarations APD – Portail AECT",
  },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => ({
    ...(await collectiviteDeclarations(db, actor, idParam(params.collectiviteId))),
    csrfToken,
  }));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    const id = await startDeclaration(
      db,
      actor,
      idParam(params.collectiviteId),
      Number(values.year),
    );
    return redirect(`/apd/declarations/${id}`);
  });
}

export default function CollectiviteDeclarationsPage() {
  const { collectivite, years, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>Déclarations de l'aide publique au développement – {collectivite.name}</h1>
      <p>
        Chaque année, la collectivité déclare l'aide publique au développement qu'elle a engagée
        l'année précédente (article L.1115-6 du code général des collectivités territoriales). Les
        années passées restent consultables.
      </p>
      <FormErrorSummary failure={failure} />
      {years.length === 0 ? (
        <p>Aucune campagne de déclaration n'a encore été ouverte.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Déclarations par année de dépenses</caption>
            <thead>
              <tr>
                <th scope="col">Dépenses de</th>
                <th scope="col">Campagne</th>
                <th scope="col">Déclaration</th>
                <th scope="col">Montant transmis</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {years.map((row) => (
                <tr key={row.year}>
                  <td>{row.year}</td>
                  <td>
                    {row.closedAt
                      ? "clôturée"
                      : row.open
                        ? `ouverte jusqu'au ${formatDate(row.closesOn, "longDate")}`
                        : `ouvre le ${formatDate(row.opensOn, "longDate")}`}
                  </td>
                  <td>
                    {row.status ? declarationStatusLabels[row.status] : "non commencée"}
                    {row.late ? " (en retard)" : ""}
                  </td>
                  <td>
                    {row.submittedAt
                      ? row.isNil
                        ? "néant"
                        : formatEuros(row.totalCents ?? 0)
                      : "—"}
                  </td>
                  <td>
                    {row.declarationId ? (
                      <a href={`/apd/declarations/${row.declarationId}`}>
                        {row.open ? "Ouvrir la déclaration" : "Consulter"}
                        <span className="fr-sr-only"> {row.year}</span>
                      </a>
                    ) : row.canStart ? (
                      <form method="post">
                        <CsrfField token={csrfToken} />
                        <input type="hidden" name="year" value={row.year} />
                        <Button type="submit" size="small">
                          Commencer la déclaration {row.year}
                        </Button>
                      </form>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
