import { Button } from "@codegouvfr/react-dsfr/Button";
import { data as withStatus, useLoaderData } from "react-router";
import {
  type TotalRow,
  declaredYears,
  departementsOfRegion,
  parseTotalsQuery,
} from "../../../src/modules/apd/index";
import { type TotalGroup, totalGroupLabels, totalGroups } from "../../../src/modules/apd/codes";
import {
  type AtlasLabels,
  atlasLabels,
  franceMap,
  worldMap,
} from "../../../src/modules/atlas/index";
import { drawnMap } from "../../atlas/map-drawing.server";
import { ChoroplethFigure } from "../../atlas/components/MapFigures";
import { FormErrorSummary, SelectField } from "../../platform/components/FormFields";
import { type AppServices, appContext } from "../../context";
import { cachedApdTotals } from "../statistics.server";
import { formatEuros, type Noun, ofName } from "../../platform/format";
import { guard } from "../../platform/http.server";
import { readQuery } from "../../platform/query-page.server";
import type { Route } from "./+types/statistics";

export const meta = () => [
  { title: "Aide publique au développement des collectivités – statistiques – Portail AECT" },
];

const thousands = (rows: { key: string; amountCents: number }[]) =>
  Object.fromEntries(rows.map((row) => [row.key, Math.round(row.amountCents / 100_000)]));

export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  return guard(request, async () => {
    const years = await declaredYears(services.db);
    const { query, failure } = readQuery(request, parseTotalsQuery, ["year", "groupBy"]);
    // A campaign still open gives figures that grow every day: the latest closed year is shown.
    const year = query.year ?? (years.find((y) => !y.open) ?? years[0])?.year ?? null;
    const openYears = new Set(years.filter((y) => y.open).map((y) => y.year));
    const [table, evolution, countries, continents, collectivites, regions, labels] =
      await Promise.all([
        cachedApdTotals(services, query.groupBy === "year" ? null : year, query.groupBy),
        cachedApdTotals(services, null, "year"),
        cachedApdTotals(services, year, "country"),
        cachedApdTotals(services, year, "continent"),
        // Only their number is shown: one row is enough to learn it.
        cachedApdTotals(services, year, "collectivite", { limit: 1 }),
        cachedApdTotals(services, year, "region"),
        atlasLabels(services.db),
      ]);
    // A click on a région shows its départements; a région that does not exist is said so.
    const regionCode = new URL(request.url).searchParams.get("region")?.trim() || null;
    if (regionCode !== null && !labels.region.has(regionCode))
      throw withStatus(
        `La région « ${regionCode.slice(0, 20)} » n'existe pas : choisissez-en une sur la carte.`,
        { status: 400 },
      );
    const region = regionCode
      ? {
          code: regionCode,
          name: labels.region.get(regionCode)!.replace(/^[\dAB]+ – /, ""),
          departements: await regionDepartements(services, year, regionCode),
        }
      : null;
    const africa = continents.rows.find((row) => row.key === "Afrique")?.amountCents ?? 0;
    return withStatus(
      {
        failure,
        years,
        year,
        yearIsOpen: year !== null && openYears.has(year),
        groupBy: query.groupBy,
        table,
        // The evolution compares closed years; an open campaign is shown apart, as provisional.
        evolution: evolution.rows.filter((row) => !openYears.has(Number(row.key))),
        current: evolution.rows.filter((row) => openYears.has(Number(row.key))),
        top: countries.rows.slice(0, 10),
        figures: {
          totalCents: countries.totalCents,
          countries: countries.rows.filter((row) => /^[A-Z]{2}$/.test(row.key)).length,
          collectivites: collectivites.groupCount,
          africaShare: countries.totalCents ? africa / countries.totalCents : 0,
        },
        region: region && { code: region.code, name: region.name },
        ...(await drawnMaps(services, year, countries.rows, regions.rows, labels, region)),
      },
      { status: failure ? 400 : 200 },
    );
  });
}

const UNIT: Noun = ["millier d'euros", "milliers d'euros", "m"];
const worldTitle = (year: number | null) =>
  `APD ${year} par pays bénéficiaire (en milliers d'euros)`;
const franceTitle = (year: number | null) =>
  `APD ${year} par région de la collectivité déclarante (en milliers d'euros)`;

/** The year's totals of the départements of one région. */
async function regionDepartements(services: AppServices, year: number | null, region: string) {
  const [all, codes] = await Promise.all([
    cachedApdTotals(services, year, "departement"),
    departementsOfRegion(services.db, region),
  ]);
  const inRegion = new Set(codes);
  return all.rows.filter((row) => inRegion.has(row.key));
}

/**
 * Where a click on the world map leads: the country's fiche in the Atlas; the lines for a
 * region of the world as a whole (aid not allocated to one country) lead nowhere.
 */
const countryLink = (code: string) => (/^[A-Z]{2}$/.test(code) ? `/atlas/pays/${code}` : undefined);

/** Where a click on the France map leads: a région to its départements, a département to its fiche. */
const franceLink = (year: number | null, region: string | null) => (code: string) =>
  region
    ? `/atlas/departements/${code}`
    : `/apd?${new URLSearchParams([...(year ? [["year", String(year)]] : []), ["region", code]])}#carte-france`;

const regionTitle = (year: number | null, name: string) =>
  `APD ${year} des collectivités ${ofName(name)}, par département (en milliers d'euros)`;

/** Both maps of a year (France by région, or one région by département), drawn once. */
async function drawnMaps(
  services: AppServices,
  year: number | null,
  countries: TotalRow[],
  regions: TotalRow[],
  labels: AtlasLabels,
  region: { code: string; name: string; departements: TotalRow[] } | null,
) {
  const [world, france] = await Promise.all([
    drawnMap(services, "apd", `world:${year}`, () => ({
      id: "carte-monde",
      map: worldMap(thousands(countries), labels),
      title: worldTitle(year),
      unit: UNIT,
      linkFor: countryLink,
    })),
    region
      ? drawnMap(services, "apd", `france:${year}:${region.code}`, () => ({
          id: "carte-france",
          map: franceMap("departement", thousands(region.departements), labels, { fitted: true }),
          title: regionTitle(year, region.name),
          unit: UNIT,
          linkFor: franceLink(year, region.code),
        }))
      : drawnMap(services, "apd", `france:${year}`, () => ({
          id: "carte-france",
          map: franceMap("region", thousands(regions), labels),
          title: franceTitle(year),
          unit: UNIT,
          linkFor: franceLink(year, null),
        })),
  ]);
  return { world, france };
}

export default function ApdStatisticsPage() {
  const data = useLoaderData<typeof loader>();
  const { figures, year } = data;
  const tableUrl = `/apd/statistiques.csv?groupBy=${data.groupBy}${data.groupBy === "year" || !year ? "" : `&year=${year}`}`;
  return (
    <>
      <h1>Aide publique au développement des collectivités territoriales</h1>
      <p>
        Chaque année, les collectivités déclarent l'aide publique au développement (APD) qu'elles
        ont engagée l'année précédente. Ces chiffres agrègent les déclarations transmises et
        acceptées ; ils alimentent la déclaration de la France au Comité d'aide au développement de
        l'OCDE. Les collectivités déclarent depuis leur <a href="/compte">espace « Mon compte »</a>.
      </p>
      <FormErrorSummary failure={data.failure} />
      <form method="get" className="fr-mb-4w">
        {data.region ? <input type="hidden" name="region" value={data.region.code} /> : null}
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="year"
              label="Année des dépenses"
              options={data.years.map((y) => [
                String(y.year),
                y.open ? `${y.year} (campagne en cours)` : String(y.year),
              ])}
              value={String(data.failure?.values.year ?? year ?? "")}
              placeholder="La dernière année close"
              failure={data.failure}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="groupBy"
              label="Répartition par"
              options={totalGroups.map((group) => [group, totalGroupLabels[group]])}
              value={String(data.failure?.values.groupBy ?? data.groupBy)}
              placeholder="Pays bénéficiaire"
              failure={data.failure}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Button type="submit">Afficher</Button>
          </div>
        </div>
      </form>

      <section aria-labelledby="chiffres-titre">
        <h2 id="chiffres-titre">
          {data.yearIsOpen ? `Chiffres clés ${year} (campagne en cours)` : `Chiffres clés ${year}`}
        </h2>
        {data.yearIsOpen ? (
          <p>
            La campagne de déclaration {year} est ouverte : ces chiffres sont provisoires et
            augmentent à mesure que les déclarations sont transmises et acceptées.
          </p>
        ) : null}
        <ul className="fr-grid-row fr-grid-row--gutters apd-figures">
          <li className="fr-col-12 fr-col-md-3">
            <strong>{formatEuros(figures.totalCents)}</strong> d'aide déclarée
          </li>
          <li className="fr-col-12 fr-col-md-3">
            <strong>{figures.countries}</strong> pays bénéficiaires
          </li>
          <li className="fr-col-12 fr-col-md-3">
            <strong>{figures.collectivites}</strong> collectivités déclarantes
          </li>
          <li className="fr-col-12 fr-col-md-3">
            <strong>{Math.round(figures.africaShare * 100)} %</strong> vers l'Afrique
          </li>
        </ul>
      </section>

      <TotalsTable
        id="repartition"
        title={`APD ${data.groupBy === "year" ? "par année" : `${year} par ${totalGroupLabels[data.groupBy as TotalGroup].toLowerCase()}`}`}
        header={totalGroupLabels[data.groupBy as TotalGroup]}
        rows={data.table.rows}
        // Adding up years means nothing: a total only for the parts of one year.
        totalCents={data.groupBy === "year" ? undefined : data.table.totalCents}
        download={tableUrl}
      />
      <TotalsTable
        id="evolution"
        title="Évolution de l'APD déclarée par année (campagnes closes)"
        header="Année"
        rows={data.evolution}
      />
      {data.current.map((row) => (
        <p key={row.key}>
          {`Campagne ${row.key} en cours : ${formatEuros(row.amountCents)} déclarés à ce jour (chiffre provisoire).`}
        </p>
      ))}
      <TotalsTable
        id="principaux-pays"
        title={`Principaux pays bénéficiaires en ${year}`}
        header="Pays"
        rows={data.top}
        ranked
      />
      <ChoroplethFigure
        id="carte-monde"
        map={data.world}
        title={worldTitle(year)}
        unit={UNIT}
        areaHeader="Pays"
        linkFor={countryLink}
      />
      <ChoroplethFigure
        id="carte-france"
        map={data.france}
        title={data.region ? regionTitle(year, data.region.name) : franceTitle(year)}
        unit={UNIT}
        areaHeader={data.region ? "Département" : "Région"}
        linkFor={franceLink(year, data.region?.code ?? null)}
        note={
          data.region ? (
            <a href={`/apd${year ? `?year=${year}` : ""}#carte-france`}>
              Revenir à toute la France
            </a>
          ) : undefined
        }
      />
    </>
  );
}

function TotalsTable(props: {
  id: string;
  title: string;
  header: string;
  rows: { key: string; label: string; amountCents: number }[];
  totalCents?: number;
  download?: string;
  ranked?: boolean;
}) {
  return (
    <section aria-labelledby={`${props.id}-titre`} className="fr-mt-4w">
      <h2 id={`${props.id}-titre`}>{props.title}</h2>
      {props.download ? (
        <p>
          <a href={props.download} download>
            Télécharger ce tableau (CSV)
          </a>
        </p>
      ) : null}
      <div className="fr-table fr-table--no-caption">
        <table>
          <caption>{props.title}</caption>
          <thead>
            <tr>
              {props.ranked ? <th scope="col">Rang</th> : null}
              <th scope="col">{props.header}</th>
              <th scope="col" className="fr-cell--right">
                Montant
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, i) => (
              <tr key={row.key}>
                {props.ranked ? <td>{i + 1}</td> : null}
                <th scope="row">{row.label}</th>
                <td className="fr-cell--right">{formatEuros(row.amountCents)}</td>
              </tr>
            ))}
          </tbody>
          {props.totalCents !== undefined ? (
            <tfoot>
              <tr>
                {props.ranked ? <td /> : null}
                <th scope="row">Total</th>
                <td className="fr-cell--right">{formatEuros(props.totalCents)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}
