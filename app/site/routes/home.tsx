import { fr } from "@codegouvfr/react-dsfr";
import { useLoaderData } from "react-router";
import { appContext } from "../../context";
import { continentFigures, totalFigures } from "../../atlas/public-figures.server";
import type { Route } from "./+types/home";
import { ContinentTable } from "../../atlas/components/ContinentTable";
import { formatCount } from "../../platform/format";

export async function loader({ context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  const [totals, continents] = await Promise.all([
    totalFigures(services),
    continentFigures(services),
  ]);
  return { totals, continents };
}

export const meta = () => [
  { title: "Accueil – Portail de l'action extérieure des collectivités territoriales" },
];

/** Where each part of the portal starts. */
const SERVICES = [
  [
    "/atlas/projets",
    "Atlas de la coopération décentralisée",
    "Rechercher les projets et partenariats des collectivités, par pays, thématique ou territoire.",
  ],
  [
    "/atlas/carte",
    "Carte de l'Atlas",
    "Voir sur une carte où coopèrent les collectivités françaises.",
  ],
  [
    "/atlas/statistiques",
    "Statistiques de l'Atlas",
    "Répartitions des projets par pays, région, thématique ou type de collectivité.",
  ],
  [
    "/apd",
    "Aide publique au développement",
    "Les montants déclarés chaque année par les collectivités (e-APD) et leur déclaration.",
  ],
  [
    "/bourse",
    "Bourse-partenariats",
    "Les demandes des autorités locales étrangères et les offres des collectivités françaises.",
  ],
  [
    "/mon-espace",
    "Mon espace",
    "Vos tâches, déclarations, demandes, recherches enregistrées et extractions.",
  ],
] as const;

export default function Home() {
  const { totals, continents } = useLoaderData<typeof loader>();
  const keyFigures = [
    [totals.collectivites, "collectivités territoriales françaises engagées"],
    [totals.authorities, "autorités locales partenaires à l'étranger"],
    [totals.partnerships, "partenariats de coopération décentralisée"],
    [totals.countries, "pays partenaires"],
    [totals.projects, "projets recensés"],
  ] as const;
  return (
    <>
      <h1>L'action extérieure des collectivités territoriales</h1>
      <p className={fr.cx("fr-text--lead")}>
        Le Portail AECT réunit les outils de la Délégation pour l'action extérieure des
        collectivités territoriales (ministère de l'Europe et des Affaires étrangères) et de la
        Commission nationale de la coopération décentralisée : atlas des partenariats, déclaration
        de l'aide publique au développement et bourse des partenariats ; les appels à projets et le
        label d'expertise suivront.
      </p>
      <h2 className={fr.cx("fr-mt-4w")}>Les services du portail</h2>
      <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
        {SERVICES.map(([href, title, description]) => (
          <li key={href} className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <div className={fr.cx("fr-tile", "fr-enlarge-link", "fr-tile--no-icon")}>
              <div className="fr-tile__body">
                <div className="fr-tile__content">
                  <h3 className="fr-tile__title">
                    <a href={href}>{title}</a>
                  </h3>
                  <p className="fr-tile__desc">{description}</p>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <search className={fr.cx("fr-mt-4w")}>
        <form method="get" action="/atlas/projets">
          <div className={fr.cx("fr-search-bar", "fr-search-bar--lg")}>
            <label className={fr.cx("fr-label")} htmlFor="recherche-atlas">
              Rechercher un projet dans l'Atlas de la coopération décentralisée
            </label>
            <input
              className={fr.cx("fr-input")}
              id="recherche-atlas"
              name="q"
              type="search"
              placeholder="Eau potable, Sénégal, jumelage…"
            />
            <button className={fr.cx("fr-btn")} type="submit" title="Rechercher dans l'Atlas">
              Rechercher
            </button>
          </div>
        </form>
      </search>
      <h2 className={fr.cx("fr-mt-6w")}>La coopération décentralisée en chiffres</h2>
      <p>
        Chiffres de l'Atlas à ce jour. Chaque collectivité, autorité partenaire et pays est compté
        une fois, même s'il coopère sur plusieurs continents ; les partenariats comptent tous les
        états (actifs, en sommeil, terminés) et les projets tous ceux recensés.
      </p>
      <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
        {keyFigures.map(([value, label]) => (
          <li key={label} className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <div className={fr.cx("fr-tile", "fr-tile--no-icon")}>
              <div className="fr-tile__body">
                <p className={fr.cx("fr-h3", "fr-mb-1v")}>{formatCount(value)}</p>
                <p className={fr.cx("fr-mb-0")}>{label}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <ContinentTable
        className={fr.cx("fr-mt-6w")}
        caption="Répartition par continent des partenaires étrangers"
        rows={continents}
        linkToSearch
      />
      <p className={fr.cx("fr-text--sm")}>
        Une collectivité active sur plusieurs continents est comptée sur chacun d'eux.
      </p>
    </>
  );
}
