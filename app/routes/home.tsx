import { fr } from "@codegouvfr/react-dsfr";
import { useLoaderData } from "react-router";
import { appContext } from "../context";
import { continentFigures, totalFigures } from "../lib/public-figures.server";
import type { Route } from "./+types/home";

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

const number = new Intl.NumberFormat("fr-FR");

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
        de l'aide publique au développement, bourse des partenariats, appels à projets et label
        d'expertise.
      </p>
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
      <ul className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-raw-list")}>
        {keyFigures.map(([value, label]) => (
          <li key={label} className={fr.cx("fr-col-12", "fr-col-md-4")}>
            <div className={fr.cx("fr-tile", "fr-tile--no-icon")}>
              <div className="fr-tile__body">
                <p className={fr.cx("fr-h3", "fr-mb-1v")}>{number.format(value)}</p>
                <p className={fr.cx("fr-mb-0")}>{label}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div className={fr.cx("fr-table", "fr-mt-6w")}>
        <table>
          <caption>Répartition par continent des partenaires étrangers</caption>
          <thead>
            <tr>
              <th scope="col">Continent</th>
              <th scope="col">Collectivités françaises</th>
              <th scope="col">Autorités partenaires</th>
              <th scope="col">Pays</th>
              <th scope="col">Projets</th>
            </tr>
          </thead>
          <tbody>
            {continents.map((row) => (
              <tr key={row.continent}>
                <th scope="row">
                  <a href={`/atlas/projets?continent=${encodeURIComponent(row.continent)}`}>
                    {row.continent}
                  </a>
                </th>
                <td>{number.format(row.collectivites)}</td>
                <td>{number.format(row.authorities)}</td>
                <td>{number.format(row.countries)}</td>
                <td>{number.format(row.projects)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={fr.cx("fr-text--sm")}>
        Une collectivité active sur plusieurs continents est comptée sur chacun d'eux.
      </p>
    </>
  );
}
