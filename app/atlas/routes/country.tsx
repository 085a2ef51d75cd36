import { useLoaderData } from "react-router";
import {
  atlasLabels,
  countryFiche,
  countryPointMap,
  franceMap,
  parseProjectFilters,
} from "../../../src/modules/atlas/index";
import { ChoroplethFigure, PointMapFigure } from "../components/MapFigures";
import { cachedProjectCounts } from "../search.server";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { KeyFigures } from "../components/KeyFigures";
import { appContext } from "../../context";
import { guard } from "../../platform/http.server";
import type { Route } from "./+types/country";

export const meta = ({ data }: Route.MetaArgs) => [
  {
    title: `La coopération décentralisée avec ${data?.withArticle ?? "ce pays"} – Atlas`,
  },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  const { db } = services;
  return guard(request, async () => {
    const fiche = await countryFiche(db, params.countryCode ?? "");
    const [points, counts, labels] = await Promise.all([
      countryPointMap(db, fiche.code),
      cachedProjectCounts(
        services,
        parseProjectFilters(new URLSearchParams({ country: fiche.code })),
      ),
      atlasLabels(db),
    ]);
    const byDepartement = (counts.facets.departement ?? {}) as Record<string, number>;
    return { ...fiche, points, france: franceMap("departement", byDepartement, labels) };
  });
}

export default function CountryPage() {
  const fiche = useLoaderData<typeof loader>();
  const figures = [
    ["Collectivités françaises", fiche.figures.collectivites],
    ["Autorités locales partenaires", fiche.figures.authorities],
    ["Partenariats", fiche.figures.partnerships],
    ["Projets", fiche.figures.projects],
  ] as const;
  return (
    <>
      <AtlasBreadcrumb current={fiche.name} />
      <h1>{`La coopération décentralisée avec ${fiche.withArticle}`}</h1>
      <p className="fr-text--lead">{fiche.continent}</p>
      <KeyFigures figures={figures} />
      <p>
        <a href={`/atlas/projets?country=${fiche.code}`}>{`Voir les projets ${fiche.inCountry}`}</a>
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          {fiche.points ? (
            <PointMapFigure
              id="carte-partenaires"
              map={fiche.points}
              title={`Autorités locales partenaires ${fiche.inCountry}`}
              tableNote="Leur liste figure dans le tableau « Autorités locales partenaires »."
            />
          ) : null}
        </div>
        <div className="fr-col-12 fr-col-lg-6">
          <ChoroplethFigure
            id="carte-france"
            map={fiche.france}
            title={`Projets avec ce pays, par département des collectivités françaises`}
            unit={["projet", "projets", "m"]}
            areaHeader="Département"
            linkFor={(code) => `/atlas/projets?country=${fiche.code}&departement=${code}`}
          />
        </div>
      </div>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-table">
            <table>
              <caption>Collectivités françaises engagées</caption>
              <thead>
                <tr>
                  <th scope="col">Collectivité</th>
                  <th scope="col">Type</th>
                  <th scope="col">Partenariats</th>
                </tr>
              </thead>
              <tbody>
                {fiche.collectivites.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <a href={`/atlas/collectivites/${c.id}`}>{c.name}</a>
                    </td>
                    <td>{c.kindLabel}</td>
                    <td>{c.partnerships}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-table">
            <table>
              <caption>Autorités locales partenaires</caption>
              <thead>
                <tr>
                  <th scope="col">Autorité locale</th>
                  <th scope="col">Partenariats</th>
                </tr>
              </thead>
              <tbody>
                {fiche.authorities.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <a href={`/atlas/partenaires/${a.id}`} translate="no">
                        {a.name}
                      </a>
                    </td>
                    <td>{a.partnerships}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </>
  );
}
