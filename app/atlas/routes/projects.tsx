import { useLoaderData } from "react-router";
import { parsePaging, publicProjectItems } from "../../../src/modules/atlas/index";
import { collectiviteNames } from "../../../src/modules/register/index";
import { Pager } from "../../platform/components/Pager";
import { ActiveFilters } from "../components/ActiveFilters";
import { ProjectFilterForm } from "../components/ProjectFilterForm";
import { FilterPanel } from "../../platform/components/FilterPanel";
import { ProjectList } from "../components/ProjectList";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { KeepInWorkspace } from "../components/KeepInWorkspace";
import { filterChoices, pageData, withProjectFilters } from "../page.server";
import { cachedProjectCounts, cachedProjectPage } from "../search.server";
import type { Route } from "./+types/projects";
import { countOf, sentenceCase } from "../../platform/format";

const PAGE_SIZE = 20;
/** Deep pages are slow to reach by offset and nobody reads them: refine the search instead. */
const MAX_PAGES = 500;
const BASE_PATH = "/atlas/projets";

export const meta = () => [
  { title: "Rechercher un projet – Atlas de la coopération décentralisée" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  const state = context.get(requestContext);
  const { actor } = state;
  // Only a signed-in person has a form here ("keep in Mon espace"): visitors need no token.
  const keep = actor.kind === "user" ? { csrfToken: state.csrfToken } : null;
  const choices = await filterChoices(services);
  const params = [...new URL(request.url).searchParams].filter(([, value]) => value.trim());
  const result = await withProjectFilters(request, async (filters, search) => {
    const paging = parsePaging(search, { defaultLimit: PAGE_SIZE, maxLimit: PAGE_SIZE });
    const page = Math.min(paging.page, MAX_PAGES);
    const [found, counts] = await Promise.all([
      cachedProjectPage(services, filters, {
        sort: paging.sort,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      cachedProjectCounts(services, filters),
    ]);
    const [items, names] = await Promise.all([
      publicProjectItems(services.db, found.items),
      collectiviteNames(services.db, filters.collectivite),
    ]);
    return {
      items,
      total: counts.total,
      facets: counts.facets,
      page,
      pageCount: Math.min(MAX_PAGES, Math.ceil(counts.total / PAGE_SIZE)),
      collectiviteNames: Object.fromEntries([...names].map(([id, name]) => [String(id), name])),
    };
  });
  return pageData({ choices, params, result, keep });
}

export default function ProjectSearch() {
  const { choices, params, result, keep } = useLoaderData<typeof loader>();
  const query = new URLSearchParams(params.filter(([name]) => name !== "page"));
  const exportQuery = new URLSearchParams(
    params.filter(([name]) => name !== "page" && name !== "sort"),
  );
  const exportHref = (format: string) =>
    `/api/v1/projects/export?${new URLSearchParams([["format", format], ...exportQuery])}`;
  return (
    <>
      <h1>Rechercher un projet de coopération décentralisée</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <FilterPanel open={!result.ok}>
            <ProjectFilterForm
              action={BASE_PATH}
              params={params}
              choices={choices}
              facets={result.ok ? result.facets : undefined}
              failure={result.ok ? undefined : result}
            />
          </FilterPanel>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          {result.ok ? (
            <>
              <h2 id="resultats" aria-live="polite">
                {sentenceCase(countOf(result.total, "projet trouvé", "projets trouvés", "m"))}
              </h2>
              <ActiveFilters
                basePath={BASE_PATH}
                params={params}
                choices={choices}
                collectiviteNames={result.collectiviteNames}
              />
              {result.total > 0 ? (
                <>
                  <p className="fr-text--sm">
                    {"Exporter ces résultats : "}
                    <a href={exportHref("csv")}>CSV</a>
                    {" · "}
                    <a href={exportHref("xlsx")}>Excel (XLSX)</a>
                    {" · "}
                    <a href={exportHref("geojson")}>GeoJSON</a>
                    {" · "}
                    <a href={exportHref("iati")}>IATI (XML)</a>
                    {" · "}
                    <a href={exportHref("pdf")}>Rapport PDF</a>
                  </p>
                  <p>
                    <a
                      className="fr-link fr-icon-map-pin-2-line fr-link--icon-left"
                      href={`/atlas/carte?${exportQuery}`}
                    >
                      Afficher ces résultats sur la carte
                    </a>
                  </p>
                  <ProjectList items={result.items} />
                  <Pager
                    page={result.page}
                    pageCount={result.pageCount}
                    basePath={BASE_PATH}
                    query={query}
                  />
                  {keep ? (
                    <KeepInWorkspace csrfToken={keep.csrfToken} query={exportQuery.toString()} />
                  ) : null}
                </>
              ) : (
                <p>
                  Aucun projet ne correspond à cette recherche. Retirez un filtre ou essayez
                  d'autres mots-clés.
                </p>
              )}
            </>
          ) : (
            <FormErrorSummary failure={result} />
          )}
        </div>
      </div>
    </>
  );
}
