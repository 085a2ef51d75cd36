import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useLoaderData } from "react-router";
import { projectFiche, projectScope } from "../../../src/modules/atlas/index";
import { can } from "../../../src/platform/policy";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { appContext, requestContext } from "../../context";
import { formatDate, formatEuros } from "../../platform/format";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/project";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `${data?.title ?? "Projet"} – Atlas de la coopération décentralisée` },
];

/** What the signed-in actor may do on this project, to show only the buttons allowed. */
async function abilities(
  db: Parameters<typeof projectScope>[0],
  actor: Parameters<typeof can>[0],
  projectId: number,
) {
  if (actor.kind === "visitor") return { edit: false, remark: false, history: false };
  const scope = (await projectScope(db, projectId)) ?? {};
  return {
    edit: can(actor, "atlas:project:edit", scope),
    remark: can(actor, "atlas:project:remark", scope),
    history: can(actor, "atlas:project:history", scope),
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const saved = new URL(request.url).searchParams;
  return guard(request, async () => {
    const id = idParam(params.projectId);
    const [fiche, can] = await Promise.all([
      projectFiche(db, id, { withContacts: actor.kind === "user" }),
      abilities(db, actor, id),
    ]);
    return {
      ...fiche,
      can,
      notice: saved.has("version")
        ? `Modifications enregistrées : le projet est à sa version n° ${fiche.version}.`
        : saved.has("inchange")
          ? "Aucune modification : la fiche était déjà à jour."
          : saved.has("complement")
            ? "Votre complément a été publié sur la fiche."
            : null,
    };
  });
}

function Lines({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <section className="fr-mb-4w">
      <h2 className="fr-h4">{title}</h2>
      <ul>
        {text
          .split("\n")
          .filter((line) => line.trim())
          .map((line) => (
            <li key={line}>{line}</li>
          ))}
      </ul>
    </section>
  );
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
      {project.notice ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          description={project.notice}
          role="status"
        />
      ) : null}
      <p>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left"
          href={`/atlas/projets/${project.id}/pdf`}
          download
        >
          Télécharger la fiche en PDF
        </a>
      </p>
      {project.can.edit || project.can.remark || project.can.history ? (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mb-3w">
          {project.can.edit ? (
            <li>
              <a className={fr.cx("fr-btn")} href={`/atlas/projets/${project.id}/modifier`}>
                Modifier le projet
              </a>
            </li>
          ) : null}
          {project.can.remark ? (
            <li>
              <a
                className={fr.cx("fr-btn", "fr-btn--secondary")}
                href={`/atlas/projets/${project.id}/completer`}
              >
                Ajouter un complément
              </a>
            </li>
          ) : null}
          {project.can.history ? (
            <li>
              <a
                className={fr.cx("fr-btn", "fr-btn--tertiary")}
                href={`/atlas/projets/${project.id}/historique`}
              >
                Historique des modifications
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
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
                  {project.fundings.map((funding, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: funding lines have no id of their own
                    <tr key={i}>
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
          <Lines title="Partenaires en France" text={project.partnersInFrance} />
          <Lines title="Autres partenaires à l'étranger" text={project.partnersAbroad} />
          <Lines title="Contacts" text={project.contacts} />
          {project.remarks.length > 0 ? (
            <section className="fr-mb-4w" id="complements">
              <h2 className="fr-h4">Compléments des partenaires institutionnels</h2>
              {project.remarks.map((remark) => (
                <blockquote key={`${remark.createdAt}-${remark.organisation}`} className="fr-mb-2w">
                  <p>{remark.body}</p>
                  <footer>{`${remark.organisation}, le ${formatDate(remark.createdAt, "longDate")}`}</footer>
                </blockquote>
              ))}
            </section>
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
