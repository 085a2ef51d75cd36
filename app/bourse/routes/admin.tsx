import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import {
  adminBourse,
  parseAdminBourseFilters,
  requestOpinionsOn,
} from "../../../src/modules/bourse/index";
import { formToValues } from "../../../src/platform/validation";
import {
  offerStatusLabels,
  requestStatusLabels,
  requestStatuses,
} from "../../../src/modules/bourse/codes";
import { ActionOutcome } from "../../platform/components/ActionForm";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary, SelectField } from "../../platform/components/FormFields";
import { AskOpinionsFields } from "../../platform/components/Opinions";
import { runAction } from "../../platform/http.server";
import { Pager } from "../../platform/components/Pager";
import { appContext, requestContext } from "../../context";
import { formatDate } from "../../platform/format";
import { pageData, withQuery } from "../../platform/query-page.server";
import type { Route } from "./+types/admin";
import { countOf, sentenceCase } from "../../platform/format";

export const meta = () => [{ title: "Bourse-partenariats – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const result = await withQuery(request, parseAdminBourseFilters, ["statut", "page"], (filters) =>
    adminBourse(db, actor, filters),
  );
  const statut = new URL(request.url).searchParams.get("statut") ?? "";
  return pageData({ result, statut, csrfToken: context.get(requestContext).csrfToken });
}

/**
 * Opinions asked on several offers at once: each checked box carries the offer and the
 * version the list showed, so an offer changed since is refused, not overwritten.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values: Record<string, string | string[]> = {};
  return runAction(values, async () => {
    Object.assign(values, formToValues(await request.formData(), ["offres"]));
    const checked = Array.isArray(values.offres) ? values.offres : [];
    const selected = checked.map((value) => {
      const [id, version] = value.split(":");
      return { id: Number(id), version };
    });
    const moved = await requestOpinionsOn(
      db,
      actor,
      selected.filter((offer) => Number.isSafeInteger(offer.id)),
      {
        dueOn: typeof values.dueOn === "string" ? values.dueOn : undefined,
        visibility: typeof values.visibility === "string" ? values.visibility : undefined,
      },
      config.publicUrl,
    );
    return {
      ok: true as const,
      message: `Avis demandés sur ${countOf(moved.length, "offre", "offres", "f")} ; la préfecture et les ambassades de chacune sont prévenues.`,
    };
  });
}

export default function AdminBoursePage() {
  const { result, statut, csrfToken } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const asked = outcome && !outcome.ok ? outcome : undefined;
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
              <caption>
                {sentenceCase(countOf(result.requests.total, "demande", "demandes", "f"))}
              </caption>
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
          <h2 id="offres-titre">Offres des collectivités françaises</h2>
          <ActionOutcome success={outcome?.ok ? outcome.message : undefined} failure={asked} />
          <form method="post" aria-labelledby="offres-titre" noValidate>
            <CsrfField token={csrfToken} />
            <div className="fr-table">
              <table>
                <caption>{`${sentenceCase(countOf(result.offers.length, "offre", "offres", "f"))}, celles qui attendent la DAECT d'abord`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Demander les avis</th>
                    <th scope="col">Offre</th>
                    <th scope="col">Collectivité</th>
                    <th scope="col">État</th>
                    <th scope="col">Avis rendus / demandés</th>
                    <th scope="col">Date limite des avis</th>
                  </tr>
                </thead>
                <tbody>
                  {result.offers.map((row) => (
                    <tr key={row.id}>
                      <td>
                        {row.status === "submitted" ? (
                          <div className="fr-checkbox-group fr-checkbox-group--sm">
                            <input
                              type="checkbox"
                              id={`offre-${row.id}`}
                              name="offres"
                              value={`${row.id}:${row.version}`}
                              defaultChecked={
                                Array.isArray(asked?.values.offres) &&
                                asked.values.offres.includes(`${row.id}:${row.version}`)
                              }
                            />
                            <label className="fr-label" htmlFor={`offre-${row.id}`}>
                              <span className="fr-sr-only">Demander les avis sur {row.title}</span>
                            </label>
                          </div>
                        ) : null}
                      </td>
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
            {asked?.fieldErrors.offres || asked?.fieldErrors.offre ? (
              <p className="fr-error-text fr-mb-2w" id="erreur-offres">
                {asked.fieldErrors.offres ?? asked.fieldErrors.offre}
              </p>
            ) : null}
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">
                Demander les avis sur les offres cochées (reçues par la DAECT)
              </legend>
              <div className="fr-fieldset__element">
                <AskOpinionsFields failure={asked} />
              </div>
            </fieldset>
            <Button type="submit">Demander les avis sur les offres cochées</Button>
          </form>
        </>
      ) : null}
    </>
  );
}
