import { Button } from "@codegouvfr/react-dsfr/Button";
import { useLoaderData } from "react-router";
import { adminBourse, parseAdminBourseFilters } from "../../../src/modules/bourse/index";
import {
  offerStatusLabels,
  requestStatusLabels,
  requestStatuses,
} from "../../../src/modules/bourse/codes";
import { FormErrorSummary, SelectField } from "../../components/FormFields";
import { Pager } from "../../components/Pager";
import { appContext, requestContext } from "../../context";
import { formatDate } from "../../lib/format";
import { pageData, withQuery } from "../../lib/query-page.server";
import type { Route } from "./+types/bourse";

export const meta = () => [{ title: "Bourse-partenariats – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const result = await withQuery(request, parseAdminBourseFilters, ["statut", "page"], (filters) =>
    adminBourse(db, actor, filters),
  );
  const statut = new URL(request.url).searchParams.get("statut") ?? "";
  return pageData({ result, statut });
}

export default function AdminBoursePage() {
  const { result, statut } = useLoaderData<typeof loader>();
  const failure = result.ok ? undefined : result;
  return (
    <>
      <h1>Bourse-partenariats</h1>
      <h2>Demandes des collectivités étrangères</h2>
      <form method="get" action="/admin/bourse" className="fr-mb-3w">
        <FormErrorSummary failure={failure} />
        <SelectField
          name="statut"
          label="État des demandes"
          options={requestStatuses.map((status) => [
            status,
            `${requestStatusLabels[status]}${result.ok ? ` (${result.requestCounts[status] ?? 0})` : ""}`,
          ])}
          value={statut}
          placeholder="Tous les états"
          failure={failure}
        />
        <Button type="submit" priority="secondary">
          Afficher
        </Button>
      </form>
      {result.ok ? (
        <>
          <div className="fr-table">
            <table>
              <caption>{`${result.requests.total} demande${result.requests.total > 1 ? "s" : ""}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Demande</th>
                  <th scope="col">Autorité</th>
                  <th scope="col">Pays</th>
                  <th scope="col">État</th>
                  <th scope="col">Transmise le</th>
                  <th scope="col">Collectivités intéressées</th>
                </tr>
              </thead>
              <tbody>
                {result.requests.rows.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <a href={`/bourse/demandes/${row.id}`}>{row.title}</a>
                    </td>
                    <td>{row.authority_name}</td>
                    <td>{row.country}</td>
                    <td>{requestStatusLabels[row.status]}</td>
                    <td>{row.submitted_at ? formatDate(row.submitted_at, "longDate") : "—"}</td>
                    <td>{row.interests}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={result.requests.page}
            pageCount={result.requests.pageCount}
            basePath="/admin/bourse"
            query={new URLSearchParams(statut ? { statut } : {})}
          />
          <h2>Offres des collectivités françaises</h2>
          <div className="fr-table">
            <table>
              <caption>{`${result.offers.length} offre${result.offers.length > 1 ? "s" : ""}, celles qui attendent la DAECT d'abord`}</caption>
              <thead>
                <tr>
                  <th scope="col">Offre</th>
                  <th scope="col">Collectivité</th>
                  <th scope="col">État</th>
                  <th scope="col">Avis rendus</th>
                  <th scope="col">Date limite des avis</th>
                </tr>
              </thead>
              <tbody>
                {result.offers.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <a href={`/bourse/offres/${row.id}`}>{row.title}</a>
                    </td>
                    <td>{row.collectivite}</td>
                    <td>{offerStatusLabels[row.status]}</td>
                    <td>
                      {row.opinions_asked > 0
                        ? `${row.opinions_given} / ${row.opinions_asked}`
                        : "—"}
                    </td>
                    <td>
                      {row.opinions_due_on ? formatDate(row.opinions_due_on, "longDate") : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
