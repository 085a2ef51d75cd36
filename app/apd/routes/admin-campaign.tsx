import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData, data as withStatus } from "react-router";
import {
  apdCampaignProgress,
  apdDeclarationList,
  closeApdCampaign,
  parseDeclarationListFilters,
} from "../../../src/modules/apd/index";
import { declarationStatusLabels, progressStateLabels } from "../../../src/modules/apd/codes";
import { collectiviteKindLabels } from "../../../src/modules/register/codes";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary, SelectField, TextField } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { formatDate, formatEuros } from "../../platform/format";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import { readQuery } from "../../platform/query-page.server";
import type { Route } from "./+types/admin-campaign";

export const meta = () => [{ title: "Suivi de campagne e-APD – Administration – Portail AECT" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const id = idParam(params.apdCampaignId);
    // A wrong filter is explained on its field; the list is then shown unfiltered.
    const { query: filters, failure: filterFailure } = readQuery(
      request,
      parseDeclarationListFilters,
      ["state", "region", "kind", "q", "page"],
    );
    return withStatus(
      {
        progress: await apdCampaignProgress(db, actor, id),
        list: await apdDeclarationList(db, actor, id, filters),
        filters,
        filterFailure,
        csrfToken,
      },
      { status: filterFailure ? 400 : 200 },
    );
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    await closeApdCampaign(db, actor, idParam(params.apdCampaignId));
    return { ok: true as const, message: "La campagne est clôturée." };
  });
}

function ProgressTable(props: {
  caption: string;
  header: string;
  rows: {
    key: string;
    label: string;
    collectivites: number;
    declared: number;
    late: number;
    returned: number;
    draft: number;
    not_started: number;
  }[];
}) {
  return (
    <div className="fr-table">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.header}</th>
            <th scope="col">Collectivités</th>
            <th scope="col">Déclarées</th>
            <th scope="col">dont en retard</th>
            <th scope="col">Renvoyées</th>
            <th scope="col">Brouillons</th>
            <th scope="col">Non commencées</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>{row.collectivites}</td>
              <td>{row.declared}</td>
              <td>{row.late}</td>
              <td>{row.returned}</td>
              <td>{row.draft}</td>
              <td>{row.not_started}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ApdCampaignPage() {
  const { progress, list, filters, filterFailure, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const { campaign, overall } = progress;
  const pageUrl = (page: number) => {
    const params = new URLSearchParams(
      Object.entries(filters).flatMap(([k, v]) => (v && k !== "page" ? [[k, String(v)]] : [])),
    );
    params.set("page", String(page));
    return `?${params}`;
  };
  return (
    <>
      <h1>Campagne e-APD {campaign.year}</h1>
      <p>
        Fenêtre du {formatDate(campaign.opensOn, "longDate")} au{" "}
        {formatDate(campaign.closesOn, "longDate")}
        {campaign.closedAt ? ` ; clôturée le ${formatDate(campaign.closedAt, "longDate")}` : ""}.
        APD déclarée : <strong>{formatEuros(progress.totalCents)}</strong> ({progress.lineCount}{" "}
        lignes).
      </p>
      {result?.ok ? <Alert severity="success" title={result.message} className="fr-mb-3w" /> : null}
      <FormErrorSummary failure={failure} />
      <p>
        Exports ligne à ligne :{" "}
        <a href={`/api/v1/apd/export?year=${campaign.year}&format=csv`} download>
          CSV consolidé
        </a>
        ,{" "}
        <a href={`/api/v1/apd/export?year=${campaign.year}&format=xlsx`} download>
          Excel consolidé
        </a>
        ,{" "}
        <a href={`/api/v1/apd/export?year=${campaign.year}&format=crs`} download>
          fichier CRS pour l'OCDE
        </a>
        .
      </p>
      <ul>
        {progress.steps.map((step) => (
          <li key={step.step}>
            {step.step === "opening"
              ? "Courriel d'ouverture"
              : `Rappel ${step.step.replace("reminder-", "J-")}`}{" "}
            envoyé le {formatDate(step.done_at, "dateTime")} à {step.collectivites} collectivités
          </li>
        ))}
      </ul>
      {overall ? (
        <ProgressTable
          caption="Avancement"
          header="Ensemble"
          rows={[{ ...overall, label: "Toutes les collectivités" }]}
        />
      ) : null}
      <ProgressTable caption="Avancement par région" header="Région" rows={progress.byRegion} />
      <ProgressTable
        caption="Avancement par type de collectivité"
        header="Type"
        rows={progress.byKind.map((row) => ({
          ...row,
          label: collectiviteKindLabels[row.key] ?? row.key,
        }))}
      />
      <section aria-labelledby="liste-titre">
        <h2 id="liste-titre">Déclarations</h2>
        <FormErrorSummary failure={filterFailure} />
        <form method="get" className="fr-mb-2w">
          <SelectField
            name="state"
            label="État"
            options={Object.entries(progressStateLabels)}
            value={filterFailure?.values.state ?? filters.state ?? ""}
            placeholder="Tous"
            failure={filterFailure}
          />
          <SelectField
            name="kind"
            label="Type de collectivité"
            options={Object.entries(collectiviteKindLabels)}
            value={filterFailure?.values.kind ?? filters.kind ?? ""}
            placeholder="Tous"
            failure={filterFailure}
          />
          <TextField
            name="q"
            label="Nom de la collectivité"
            defaultValue={filters.q ?? ""}
            failure={filterFailure}
          />
          {filters.region ? <input type="hidden" name="region" value={filters.region} /> : null}
          <Button type="submit">Filtrer</Button>
        </form>
        <div className="fr-table">
          <table>
            <caption>{`${list.total} collectivités – page ${list.page} sur ${list.pageCount}`}</caption>
            <thead>
              <tr>
                <th scope="col">Collectivité</th>
                <th scope="col">Type</th>
                <th scope="col">État</th>
                <th scope="col">Montant</th>
                <th scope="col">Transmise le</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.collectivite_id}>
                  <td>
                    {row.declaration_id ? (
                      <a href={`/apd/declarations/${row.declaration_id}`}>{row.name}</a>
                    ) : (
                      row.name
                    )}
                  </td>
                  <td>{collectiviteKindLabels[row.kind] ?? row.kind}</td>
                  <td>
                    {row.status
                      ? declarationStatusLabels[row.status as keyof typeof declarationStatusLabels]
                      : "Non commencée"}
                    {row.late ? " (en retard)" : ""}
                  </td>
                  <td>{row.total_cents === null ? "—" : formatEuros(row.total_cents)}</td>
                  <td>{row.submitted_at ? formatDate(row.submitted_at, "dateTime") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          {list.page > 1 ? <a href={pageUrl(list.page - 1)}>Page précédente</a> : null}{" "}
          {list.page < list.pageCount ? <a href={pageUrl(list.page + 1)}>Page suivante</a> : null}
        </p>
      </section>
      {campaign.closedAt ? null : (
        <form method="post">
          <CsrfField token={csrfToken} />
          <Button type="submit" priority="secondary">
            Clôturer la campagne
          </Button>
        </form>
      )}
    </>
  );
}
