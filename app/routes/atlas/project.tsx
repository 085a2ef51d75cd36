import { useLoaderData } from "react-router";
import { projectFiche } from "../../../src/modules/atlas/index";
import { AtlasBreadcrumb } from "../../components/atlas/AtlasBreadcrumb";
import { appContext } from "../../context";
import { formatDate, formatEuros } from "../../lib/format";
import { guard } from "../../lib/http.server";
import { idParam } from "../../lib/params.server";
import type { Route } from "./+types/project";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `${data?.title ?? "Projet"} – Atlas de la coopération décentralisée` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  return guard(request, () => projectFiche(db, idParam(params.projectId)));
}

function Paragraphs({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <section className="fr-mb-4w">
      <h2 className="fr-h4">{title}</h2>
      {text.split(/\n{2,}/).map((paragraph) => (
        <p key={paragraph.slice(0, 40)}>{paragraph}</p>
      ))}
    </section>
  );
}

export default function ProjectPage() {
  const project = useLoaderData<typeof loader>();
  const period = project.startYear
    ? `${project.startYear}${project.endYear && project.endYear !== project.startYear ? ` – ${project.endYear}` : ""}`
    : "Non renseignée";
  return (
    <>
      <AtlasBreadcrumb
        current={project.title}
        segments={[{ label: "Projets", href: "/atlas/projets" }]}
      />
      <ul className="fr-badges-group fr-mb-2w">
        <li>
          <p className="fr-badge">{project.status}</p>
        </li>
        <li>
          <p className="fr-badge fr-badge--blue-ecume">{project.domain}</p>
        </li>
      </ul>
      <h1>{project.title}</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <Paragraphs title="Objectifs" text={project.objectives} />
          <Paragraphs title="Description" text={project.description} />
          <Paragraphs title="Contexte" text={project.context} />
          <Paragraphs title="Historique" text={project.history} />
          <section className="fr-mb-4w">
            <h2 className="fr-h4">Partenariats</h2>
            {project.partnerships.length === 0 ? (
              <p>Ce projet n'est rattaché à aucun partenariat.</p>
            ) : (
              <ul>
                {project.partnerships.map((ship) => (
                  <li key={ship.id}>
                    {`${ship.kind}${ship.signedOn ? ` (signature : ${formatDate(ship.signedOn, "longDate")})` : ""} : `}
                    {ship.collectivites.map((c, i) => (
                      <span key={c.id}>
                        {i > 0 ? ", " : ""}
                        <a href={`/atlas/collectivites/${c.id}`}>{c.name}</a>
                      </span>
                    ))}
                    {" avec "}
                    {ship.authorities.map((a, i) => (
                      <span key={a.id}>
                        {i > 0 ? ", " : ""}
                        <a href={`/atlas/partenaires/${a.id}`}>{a.name}</a>
                        {` (${a.country})`}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {project.fundings.length > 0 ? (
            <div className="fr-table fr-mb-4w">
              <table>
                <caption>Budget et plan de financement</caption>
                <thead>
                  <tr>
                    <th scope="col">Source</th>
                    <th scope="col" className="fr-cell--right">
                      Montant
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {project.fundings.map((funding) => (
                    <tr key={funding.source}>
                      <td>{funding.source}</td>
                      <td className="fr-cell--right">{formatEuros(funding.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
                {project.totalBudgetCents !== null ? (
                  <tfoot>
                    <tr>
                      <th scope="row">Budget total</th>
                      <td className="fr-cell--right">{formatEuros(project.totalBudgetCents)}</td>
                    </tr>
                  </tfoot>
                ) : null}
              </table>
            </div>
          ) : null}
        </div>
        <aside className="fr-col-12 fr-col-md-4" aria-label="En bref">
          <dl className="fr-mb-4w">
            <dt className="fr-text--bold">Période</dt>
            <dd>{period}</dd>
            <dt className="fr-text--bold">Collectivités françaises</dt>
            <dd>
              <ul className="fr-raw-list">
                {project.collectivites.map((c) => (
                  <li key={c.id}>
                    <a href={`/atlas/collectivites/${c.id}`}>{c.name}</a>
                  </li>
                ))}
              </ul>
            </dd>
            <dt className="fr-text--bold">Pays</dt>
            <dd>
              <ul className="fr-raw-list">
                {project.countries.map((country) => (
                  <li key={country.code}>
                    <a href={`/atlas/pays/${country.code}`}>{country.name}</a>
                  </li>
                ))}
              </ul>
            </dd>
            <dt className="fr-text--bold">Thématiques</dt>
            <dd>{project.themes.map((theme) => theme.label).join(", ")}</dd>
            <dt className="fr-text--bold">Objectifs de développement durable</dt>
            <dd>{project.sdgs.map((sdg) => sdg.label).join(" ; ") || "Non renseignés"}</dd>
            {project.volunteers ? (
              <>
                <dt className="fr-text--bold">Volontaires engagés</dt>
                <dd>{project.volunteers}</dd>
              </>
            ) : null}
            <dt className="fr-text--bold">Dernière mise à jour</dt>
            <dd>{formatDate(project.updatedAt, "longDate")}</dd>
          </dl>
        </aside>
      </div>
    </>
  );
}
