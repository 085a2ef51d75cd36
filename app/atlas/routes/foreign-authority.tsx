import { fr } from "@codegouvfr/react-dsfr";
import { useLoaderData } from "react-router";
import { can } from "../../../src/platform/policy";
import { foreignAuthorityFiche } from "../../../src/modules/atlas/index";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { PartnershipTable } from "../components/PartnershipTable";
import { appContext, requestContext } from "../../context";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/foreign-authority";
import { ofName } from "../../platform/format";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `${data?.name ?? "Autorité locale"} – Atlas de la coopération décentralisée` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    const { organisationId, ...fiche } = await foreignAuthorityFiche(
      db,
      idParam(params.authorityId),
    );
    return {
      ...fiche,
      canEdit: can(actor, "atlas:authority:edit", { organisationId: organisationId ?? -1 }),
    };
  });
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
      {fiche.canEdit ? (
        <p>
          <a
            className={fr.cx("fr-btn", "fr-btn--secondary")}
            href={`/atlas/partenaires/${fiche.id}/modifier`}
          >
            Modifier la fiche
          </a>
        </p>
      ) : null}
      <h2>Partenariats avec des collectivités françaises</h2>
      <PartnershipTable caption={`Partenariats ${ofName(fiche.name)}`} lines={fiche.partnerships} />
      <p>
        <a href={`/atlas/pays/${fiche.countryCode}`}>
          {`La coopération décentralisée avec ce pays : ${fiche.country}`}
        </a>
      </p>
    </>
  );
}
