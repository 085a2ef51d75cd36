import { fr } from "@codegouvfr/react-dsfr";
import { useLoaderData } from "react-router";
import { can } from "../../../src/platform/policy";
import { collectiviteFiche } from "../../../src/modules/atlas/index";
import { AtlasBreadcrumb } from "../../components/atlas/AtlasBreadcrumb";
import { PartnershipTable } from "../../components/atlas/PartnershipTable";
import { appContext, requestContext } from "../../context";
import { formatCount } from "../../lib/format";
import { guard } from "../../lib/http.server";
import { idParam } from "../../lib/params.server";
import type { Route } from "./+types/collectivite";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `${data?.name ?? "Collectivité"} – Atlas de la coopération décentralisée` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    const { organisationId, ...fiche } = await collectiviteFiche(
      db,
      idParam(params.collectiviteId),
    );
    const own = { organisationId: organisationId ?? -1 };
    return {
      ...fiche,
      can: {
        edit: can(actor, "atlas:collectivite:edit", own),
        createProject: can(actor, "atlas:project:create", own),
      },
    };
  });
}

export default function CollectivitePage() {
  const fiche = useLoaderData<typeof loader>();
  return (
    <>
      <AtlasBreadcrumb current={fiche.name} />
      <h1>{fiche.name}</h1>
      <p className="fr-text--lead">
        {fiche.kindLabel}
        {fiche.departement && fiche.departementCode ? (
          <>
            {" · "}
            <a href={`/atlas/departements/${fiche.departementCode}`}>{fiche.departement}</a>
          </>
        ) : null}
        {fiche.region && fiche.regionCode ? (
          <>
            {" · "}
            <a href={`/atlas/regions/${fiche.regionCode}`}>{fiche.region}</a>
          </>
        ) : null}
      </p>
      {fiche.can.edit || fiche.can.createProject ? (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mb-3w">
          {fiche.can.edit ? (
            <li>
              <a className={fr.cx("fr-btn")} href={`/atlas/collectivites/${fiche.id}/modifier`}>
                Modifier le profil
              </a>
            </li>
          ) : null}
          {fiche.can.createProject ? (
            <li>
              <a
                className={fr.cx("fr-btn", "fr-btn--secondary")}
                href={`/atlas/collectivites/${fiche.id}/nouveau-projet`}
              >
                Ajouter un projet
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {fiche.presentation ? <p>{fiche.presentation}</p> : null}
      <ul className="fr-raw-list fr-mb-4w">
        {fiche.electedOfficialName ? (
          <li>
            {`Élu(e) en charge de l'action internationale : ${fiche.electedOfficialName}${fiche.electedOfficialTitle ? `, ${fiche.electedOfficialTitle}` : ""}`}
          </li>
        ) : null}
        <li>
          {fiche.hasInternationalService
            ? "Dispose d'un service des relations internationales"
            : "Pas de service dédié aux relations internationales"}
        </li>
        {fiche.website ? (
          <li>
            <a href={fiche.website} rel="noopener external">
              Site internet
            </a>
          </li>
        ) : null}
      </ul>
      <h2>Partenariats</h2>
      <PartnershipTable caption={`Partenariats de ${fiche.name}`} lines={fiche.partnerships} />
      <h2>Projets</h2>
      <p>
        {fiche.projects > 0 ? (
          <a href={`/atlas/projets?collectivite=${fiche.id}`}>
            {`Voir les ${formatCount(fiche.projects)} projets de ${fiche.name}`}
          </a>
        ) : (
          "Aucun projet n'est encore enregistré pour cette collectivité."
        )}
      </p>
    </>
  );
}
