import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { useActionData, useLoaderData } from "react-router";
import {
  inviteMember,
  organisationWithMembers,
  removeMember,
  setMemberRole,
} from "../../../src/modules/accounts/index";
import { can } from "../../../src/platform/policy";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary, TextField } from "../../platform/components/FormFields";
import { appContext, requestContext } from "../../context";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/members";
import { formatDate } from "../../platform/format";
import { ofName } from "../../platform/format";

export const meta = () => [{ title: "Membres de l'organisation – Portail AECT" }];

const organisationIdOf = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : -1);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  const organisationId = organisationIdOf(params.organisationId);
  const removing = new URL(request.url).searchParams.get("retirer");
  return guard(request, async () => {
    const details = await organisationWithMembers(db, actor, organisationId);
    const canManage = can(actor, "organisation:manage-members", { organisationId });
    return {
      ...details,
      csrfToken,
      canManage,
      // The removal asked from the list, to confirm before anything changes.
      removing: canManage
        ? (details.members.find((member) => String(member.userId) === removing) ?? null)
        : null,
    };
  });
}

const outcomes = {
  promote: "est désormais administrateur ou administratrice de l'organisation.",
  demote: "n'est plus administrateur ou administratrice ; elle reste membre.",
  remove: "ne fait plus partie de l'organisation ; ses sessions ont été fermées.",
} as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const organisationId = organisationIdOf(params.organisationId);
  const values: Record<string, string> = {
    ...(await readForm(request)),
    organisationId: String(organisationId),
  };
  return runAction(values, async () => {
    if (values.intent === "promote" || values.intent === "demote") {
      const member = await setMemberRole(
        db,
        actor,
        organisationId,
        values,
        values.intent === "promote",
      );
      return {
        ok: true as const,
        title: "Rôle changé",
        message: `${member.display_name} ${outcomes[values.intent]}`,
      };
    }
    if (values.intent === "remove") {
      const member = await removeMember(db, actor, organisationId, values);
      return {
        ok: true as const,
        title: "Membre retiré",
        message: `${member.display_name} ${outcomes.remove}`,
      };
    }
    const invitation = await inviteMember(db, actor, values, config.publicUrl);
    return {
      ok: true as const,
      title: "Invitation envoyée",
      message: `Une invitation a été adressée à ${invitation.email}.`,
    };
  });
}

/** One button that changes a member: its own small form. */
function MemberAction(props: {
  csrfToken: string;
  intent: "promote" | "demote" | "remove";
  userId: number;
  label: string;
  who: string;
}) {
  return (
    <form method="post" className="fr-mb-1w">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="userId" value={props.userId} />
      <Button
        type="submit"
        priority={props.intent === "remove" ? "primary" : "secondary"}
        size="small"
      >
        {props.label}
        <span className="fr-sr-only"> : {props.who}</span>
      </Button>
    </form>
  );
}

export default function Members() {
  const { organisation, members, pending, canManage, removing, csrfToken } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const administrators = members.filter((member) => member.isAdmin).length;
  return (
    <>
      <h1>{`Membres – ${organisation.name}`}</h1>
      {result?.ok ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          title={result.title}
          description={result.message}
          role="status"
        />
      ) : null}
      {failure && !failure.values.email ? <FormErrorSummary failure={failure} /> : null}
      {removing && !result?.ok ? (
        <section className="fr-callout fr-mb-4w" aria-labelledby="retrait-titre">
          <h2 id="retrait-titre" className="fr-callout__title">
            {`Retirer ${removing.displayName} de l'organisation ?`}
          </h2>
          <p className="fr-callout__text">
            Cette personne n'agira plus au nom {ofName(organisation.name)} ; ses sessions ouvertes
            seront fermées et elle en sera informée par courriel. Ce qu'elle a saisi reste
            enregistré.
          </p>
          <MemberAction
            csrfToken={csrfToken}
            intent="remove"
            userId={removing.userId}
            label="Confirmer le retrait"
            who={removing.displayName}
          />
          <a className="fr-link" href={`/organisations/${organisation.id}/membres`}>
            Annuler
          </a>
        </section>
      ) : null}
      <div className="fr-table">
        <table>
          <caption>Membres de l'organisation ({members.length})</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Fonction</th>
              <th scope="col">Adresse électronique</th>
              <th scope="col">Rôle</th>
              <th scope="col">Membre depuis le</th>
              {canManage ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <td>
                  {member.displayName}
                  {member.isActive ? null : " (compte fermé)"}
                </td>
                <td>{member.jobTitle || "—"}</td>
                <td>{member.email}</td>
                <td>{member.isAdmin ? "Administrateur ou administratrice" : "Membre"}</td>
                <td>{formatDate(member.since, "longDate")}</td>
                {canManage ? (
                  <td>
                    {member.isAdmin ? (
                      administrators > 1 ? (
                        <MemberAction
                          csrfToken={csrfToken}
                          intent="demote"
                          userId={member.userId}
                          label="Retirer le rôle d'administrateur"
                          who={member.displayName}
                        />
                      ) : (
                        <p className="fr-text--sm fr-mb-1w">Seul administrateur</p>
                      )
                    ) : (
                      <MemberAction
                        csrfToken={csrfToken}
                        intent="promote"
                        userId={member.userId}
                        label="Nommer administrateur"
                        who={member.displayName}
                      />
                    )}
                    <a
                      className="fr-link fr-text--sm"
                      href={`/organisations/${organisation.id}/membres?retirer=${member.userId}`}
                    >
                      Retirer de l'organisation
                      <span className="fr-sr-only"> : {member.displayName}</span>
                    </a>
                  </td>
                ) : null}
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
      {canManage ? (
        <section className={fr.cx("fr-mt-6w")} aria-labelledby="inviter-titre">
          <h2 id="inviter-titre">Inviter une ou un collègue</h2>
          {failure?.values.email !== undefined ? <FormErrorSummary failure={failure} /> : null}
          <form method="post" noValidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="intent" value="invite" />
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
                  hintText: "Pourra à son tour inviter des collègues et gérer les membres.",
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
