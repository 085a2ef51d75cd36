import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useLoaderData, useSearchParams } from "react-router";
import { roleLabels } from "../../../src/platform/auth/actor";
import { Unauthenticated } from "../../../src/platform/errors";
import { authorize, can } from "../../../src/platform/policy";
import { atlasFichesOfOrganisations } from "../../../src/modules/atlas/index";
import { appContext, requestContext } from "../../context";
import { guard } from "../../platform/http.server";
import type { Route } from "./+types/account";

export const meta = () => [{ title: "Mon compte – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor } = context.get(requestContext);
  const { db } = context.get(appContext);
  return guard(request, async () => {
    authorize(actor, "account:read");
    // Only signed-in people hold "account:read"; this tells TypeScript so.
    if (actor.kind !== "user") throw new Unauthenticated();
    const fiches = await atlasFichesOfOrganisations(
      db,
      actor.memberships.map((membership) => membership.organisationId),
    );
    return {
      displayName: actor.displayName,
      email: actor.email,
      memberships: actor.memberships.map((membership) => ({
        organisationId: membership.organisationId,
        organisationName: membership.organisationName,
        role: roleLabels[membership.role],
        isAdmin: membership.isAdmin,
        canReadMembers: can(actor, "organisation:read-members", {
          organisationId: membership.organisationId,
        }),
        atlasFiche: fiches.get(membership.organisationId) ?? null,
      })),
    };
  });
}

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>Mon compte</h1>
      {params.get("bienvenue") ? (
        <Alert
          severity="success"
          title="Bienvenue sur le Portail AECT"
          description="Votre invitation a été acceptée."
          small
        />
      ) : null}
      <dl>
        <dt className={fr.cx("fr-text--bold")}>Nom</dt>
        <dd>{account.displayName}</dd>
        <dt className={fr.cx("fr-text--bold")}>Adresse électronique</dt>
        <dd>{account.email}</dd>
      </dl>
      <h2 className={fr.cx("fr-mt-4w")}>Mes organisations</h2>
      <div className="fr-table">
        <table>
          <caption>Organisations dont vous êtes membre</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Rôle</th>
              <th scope="col">Administration</th>
              <th scope="col">Membres</th>
            </tr>
          </thead>
          <tbody>
            {account.memberships.map((membership) => (
              <tr key={membership.organisationId}>
                <td>
                  {membership.atlasFiche ? (
                    <a href={membership.atlasFiche}>
                      {membership.organisationName}
                      <span className="fr-sr-only"> : fiche dans l'Atlas</span>
                    </a>
                  ) : (
                    membership.organisationName
                  )}
                  {membership.atlasFiche?.startsWith("/atlas/collectivites/") ? (
                    <>
                      {" – "}
                      <a
                        href={membership.atlasFiche.replace(
                          "/atlas/collectivites/",
                          "/apd/collectivites/",
                        )}
                      >
                        Déclarations APD
                      </a>
                    </>
                  ) : null}
                </td>
                <td>{membership.role}</td>
                <td>{membership.isAdmin ? "Administrateur ou administratrice" : "Membre"}</td>
                <td>
                  {membership.canReadMembers ? (
                    <a href={`/organisations/${membership.organisationId}/membres`}>
                      Voir les membres
                      <span className="fr-sr-only"> de {membership.organisationName}</span>
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
