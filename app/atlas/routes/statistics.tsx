import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { data, useLoaderData } from "react-router";
import { filtersToParams, parseProjectFilters } from "../../../src/modules/atlas/index";
import {
  type StatGroup,
  statColumns,
  statGroupLabels,
  statGroups,
} from "../../../src/modules/atlas/codes";
import { BarChart } from "../components/BarChart";
import { ContinentTable } from "../components/ContinentTable";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { appContext } from "../../context";
import { cachedStatistics } from "../stats.server";
import { formatCount } from "../../platform/format";
import { guard } from "../../platform/http.server";
import { continentFigures } from "../public-figures.server";
import type { Route } from "./+types/statistics";

export const meta = () => [{ title: "Statistiques – Atlas de la coopération décentralisée" }];

const CHART_BARS = 20;

export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  const params = new URL(request.url).searchParams;
  const requested = params.get("groupBy") ?? "country";
  const known = (statGroups as readonly string[]).includes(requested);
  const group = (known ? requested : "country") as StatGroup;
  return guard(request, async () => {
    const filters = parseProjectFilters(params);
    const [continents, rows] = await Promise.all([
      continentFigures(services),
      cachedStatistics(services, group, filters),
    ]);
    const body = {
      group,
      error: known ? null : "Choisissez un regroupement dans la liste.",
      filterQuery: filtersToParams(filters).toString(),
      continents,
      rows,
    };
    return data(body, { status: known ? 200 : 400 });
  });
}

export default function StatisticsPage() {
  const { group, error, filterQuery, continents, rows } = useLoaderData<typeof loader>();
  const groupLabel = statGroupLabels[group];
  const chartRows = group === "year" ? rows.slice(-CHART_BARS) : rows.slice(0, CHART_BARS);
  const download = `/api/v1/stats?${new URLSearchParams([["groupBy", group], ["format", "csv"], ...new URLSearchParams(filterQuery)])}`;
  return (
    <>
      <AtlasBreadcrumb current="Statistiques" />
      <h1>Statistiques de la coopération décentralisée</h1>
      <ContinentTable caption="Par continent des partenaires étrangers" rows={continents} />
      <p className="fr-text--sm">
        <a href="/api/v1/stats/continents">Télécharger ce tableau (JSON)</a>
      </p>
      <h2 className="fr-mt-6w">{`Par ${groupLabel.toLowerCase()}`}</h2>
      <form method="get" aria-label="Choisir le regroupement" className="fr-mb-4w">
        {[...new URLSearchParams(filterQuery)].map(([name, value]) => (
          <input key={`${name}-${value}`} type="hidden" name={name} value={value} />
        ))}
        <Select
          label="Regrouper par"
          state={error ? "error" : "default"}
          stateRelatedMessage={error ?? undefined}
          nativeSelectProps={{ id: "champ-groupBy", name: "groupBy", defaultValue: group }}
        >
          {statGroups.map((value) => (
            <option key={value} value={value}>
              {statGroupLabels[value]}
            </option>
          ))}
        </Select>
        <Button type="submit" priority="secondary">
          Afficher
        </Button>
      </form>
      <BarChart
        title={`Nombre de projets par ${groupLabel.toLowerCase()}${group === "year" ? " de début" : ` (${Math.min(CHART_BARS, rows.length)} premiers)`}`}
        bars={chartRows.map((row) => ({ label: row.label, value: row.projects }))}
      />
      <div className="fr-table">
        <table>
          <caption>{`Projets, partenariats et acteurs par ${groupLabel.toLowerCase()}`}</caption>
          <thead>
            <tr>
              <th scope="col">{groupLabel}</th>
              {statColumns.map(([name, label]) => (
                <th key={name} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {statColumns.map(([name]) => (
                  <td key={name}>{formatCount(row[name])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fr-text--sm">
        <a href={download}>Télécharger ce tableau (CSV)</a>
        {" · "}
        Un partenariat compte l'année de sa signature, un projet l'année de son démarrage.
      </p>
    </>
  );
}
