import { Button } from "@codegouvfr/react-dsfr/Button";
import { useLoaderData, useRouteLoaderData } from "react-router";
import { atlasLabels, worldClusters, worldMap } from "../../../src/modules/atlas/index";
import { foreignAuthorityKindLabels } from "../../../src/modules/register/codes";
import {
  bourseStats,
  parsePublicRequestFilters,
  publicRequests,
  publicRequestPlaces,
  publicRequestsByCountry,
  publishedOffers,
  themeLabels,
} from "../../../src/modules/bourse/index";
import { requestLanguageInSentence, requestStatusLabels } from "../../../src/modules/bourse/codes";
import { Pager } from "../../platform/components/Pager";
import { BourseCard } from "../components/BourseCard";
import { FilterPanel } from "../../platform/components/FilterPanel";
import { ChoroplethFigure } from "../../atlas/components/MapFigures";
import { KeyFigures } from "../../atlas/components/KeyFigures";
import {
  DateField,
  FormErrorSummary,
  SelectField,
  TextField,
} from "../../platform/components/FormFields";
import { appContext } from "../../context";
import { drawnMap } from "../../atlas/map-drawing.server";
import type { RootData } from "../../root";
import { countOf, formatDate, type Noun, sentenceCase } from "../../platform/format";
import { pageData, withQuery } from "../../platform/query-page.server";
import type { Route } from "./+types/list";
import { frenchCompare } from "../../../src/platform/french/collation";

export const meta = () => [
  {
    title:
      "Bourse-partenariats : demandes de partenariat des collectivités étrangères – Portail AECT",
  },
];

const FILTERS = [
  "q",
  "country",
  "continent",
  "theme",
  "authorityKind",
  "status",
  "from",
  "to",
  "page",
];

const MAP_ID = "carte-bourse";
const MAP_TITLE = "Demandes publiées par pays";
const MAP_UNIT: Noun = ["demande", "demandes", "f"];

/** A country of the map (drawing or table): the requests concerning it. */
const countryLink = (code: string) => `/bourse?${new URLSearchParams({ country: code })}`;

export async function loader({ request, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  const { db } = services;
  const [labels, stats, offers] = await Promise.all([
    atlasLabels(db),
    bourseStats(db),
    publishedOffers(db),
  ]);
  const result = await withQuery(request, parsePublicRequestFilters, FILTERS, async (filters) => {
    const { page: _page, ...mapFilters } = filters;
    const [page, map] = await Promise.all([
      publicRequests(db, filters),
      // Drawn once per Bourse data version and set of filters, whatever the page.
      drawnMap(services, "bourse", `requests:${JSON.stringify(mapFilters)}`, async () => {
        const [byCountry, places] = await Promise.all([
          publicRequestsByCountry(db, filters),
          publicRequestPlaces(db, filters),
        ]);
        // A map filtered by place shows that place, its requests parted by city.
        const map = worldMap(
          Object.fromEntries(byCountry.map((row) => [row.code, row.requests])),
          labels,
          { fitted: Boolean(filters.country || filters.continent) },
        );
        return {
          id: MAP_ID,
          map,
          title: MAP_TITLE,
          unit: MAP_UNIT,
          linkFor: countryLink,
          clusters: worldClusters(places, map.zoom),
          pointUnit: MAP_UNIT,
        };
      }),
    ]);
    return { ...page, map };
  });
  const params = [...new URL(request.url).searchParams].filter(
    ([name, value]) => FILTERS.includes(name) && value.trim() !== "",
  );
  const choices = {
    countries: [...labels.country.entries()].sort((a, b) => frenchCompare(a[1], b[1])),
    continents: [...labels.continent.entries()],
    themes: [...themeLabels.entries()],
  };
  return pageData({ stats, result, params, choices, offers });
}

export default function BoursePage() {
  const { stats, result, params, choices, offers } = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<RootData>("root");
  const themeName = new Map(choices.themes);
  const failure = result.ok ? undefined : result;
  const value = (name: string) => params.find(([key]) => key === name)?.[1] ?? "";
  const query = new URLSearchParams(params.filter(([name]) => name !== "page"));
  return (
    <>
      <h1>Bourse-partenariats</h1>
      <p>
        Des collectivités étrangères cherchent une collectivité française pour un projet précis de
        développement local. Chaque demande est examinée par l'ambassade de France du pays et par la
        DAECT avant d'être publiée ici pour douze mois. Une collectivité française intéressée se
        signale depuis la demande : les deux parties reçoivent alors leurs coordonnées.
      </p>
      <p>
        <a
          className="fr-link fr-icon-arrow-right-line fr-link--icon-right"
          href="/bourse/demandes/nouvelle"
        >
          Déposer une demande de partenariat (collectivités étrangères)
        </a>
      </p>
      <p>
        <a className="fr-link" href="/bourse/suivi">
          Demande déposée sans compte : recevoir un nouveau lien de suivi
        </a>
      </p>
      {root?.canOfferPartnership ? (
        <p>
          <a
            className="fr-link fr-icon-arrow-right-line fr-link--icon-right"
            href="/bourse/offres/nouvelle"
          >
            Proposer une offre de partenariat (collectivités françaises, connectées)
          </a>
        </p>
      ) : null}
      <KeyFigures
        figures={[
          ["demandes publiées", stats.requests],
          ["collectivités étrangères", stats.foreignAuthorities],
          ["pays", stats.countries],
        ]}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <FilterPanel open={failure !== undefined}>
            <form method="get" action="/bourse" aria-label="Filtrer les demandes">
              <FormErrorSummary failure={failure} />
              <TextField
                name="q"
                label="Mots-clés"
                hint="Par exemple : eau, Dakar, formation"
                failure={failure}
                defaultValue={value("q")}
              />
              <SelectField
                name="continent"
                label="Continent"
                options={choices.continents}
                value={failure?.values.continent ?? value("continent")}
                placeholder="Tous les continents"
                failure={failure}
              />
              <SelectField
                name="country"
                label="Pays"
                options={choices.countries}
                value={failure?.values.country ?? value("country")}
                placeholder="Tous les pays"
                failure={failure}
              />
              <SelectField
                name="theme"
                label="Thématique"
                options={choices.themes}
                value={failure?.values.theme ?? value("theme")}
                placeholder="Toutes les thématiques"
                failure={failure}
              />
              <SelectField
                name="authorityKind"
                label="Type d'autorité"
                options={Object.entries(foreignAuthorityKindLabels)}
                value={failure?.values.authorityKind ?? value("authorityKind")}
                placeholder="Tous les types"
                failure={failure}
              />
              <SelectField
                name="status"
                label="État"
                options={(["published", "in_contact", "matched"] as const).map((status) => [
                  status,
                  requestStatusLabels[status],
                ])}
                value={failure?.values.status ?? value("status")}
                placeholder="Tous"
                failure={failure}
              />
              <DateField
                name="from"
                label="Publiées depuis le"
                failure={failure}
                defaultValue={value("from")}
              />
              <DateField
                name="to"
                label="Publiées jusqu'au"
                failure={failure}
                defaultValue={value("to")}
              />
              <Button type="submit">Filtrer</Button>
            </form>
          </FilterPanel>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          {result.ok ? (
            <>
              <h2 id="resultats">
                {sentenceCase(countOf(result.total, "demande publiée", "demandes publiées", "f"))}
              </h2>
              <ChoroplethFigure
                id={MAP_ID}
                map={result.map}
                title={MAP_TITLE}
                unit={MAP_UNIT}
                areaHeader="Pays"
                linkFor={countryLink}
                pointUnit={MAP_UNIT}
              />
              <ul className="fr-raw-list">
                {result.rows.map((request) => (
                  <BourseCard
                    key={request.id}
                    href={`/bourse/demandes/${request.id}`}
                    title={request.title}
                    summary={request.summary}
                    written={
                      request.formLanguage !== "fr"
                        ? {
                            lang: request.formLanguage,
                            name: requestLanguageInSentence(request.formLanguage),
                          }
                        : undefined
                    }
                    start={`${request.authorityName} – ${request.city}, ${request.country}`}
                    end={`${request.themes.map((theme) => themeName.get(theme) ?? theme).join(", ")} · publiée le ${formatDate(request.publishedAt, "longDate")} · ${requestStatusLabels[request.status as "published"]}`}
                  />
                ))}
              </ul>
              <Pager
                page={result.page}
                pageCount={result.pageCount}
                basePath="/bourse"
                query={query}
              />
            </>
          ) : (
            <p>Corrigez les filtres signalés pour afficher les demandes.</p>
          )}
        </div>
      </div>
      <section aria-labelledby="offres" className="fr-mt-5w">
        <h2 id="offres">
          {`Offres des collectivités françaises (${countOf(offers.length, "diffusée", "diffusées", "f")})`}
        </h2>
        <p>
          Des collectivités françaises présentent ce qu'elles peuvent apporter. Chaque offre est
          diffusée par la DAECT après l'avis de la préfecture et des ambassades concernées.
        </p>
        <ul className="fr-raw-list">
          {offers.map((offer) => (
            <BourseCard
              key={offer.id}
              href={`/bourse/offres/${offer.id}`}
              title={offer.title}
              summary={offer.summary}
              start={`${offer.collectivite} – vers ${offer.countries.join(", ")}`}
              end={`${offer.themes.map((theme) => themeName.get(theme) ?? theme).join(", ")} · diffusée le ${formatDate(offer.published_at, "longDate")}`}
            />
          ))}
        </ul>
      </section>
    </>
  );
}
