import { useLoaderData } from "react-router";
import {
  atlasLabels,
  effectiveKeyword,
  franceMap,
  searchPointClusters,
  worldMap,
} from "../../../src/modules/atlas/index";
import { MAX_SEARCH_POINTS } from "../../../src/modules/atlas/codes";
import { collectiviteNames } from "../../../src/modules/register/index";
import { ActiveFilters } from "../components/ActiveFilters";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { ChoroplethFigure } from "../components/MapFigures";
import { ProjectFilterForm } from "../components/ProjectFilterForm";
import { FilterPanel } from "../../platform/components/FilterPanel";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { KeepInWorkspace } from "../components/KeepInWorkspace";
import { type FilterChoices, filterChoices, pageData, withProjectFilters } from "../page.server";
import { cachedProjectCounts } from "../search.server";
import { countOf, sentenceCase } from "../../platform/format";
import type { Route } from "./+types/map";

const BASE_PATH = "/atlas/carte";
const views = {
  monde: { label: "Monde, par pays", facet: "country", header: "Pays" },
  regions: { label: "France, par région", facet: "region", header: "Région" },
  departements: { label: "France, par département", facet: "departement", header: "Département" },
} as const;
type View = keyof typeof views;

/** The filters that choose where the map looks: the view is fitted to what they keep. */
const PLACE_FILTERS: Record<View, string[]> = {
  monde: ["continent", "country"],
  regions: ["region", "departement"],
  departements: ["region", "departement"],
};

/**
 * Where a click on an area leads: one level down (world → country, région → its
 * départements, département → alone), and from an area already alone on the map to its
 * fiche or its projects.
 */
function drillDown(view: View, params: [string, string][], code: string): string {
  const chosen = (name: string) => params.filter(([key]) => key === name).map(([, v]) => v);
  const others = params.filter(([name]) => name !== "vue" && !PLACE_FILTERS[view].includes(name));
  const map = (next: View, filter: string) =>
    `${BASE_PATH}?${new URLSearchParams([...others, ["vue", next], [filter, code]])}`;
  if (view === "monde")
    return chosen("country").join() === code ? `/atlas/pays/${code}` : map("monde", "country");
  if (view === "regions") return map("departements", "region");
  return chosen("departement").join() === code
    ? `/atlas/departements/${code}`
    : map("departements", "departement");
}

const FICHES = {
  country: "/atlas/pays",
  region: "/atlas/regions",
  departement: "/atlas/departements",
};

/** The fiche of the one place the map shows, if it shows one: country, région or département. */
function placeFiche(params: [string, string][], choices: FilterChoices) {
  const places = params.filter(([name]) => name in FICHES);
  if (places.length !== 1) return null;
  const [name, code] = places[0] as [keyof typeof FICHES, string];
  const label = choices[name].find(([value]) => value === code)?.[1];
  return label
    ? { href: `${FICHES[name]}/${code}`, label: label.replace(/^[\dAB]+ – /, "") }
    : null;
}

export const meta = () => [{ title: "Carte des projets – Atlas de la coopération décentralisée" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  const state = context.get(requestContext);
  const { actor } = state;
  // Only a signed-in person has a form here ("keep in Mon espace"): visitors need no token.
  const keep = actor.kind === "user" ? { csrfToken: state.csrfToken } : null;
  const choices = await filterChoices(services);
  const params = [...new URL(request.url).searchParams].filter(([, value]) => value.trim());
  const requested = new URL(request.url).searchParams.get("vue") ?? "monde";
  const view: View = requested in views ? (requested as View) : "monde";
  const result = await withProjectFilters(request, async (filters) => {
    const [counts, labels] = await Promise.all([
      cachedProjectCounts(services, filters),
      atlasLabels(services.db),
    ]);
    const facet = (counts.facets[views[view].facet] ?? {}) as Record<string, number>;
    const fitted = PLACE_FILTERS[view].some(
      (name) => (filters[name as "country"] ?? []).length > 0,
    );
    const map =
      view === "monde"
        ? worldMap(facet, labels, { fitted })
        : franceMap(view === "regions" ? "region" : "departement", facet, labels, { fitted });
    // Points only for a search small enough to be read as points.
    const clusters =
      view === "monde" && counts.total > 0 && counts.total <= MAX_SEARCH_POINTS
        ? await searchPointClusters(
            services.db,
            filters,
            await effectiveKeyword(services.db, filters),
            map.zoom,
          )
        : undefined;
    const names = await collectiviteNames(services.db, filters.collectivite);
    return {
      total: counts.total,
      map,
      clusters,
      collectiviteNames: Object.fromEntries([...names].map(([id, name]) => [String(id), name])),
    };
  });
  return pageData({ choices, params, view, result, keep });
}

export default function MapPage() {
  const { choices, params, view, result, keep } = useLoaderData<typeof loader>();
  const withView = (next: View) =>
    `${BASE_PATH}?${new URLSearchParams([...params.filter(([name]) => name !== "vue"), ["vue", next]])}`;
  const searchQuery = new URLSearchParams(params.filter(([name]) => name !== "vue"));
  const fiche = placeFiche(params, choices);
  const placeChosen = params.some(([name]) => PLACE_FILTERS[view].includes(name));
  const whole = `${BASE_PATH}?${new URLSearchParams([
    ...params.filter(([name]) => name !== "vue" && !PLACE_FILTERS[view].includes(name)),
    ["vue", view],
  ])}`;
  const continentLink = (continent: string) =>
    `${BASE_PATH}?${new URLSearchParams([
      ...params.filter(([name]) => name !== "vue" && !PLACE_FILTERS.monde.includes(name)),
      ["vue", "monde"],
      ["continent", continent],
    ])}`;
  return (
    <>
      <AtlasBreadcrumb current="Carte" segments={[{ label: "Projets", href: "/atlas/projets" }]} />
      <h1>Carte des projets de coopération décentralisée</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <FilterPanel open={!result.ok}>
            <ProjectFilterForm
              action={BASE_PATH}
              params={[...params.filter(([name]) => name !== "vue"), ["vue", view]]}
              choices={choices}
              failure={result.ok ? undefined : result}
            />
          </FilterPanel>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <nav aria-label="Vues de la carte">
            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
              {(Object.keys(views) as View[]).map((key) => (
                <li key={key}>
                  <a
                    className={`fr-btn ${key === view ? "" : "fr-btn--secondary"}`}
                    href={withView(key)}
                    aria-current={key === view ? "page" : undefined}
                  >
                    {views[key].label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {result.ok ? (
            <>
              <h2 aria-live="polite">
                {sentenceCase(countOf(result.total, "projet", "projets", "m"))}
              </h2>
              <ActiveFilters
                basePath={BASE_PATH}
                params={params.filter(([name]) => name !== "vue")}
                choices={choices}
                collectiviteNames={result.collectiviteNames}
              />
              <ul className="fr-links-group">
                <li>
                  <a className="fr-link" href={`/atlas/projets?${searchQuery}`}>
                    Voir ces projets en liste
                  </a>
                </li>
                {fiche ? (
                  <li>
                    <a className="fr-link" href={fiche.href}>
                      {`Fiche : ${fiche.label}`}
                    </a>
                  </li>
                ) : null}
                {placeChosen ? (
                  <li>
                    <a className="fr-link" href={whole}>
                      {view === "monde" ? "Revenir au monde entier" : "Revenir à toute la France"}
                    </a>
                  </li>
                ) : null}
              </ul>
              {view === "monde" ? (
                <nav aria-label="Continents">
                  <p className="fr-text--sm fr-mb-1w">Afficher un continent :</p>
                  <ul className="fr-tags-group">
                    {choices.continent.map(([code, name]) => (
                      <li key={code}>
                        <a className="fr-tag fr-tag--sm" href={continentLink(code)}>
                          {name}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              ) : null}
              <ChoroplethFigure
                id="carte"
                map={result.map}
                title={`Projets par ${views[view].header.toLowerCase()} – ${views[view].label}`}
                unit={["projet", "projets", "m"]}
                areaHeader={views[view].header}
                linkFor={(code) => drillDown(view, params, code)}
                clusters={result.clusters}
                note={
                  view === "monde" && !result.clusters && result.total > 0 ? (
                    <p className="fr-text--sm">{`Les lieux des projets sont affichés pour une recherche de ${MAX_SEARCH_POINTS.toLocaleString("fr-FR")} projets au plus : précisez la recherche pour les voir.`}</p>
                  ) : view !== "monde" ? (
                    <p className="fr-text--sm">
                      Projets comptés selon les collectivités françaises qui les portent ;
                      l'outre-mer est dessiné à gauche : Guadeloupe, Martinique, Guyane, La Réunion,
                      Mayotte.
                    </p>
                  ) : null
                }
              />
              {keep ? (
                <KeepInWorkspace
                  csrfToken={keep.csrfToken}
                  query={new URLSearchParams([...searchQuery, ["vue", view]]).toString()}
                />
              ) : null}
            </>
          ) : (
            <FormErrorSummary failure={result} />
          )}
        </div>
      </div>
    </>
  );
}
