import { useLoaderData } from "react-router";
import {
  type TerritoryLevel,
  atlasLabels,
  parseProjectFilters,
  territoryFiche,
  worldMap,
} from "../../../src/modules/atlas/index";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { KeyFigures } from "../components/KeyFigures";
import { ChoroplethFigure } from "../components/MapFigures";
import { appContext } from "../../context";
import { cachedProjectCounts } from "../search.server";
import { formatCount } from "../../platform/format";
import { guard } from "../../platform/http.server";
import type { Route } from "./+types/territory";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `La coopération décentralisée : ${data?.name ?? "territoire"} – Atlas` },
];

const filterName: Record<TerritoryLevel, string> = { region: "region", departement: "departement" };

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  const level: TerritoryLevel = new URL(request.url).pathname.startsWith("/atlas/regions/")
    ? "region"
    : "departement";
  return guard(request, async () => {
    const fiche = await territoryFiche(services.db, level, params.code ?? "");
    const [counts, labels] = await Promise.all([
      cachedProjectCounts(
        services,
        parseProjectFilters(new URLSearchParams({ [filterName[level]]: fiche.code })),
      ),
      atlasLabels(services.db),
    ]);
    const byCountry = (counts.facets.country ?? {}) as Record<string, number>;
    return { ...fiche, map: worldMap(byCountry, labels, { fitted: true }) };
  });
}

export default function TerritoryPage() {
  const fiche = useLoaderData<typeof loader>();
  const search = `/atlas/projets?${filterName[fiche.level]}=${fiche.code}`;
  const figures = [
    ["Collectivités engagées", fiche.figures.collectivites],
    ["Partenariats", fiche.figures.partnerships],
    ["Pays partenaires", fiche.figures.countries],
    ["Projets", fiche.figures.projects],
  ] as const;
  return (
    <>
      <AtlasBreadcrumb current={fiche.name} />
      <h1>{`La coopération décentralisée des collectivités ${fiche.ofName}`}</h1>
      <KeyFigures figures={figures} />
      <p>
        <a href={search}>{`Voir les projets des collectivités ${fiche.ofName}`}</a>
      </p>
      <ChoroplethFigure
        id="carte-pays"
        map={fiche.map}
        title={`Projets des collectivités ${fiche.ofName}, par pays partenaire`}
        unit={["projet", "projets", "m"]}
        areaHeader="Pays"
        linkFor={(code) => `${search}&country=${code}`}
      />
      <div className="fr-table">
        <table>
          <caption>{`Collectivités ${fiche.ofName} engagées à l'international`}</caption>
          <thead>
            <tr>
              <th scope="col">Collectivité</th>
              <th scope="col">Type</th>
              <th scope="col" className="fr-cell--right">
                Partenariats
              </th>
            </tr>
          </thead>
          <tbody>
            {fiche.collectivites.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`/atlas/collectivites/${c.id}`}>{c.name}</a>
                </td>
                <td>{c.kindLabel}</td>
                <td className="fr-cell--right">{formatCount(c.partnerships)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
