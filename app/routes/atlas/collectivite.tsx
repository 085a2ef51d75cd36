import { useLoaderData } from "react-router";
import { collectiviteFiche } from "../../../src/modules/atlas/index";
import { AtlasBreadcrumb } from "../../components/atlas/AtlasBreadcrumb";
import { PartnershipTable } from "../../components/atlas/PartnershipTable";
import { appContext } from "../../context";
import { formatCount } from "../../lib/format";
import { guard } from "../../lib/http.server";
import { idParam } from "../../lib/params.server";
import type { Route } from "./+types/collectivite";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `${data?.name ?? "Collectivité"} – Atlas de la coopération décentralisée` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  return guard(request, () => collectiviteFiche(db, idParam(params.collectiviteId)));
}

export default function CollectivitePage() {
  const fiche = useLoaderData<typeof loader>();
  return (
    <>
      <AtlasBreadcrumb current={fiche.name} />
      <h1>{fiche.name}</h1>
      <p className="fr-text--lead">
        {[fiche.kindLabel, fiche.departement, fiche.region].filter(Boolean).join(" · ")}
      </p>
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
