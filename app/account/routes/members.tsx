import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { useActionData, useLoaderData } from "react-router";
import { inviteMember, organisationWithMembers } from "../../../src/modules/accounts/index";
import { can } from "../../../src/platform/policy";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary, TextField } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/members";
import { formatDate } from "../../platform/format";

export const meta = () => [{ title: "Membres de l'organisation – Portail AECT" }];

const organisationIdOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : -1);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  const organisationId = organisationIdOf(params.organisationId);
  return guard(request, async () => {
    const details = await organisationWithMembers(db, actor, organisationId);
    return {
      ...details,
      csrfToken,
      canInvite: can(actor, "organisation:invite", { organisationId }),
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = {
    ...(await readForm(request)),
    organisationId: String(organisationIdOf(params.organisationId)),
  };
  return runAction(values, async () => {
    const invitation = await inviteMember(db, actor, values, config.publicUrl);
    return { ok: true as const, email: invitation.email };
  });
}

export default function Members() {
  const { organisation, members, pending, canInvite, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>{`Membres – ${organisation.name}`}</h1>
      <div className="fr-table">
        <table>
          <caption>Membres de l'organisation ({members.length})</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Rôle</th>
              <th scope="col">Membre depuis le</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <td>{member.displayName}</td>
                <td>{member.email}</td>
                <td>{member.isAdmin ? "Administrateur ou administratrice" : "Membre"}</td>
                <td>{formatDate(member.since, "longDate")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pending.length > 0 ? (
        <>
          <h2>Invitations en attente</h2>
          <ul>
            {pending.map((invitation) => (
              <li key={invitation.email}>
                {invitation.email} — valable jusqu'au {formatDate(invitation.expiresAt, "longDate")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canInvite ? (
        <section className={fr.cx("fr-mt-6w")} aria-labelledby="inviter-titre">
          <h2 id="inviter-titre">Inviter une ou un collègue</h2>
          {result?.ok ? (
            <Alert
              className="fr-mb-3w"
              severity="success"
              title="Invitation envoyée"
              description={`Une invitation a été adressée à ${result.email}.`}
              role="status"
            />
          ) : null}
          <FormErrorSummary failure={failure} />
          <form method="post" noValidate>
            <CsrfField token={csrfToken} />
            <TextField
              name="email"
              label="Adresse électronique de la personne invitée"
              hint="Format attendu : nom@domaine.fr"
              type="email"
              autoComplete="off"
              required
              failure={failure}
            />
            <Checkbox
              options={[
                {
                  label: "Administrateur ou administratrice de l'organisation",
                  hintText: "Pourra à son tour inviter des collègues.",
                  nativeInputProps: {
                    name: "asAdmin",
                    defaultChecked: failure?.values.asAdmin === "on",
                  },
                },
              ]}
            />
            <Button type="submit">Envoyer l'invitation</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}
