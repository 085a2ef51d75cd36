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
import { cachedCrossTab, cachedStatistics, cachedStatisticsTotals } from "../stats.server";
import { countOf, formatCount, formatShare, sentenceCase } from "../../platform/format";
import { FilterPanel } from "../../platform/components/FilterPanel";
import { ProjectFilterForm } from "../components/ProjectFilterForm";
import { filterChoices } from "../page.server";
import { atlasDomains } from "../../../src/reference/data/themes";
import { guard } from "../../platform/http.server";
import { continentFigures } from "../public-figures.server";
import type { Route } from "./+types/statistics";

export const meta = () => [{ title: "Statistiques – Atlas de la coopération décentralisée" }];

const CHART_BARS = 20;

/** The lines and columns of a cross-table shown on the page (the commonest first). */
const CROSS_ROWS = 30;
const CROSS_COLUMNS = 10;

const isGroup = (value: string): value is StatGroup =>
  (statGroups as readonly string[]).includes(value);

export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  const params = new URL(request.url).searchParams;
  const requested = params.get("groupBy") ?? "country";
  const group = isGroup(requested) ? requested : "country";
  const crossRequested = params.get("crossBy") ?? "";
  const crossBy = isGroup(crossRequested) && crossRequested !== group ? crossRequested : null;
  const errors = {
    groupBy: isGroup(requested) ? null : "Choisissez un regroupement dans la liste.",
    crossBy:
      crossRequested && !crossBy
        ? crossRequested === group
          ? "Choisissez pour les colonnes une autre dimension que pour les lignes."
          : "Choisissez une dimension de la liste."
        : null,
  };
  return guard(request, async () => {
    const filters = parseProjectFilters(params);
    const [continents, rows, totals, choices, cross] = await Promise.all([
      continentFigures(services),
      cachedStatistics(services, group, filters),
      cachedStatisticsTotals(services, filters),
      filterChoices(services),
      crossBy ? cachedCrossTab(services, group, crossBy, filters) : null,
    ]);
    const body = {
      group,
      crossBy,
      errors,
      params: [...params].filter(([, value]) => value.trim() !== ""),
      filterQuery: filtersToParams(filters).toString(),
      continents,
      rows,
      total: totals.projects,
      partnershipTotal: totals.partnerships,
      choices,
      cross: cross && {
        ...cross,
        rows: cross.rows.slice(0, CROSS_ROWS),
        columns: cross.columns.slice(0, CROSS_COLUMNS),
        allRows: cross.rows.length,
        allColumns: cross.columns.length,
      },
    };
    return data(body, { status: errors.groupBy || errors.crossBy ? 400 : 200 });
  });
}

export default function StatisticsPage() {
  const {
    group,
    crossBy,
    errors,
    params,
    filterQuery,
    continents,
    rows,
    total,
    partnershipTotal,
    choices,
    cross,
  } = useLoaderData<typeof loader>();
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
      <FilterPanel open={false}>
        <ProjectFilterForm
          action="/atlas/statistiques"
          params={params.filter(([name]) => name !== "crossBy" || crossBy !== null)}
          choices={choices}
        />
      </FilterPanel>
      <p>
        {`${sentenceCase(countOf(total, "projet", "projets", "m"))} et ${countOf(partnershipTotal, "partenariat", "partenariats", "m")} ${filterQuery ? "pour la recherche" : "dans l'Atlas"}. `}
        <a href={`/atlas/projets?${filterQuery}`}>Voir ces projets</a>
      </p>
      <DimensionsForm group={group} crossBy={crossBy} errors={errors} filterQuery={filterQuery} />
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
              <th scope="col">Part des projets</th>
              <th scope="col">Part des partenariats</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {statColumns.map(([name]) => (
                  <td key={name}>{formatCount(row[name])}</td>
                ))}
                <td>{formatShare(row.projects, total)}</td>
                <td>{formatShare(row.partnerships, partnershipTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fr-text--sm">
        <a href={download}>Télécharger ce tableau (CSV)</a>
        {" · "}
        Un partenariat compte l'année de sa signature, un projet l'année de son démarrage. Un projet
        de plusieurs pays, thématiques ou collectivités compte sous chacun : les parts ne
        s'additionnent pas.
      </p>
      {cross && crossBy ? (
        <CrossSection
          group={group}
          crossBy={crossBy}
          filterQuery={filterQuery}
          cross={cross}
          total={total}
        />
      ) : null}
    </>
  );
}

type CrossData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["cross"]>;

/** The dimensions one may group or cross by, as a select's options. */
const StatGroupOptions = () =>
  statGroups.map((value) => (
    <option key={value} value={value}>
      {statGroupLabels[value]}
    </option>
  ));

/**
 * One form for the table's dimensions: the grouping of the lines and, if wanted, a second
 * dimension crossed with it; the search filters travel with it.
 */
function DimensionsForm(props: {
  group: StatGroup;
  crossBy: StatGroup | null;
  errors: { groupBy: string | null; crossBy: string | null };
  filterQuery: string;
}) {
  return (
    <form method="get" aria-label="Choisir les dimensions" className="fr-mb-4w">
      {[...new URLSearchParams(props.filterQuery)].map(([name, value]) => (
        <input key={`${name}-${value}`} type="hidden" name={name} value={value} />
      ))}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Regrouper par"
            state={props.errors.groupBy ? "error" : "default"}
            stateRelatedMessage={props.errors.groupBy ?? undefined}
            nativeSelectProps={{ id: "champ-groupBy", name: "groupBy", defaultValue: props.group }}
          >
            <StatGroupOptions />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Croiser avec (facultatif)"
            hint="Un tableau croisé des deux dimensions s'affiche sous le premier tableau."
            state={props.errors.crossBy ? "error" : "default"}
            stateRelatedMessage={props.errors.crossBy ?? undefined}
            nativeSelectProps={{
              id: "champ-crossBy",
              name: "crossBy",
              defaultValue: props.crossBy ?? "",
            }}
          >
            <option value="">Aucune seconde dimension</option>
            <StatGroupOptions />
          </Select>
        </div>
      </div>
      <Button type="submit" priority="secondary">
        Afficher
      </Button>
    </form>
  );
}

/** Two dimensions crossed: projects having both values, and their share of the line. */
function CrossSection(props: {
  group: StatGroup;
  crossBy: StatGroup;
  filterQuery: string;
  cross: CrossData;
  total: number;
}) {
  const { group, crossBy, cross } = props;
  const crossDownload = `/api/v1/stats?${new URLSearchParams([
    ["groupBy", group],
    ["crossBy", crossBy],
    ["format", "csv"],
    ...new URLSearchParams(props.filterQuery),
  ])}`;
  const searchFor = (rowKey: string, columnKey: string) =>
    `/atlas/projets?${new URLSearchParams([
      ...new URLSearchParams(props.filterQuery),
      ...searchFilter(group, rowKey),
      ...searchFilter(crossBy, columnKey),
    ])}`;
  return (
    <section aria-labelledby="croisement">
      <h2 id="croisement" className="fr-mt-6w">
        {`Par ${statGroupLabels[group].toLowerCase()} et par ${statGroupLabels[crossBy].toLowerCase()}`}
      </h2>

      <div className="fr-table fr-table--bordered atlas-cross">
        <table>
          <caption>
            {`Projets par ${statGroupLabels[group].toLowerCase()} et par ${statGroupLabels[crossBy].toLowerCase()} (part de la ligne)`}
          </caption>
          <thead>
            <tr>
              <th scope="col">{statGroupLabels[group]}</th>
              {cross.columns.map((column) => (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ))}
              <th scope="col">Ensemble</th>
            </tr>
          </thead>
          <tbody>
            {cross.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {cross.columns.map((column) => {
                  const count = cross.cells[`${row.key}|${column.key}`] ?? 0;
                  return (
                    <td key={column.key} data-cell={`${row.key}|${column.key}`}>
                      {count > 0 && group !== "year" && crossBy !== "year" ? (
                        <a href={searchFor(row.key, column.key)}>{formatCount(count)}</a>
                      ) : (
                        "0"
                      )}
                      <br />
                      <span className="fr-text--xs">{formatShare(count, row.projects)}</span>
                    </td>
                  );
                })}
                <td>
                  {formatCount(row.projects)}
                  <br />
                  <span className="fr-text--xs">{`${formatShare(row.projects, props.total)} du total`}</span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Ensemble des projets</th>
              {cross.columns.map((column) => (
                <td key={column.key}>
                  {formatCount(column.projects)}
                  <br />
                  <span className="fr-text--xs">{formatShare(column.projects, props.total)}</span>
                </td>
              ))}
              <td>{formatCount(props.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="fr-text--sm">
        <a href={crossDownload}>Télécharger le tableau croisé complet (CSV)</a>
        {` · Chaque case compte les projets qui ont les deux valeurs, et leur part parmi ceux de la ligne. ${
          cross.allRows > cross.rows.length || cross.allColumns > cross.columns.length
            ? `Sont montrées les ${cross.rows.length} lignes et ${cross.columns.length} colonnes les plus fournies (sur ${cross.allRows} et ${cross.allColumns}) : le fichier les donne toutes.`
            : ""
        }`}
      </p>
    </section>
  );
}

/**
 * The search filters matching a value of a dimension (a domain: its thématiques). Years are
 * not linked: the search's years are a project's period, the table's its first year.
 */
function searchFilter(group: StatGroup, key: string): [string, string][] {
  if (group === "domain")
    return (atlasDomains.find((domain) => domain.code === key)?.themes ?? []).map(([theme]) => [
      "theme",
      theme,
    ]);
  return [[group, key]];
}
