import { useLoaderData } from "react-router";
import { foreignAuthorityFiche } from "../../../src/modules/atlas/index";
import { AtlasBreadcrumb } from "../../components/atlas/AtlasBreadcrumb";
import { PartnershipTable } from "../../components/atlas/PartnershipTable";
import { appContext } from "../../context";
import { guard } from "../../lib/http.server";
import { idParam } from "../../lib/params.server";
import type { Route } from "./+types/foreign-authority";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `${data?.name ?? "Autorité locale"} – Atlas de la coopération décentralisée` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  return guard(request, () => foreignAuthorityFiche(db, idParam(params.authorityId)));
}

export default function ForeignAuthorityPage() {
  const fiche = useLoaderData<typeof loader>();
  return (
    <>
      <AtlasBreadcrumb
        current={fiche.name}
        segments={[{ label: fiche.country, href: `/atlas/pays/${fiche.countryCode}` }]}
      />
      <h1>{fiche.name}</h1>
      <p className="fr-text--lead">
        {[fiche.kindLabel, fiche.city, fiche.country].filter(Boolean).join(" · ")}
      </p>
      <h2>Partenariats avec des collectivités françaises</h2>
      <PartnershipTable caption={`Partenariats de ${fiche.name}`} lines={fiche.partnerships} />
      <p>
        <a href={`/atlas/pays/${fiche.countryCode}`}>
          {`La coopération décentralisée avec ce pays : ${fiche.country}`}
        </a>
      </p>
    </>
  );
}
