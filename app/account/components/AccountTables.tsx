import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CsrfField } from "../../platform/components/CsrfField";
import { TextField } from "../../platform/components/FormFields";
import { formatDate } from "../../platform/format";
import type { FormFailure } from "../../platform/http.server";
import { ofName } from "../../platform/format";

interface MembershipRow {
  organisationId: number;
  organisationName: string;
  role: string;
  isAdmin: boolean;
  canReadMembers: boolean;
  atlasFiche: string | null;
}

/** The organisations the person belongs to, with their fiche and members page. */
export function MembershipsTable(props: { memberships: MembershipRow[] }) {
  return (
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
          {props.memberships.map((membership) => (
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
                    <span className="fr-sr-only"> {ofName(membership.organisationName)}</span>
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface SessionRow {
  handle: string;
  device: string;
  createdAt: Date | string;
  lastSeenAt: Date | string;
  current: boolean;
}

/** The person's open sessions; any but the one in use can be ended. */
export function SessionsTable(props: { sessions: SessionRow[]; csrfToken: string }) {
  return (
    <div className="fr-table">
      <table>
        <caption>{`Sessions ouvertes (${props.sessions.length})`}</caption>
        <thead>
          <tr>
            <th scope="col">Navigateur</th>
            <th scope="col">Ouverte le</th>
            <th scope="col">Dernière activité</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((session) => (
            <tr key={session.handle}>
              <td>{session.device}</td>
              <td>{formatDate(session.createdAt, "dateTime")}</td>
              <td>{formatDate(session.lastSeenAt, "dateTime")}</td>
              <td>
                {session.current ? (
                  <span className={fr.cx("fr-text--bold")}>Cette session</span>
                ) : (
                  <form method="post">
                    <CsrfField token={props.csrfToken} />
                    <input type="hidden" name="intent" value="end-session" />
                    <input type="hidden" name="session" value={session.handle} />
                    <Button type="submit" priority="secondary" size="small">
                      Fermer
                      <span className="fr-sr-only">
                        {` la session ${session.device} ouverte le ${formatDate(session.createdAt, "dateTime")}`}
                      </span>
                    </Button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The password that proves it is the person, before a change that matters. */
export function CurrentPasswordField(props: { failure: FormFailure | undefined; form: string }) {
  return (
    <TextField
      id={`champ-${props.form}-currentPassword`}
      name="currentPassword"
      label="Mot de passe actuel"
      hint="Pour confirmer qu'il s'agit bien de vous."
      type="password"
      autoComplete="current-password"
      failure={props.failure}
    />
  );
}
