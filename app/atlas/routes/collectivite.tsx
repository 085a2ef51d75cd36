import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData } from "react-router";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { can } from "../../../src/platform/policy";
import {
  atlasLabels,
  campaignStatusOf,
  collectiviteFiche,
  markVerified,
  parseProjectFilters,
  searchPointClusters,
  worldMap,
} from "../../../src/modules/atlas/index";
import { MAX_SEARCH_POINTS } from "../../../src/modules/atlas/codes";
import { ChoroplethFigure } from "../components/MapFigures";
import { cachedProjectCounts } from "../search.server";
import { AtlasBreadcrumb } from "../components/AtlasBreadcrumb";
import { PartnershipTable } from "../components/PartnershipTable";
import { type AppServices, appContext, requestContext } from "../../context";
import { countOf, formatCount, formatDate } from "../../platform/format";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/collectivite";
import { ofName } from "../../platform/format";

export const meta = ({ data }: Route.MetaArgs) => [
  { title: `${data?.name ?? "Collectivité"} – Atlas de la coopération décentralisée` },
];

/**
 * Where the collectivité's projects are: its partner countries, fitted, and the places;
 * drawn once per version of the Atlas, not at each visit of the fiche.
 */
const projectMap = (services: AppServices, collectiviteId: number) =>
  services.cache.at("atlas", `collectivite-map:${collectiviteId}`, () =>
    drawProjectMap(services, collectiviteId),
  );

async function drawProjectMap(services: AppServices, collectiviteId: number) {
  const filters = parseProjectFilters(
    new URLSearchParams({ collectivite: String(collectiviteId) }),
  );
  const [counts, labels] = await Promise.all([
    cachedProjectCounts(services, filters),
    atlasLabels(services.db),
  ]);
  const map = worldMap((counts.facets.country ?? {}) as Record<string, number>, labels, {
    fitted: true,
  });
  const clusters =
    counts.total > 0 && counts.total <= MAX_SEARCH_POINTS
      ? await searchPointClusters(services.db, filters, null, map.zoom)
      : undefined;
  return { map, clusters };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const services = context.get(appContext);
  const { db } = services;
  const state = context.get(requestContext);
  const { actor } = state;
  return guard(request, async () => {
    const { organisationId, ...fiche } = await collectiviteFiche(
      db,
      idParam(params.collectiviteId),
    );
    const own = { organisationId: organisationId ?? -1 };
    const canEdit = can(actor, "atlas:collectivite:edit", own);
    const added = Number(new URL(request.url).searchParams.get("partenariat"));
    const addedLine = fiche.partnerships.find((line) => line.id === added);
    return {
      ...fiche,
      projectMap: fiche.projects > 0 ? await projectMap(services, fiche.id) : null,
      added: addedLine
        ? `Partenariat enregistré : ${addedLine.kindLabel.toLowerCase()} avec ${addedLine.authorities
            .map((authority) => `${authority.name} (${authority.country})`)
            .join(", ")}. Il figure dans la liste des partenariats ci-dessous.`
        : null,
      can: { edit: canEdit, createProject: can(actor, "atlas:project:create", own) },
      // The open update campaign, for those who answer it for this collectivité.
      campaign: canEdit ? await campaignStatusOf(db, fiche.id) : null,
      // Only those who can edit get a form (the campaign answer).
      csrfToken: canEdit ? state.csrfToken : "",
    };
  });
}

/** "Nos données sont à jour": the collectivité's answer to the open update campaign. */
export async function action({ params, context }: Route.ActionArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return runAction({}, async () => {
    await markVerified(db, actor, idParam(params.collectiviteId));
    return { ok: true as const };
  });
}

function CampaignBox({
  campaign,
  csrfToken,
  failure,
}: {
  campaign: NonNullable<Awaited<ReturnType<typeof loader>>["campaign"]>;
  csrfToken: string;
  failure: Parameters<typeof FormErrorSummary>[0]["failure"];
}) {
  return (
    <section className="fr-callout fr-mb-4w" aria-labelledby="campagne-titre">
      <h2 id="campagne-titre" className="fr-callout__title">
        {`Campagne de mise à jour : ${campaign.title}`}
      </h2>
      {campaign.verifiedAt ? (
        <p className="fr-callout__text" role="status">
          {`Données confirmées à jour le ${formatDate(campaign.verifiedAt, "dateTime")} par ${campaign.verifiedByLabel}. Merci !`}
        </p>
      ) : (
        <>
          <p className="fr-callout__text">
            {`Vérifiez le profil, les partenariats et les projets ci-dessous, corrigez-les si besoin, puis confirmez avant le ${formatDate(campaign.closesOn, "longDate")}.`}
          </p>
          <FormErrorSummary failure={failure} />
          <form method="post">
            <CsrfField token={csrfToken} />
            <Button type="submit">Confirmer que nos données sont à jour</Button>
          </form>
        </>
      )}
    </section>
  );
}

export default function CollectivitePage() {
  const fiche = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AtlasBreadcrumb current={fiche.name} />
      <h1>{fiche.name}</h1>
      {fiche.added ? (
        <Alert className="fr-mb-3w" severity="success" small description={fiche.added} />
      ) : null}
      {result && !result.ok && !fiche.campaign ? (
        <Alert
          className="fr-mb-3w"
          severity="error"
          small
          description={Object.values(result.fieldErrors)[0] ?? result.message}
        />
      ) : null}
      {fiche.campaign ? (
        <CampaignBox
          campaign={fiche.campaign}
          csrfToken={fiche.csrfToken}
          failure={result && !result.ok ? result : undefined}
        />
      ) : null}
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
      <ul className="fr-raw-list fr-mb-3w">
        {fiche.code ? (
          <li>{`${fiche.kind === "epci" ? "SIREN" : "Code INSEE"} : ${fiche.code}`}</li>
        ) : null}
        {fiche.population ? (
          <li>{`Population : ${countOf(fiche.population, "habitant", "habitants", "m")}`}</li>
        ) : null}
      </ul>
      {fiche.can.edit || fiche.can.createProject ? (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mb-3w">
          {fiche.can.edit ? (
            <li>
              <a className={fr.cx("fr-btn")} href={`/atlas/collectivites/${fiche.id}/modifier`}>
                Modifier le profil
              </a>
            </li>
          ) : null}
          {fiche.can.edit ? (
            <li>
              <a
                className={fr.cx("fr-btn", "fr-btn--secondary")}
                href={`/atlas/collectivites/${fiche.id}/nouveau-partenariat`}
              >
                Ajouter un partenariat
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
      <h2 id="partenariats">Partenariats</h2>
      <PartnershipTable
        caption={`Partenariats ${ofName(fiche.name)}`}
        lines={fiche.partnerships}
        editable={fiche.can.edit}
      />
      <h2>Projets</h2>
      <p>
        {fiche.projects > 0 ? (
          <a href={`/atlas/projets?collectivite=${fiche.id}`}>
            {`Voir ${fiche.projects > 1 ? `les ${formatCount(fiche.projects)} projets` : "le projet"} ${ofName(fiche.name)}`}
          </a>
        ) : (
          "Aucun projet n'est encore enregistré pour cette collectivité."
        )}
      </p>
      {fiche.projectMap ? (
        <ChoroplethFigure
          id="carte-projets"
          map={fiche.projectMap.map}
          clusters={fiche.projectMap.clusters}
          title={`Projets ${ofName(fiche.name)}, par pays partenaire`}
          unit={["projet", "projets", "m"]}
          areaHeader="Pays"
          linkFor={(code) => `/atlas/projets?collectivite=${fiche.id}&country=${code}`}
        />
      ) : null}
    </>
  );
}
