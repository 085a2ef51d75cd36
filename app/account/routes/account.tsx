import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useActionData, useLoaderData, useSearchParams } from "react-router";
import {
  accountOf,
  changePassword,
  endOtherSessions,
  endSession,
  requestEmailChange,
  updateProfile,
} from "../../../src/modules/accounts/index";
import { roleLabels } from "../../../src/platform/auth/actor";
import { Invalid, Unauthenticated } from "../../../src/platform/errors";
import { authorize, can } from "../../../src/platform/policy";
import { atlasFichesOfOrganisations } from "../../../src/modules/atlas/index";
import { appContext, requestContext } from "../../context";
import { guard, runAction } from "../../platform/http.server";
import { readForm } from "../../platform/form.server";
import { CsrfField } from "../../platform/components/CsrfField";
import {
  FormErrorSummary,
  NewPasswordFields,
  TextField,
} from "../../platform/components/FormFields";
import { countOf, formatDate } from "../../platform/format";
import { FunctionFields } from "../components/FunctionFields";
import { CurrentPasswordField, MembershipsTable, SessionsTable } from "../components/AccountTables";
import type { Route } from "./+types/account";

export const meta = () => [{ title: "Mon compte – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, csrfToken, sessionToken } = context.get(requestContext);
  const { db, config } = context.get(appContext);
  return guard(request, async () => {
    authorize(actor, "account:read");
    // Only signed-in people hold "account:read"; this tells TypeScript so.
    if (actor.kind !== "user") throw new Unauthenticated();
    const fiches = await atlasFichesOfOrganisations(
      db,
      actor.memberships.map((membership) => membership.organisationId),
    );
    return {
      csrfToken,
      account: await accountOf(db, actor, sessionToken, config.sessionIdleMs),
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

const intents = ["profile", "password", "email", "end-session", "end-others"] as const;
type Intent = (typeof intents)[number];

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, clientAddress } = context.get(appContext);
  const { actor, sessionToken } = context.get(requestContext);
  const values = await readForm(request);
  const intent = intents.find((known) => known === values.intent);
  return runAction(values, async () => {
    authorize(actor, "account:read");
    switch (intent) {
      case "profile":
        await updateProfile(db, actor, values);
        return done(intent, "Votre nom et votre fonction ont été enregistrés.");
      case "password":
        await changePassword(db, actor, values, { clientAddress, sessionToken });
        return done(
          intent,
          "Votre mot de passe a été changé ; vos autres sessions ont été fermées.",
        );
      case "email": {
        const { newEmail } = await requestEmailChange(db, actor, values, {
          publicUrl: config.publicUrl,
          clientAddress,
        });
        return done(
          intent,
          `Un lien de confirmation a été envoyé à ${newEmail} : votre adresse changera quand vous l'aurez suivi.`,
        );
      }
      case "end-session":
        await endSession(db, actor, values.session);
        return done(intent, "La session a été fermée.");
      case "end-others": {
        const ended = await endOtherSessions(db, actor, sessionToken);
        return done(
          intent,
          ended === 0
            ? "Aucune autre session n'était ouverte."
            : `${countOf(ended, "autre session fermée", "autres sessions fermées", "f")}.`,
        );
      }
      default:
        throw new Invalid({ intent: "Cette action n'existe pas sur cette page." });
    }
  });
}

const done = (intent: Intent, message: string) => ({ ok: true as const, intent, message });

export default function Account() {
  const { account, memberships, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failure = result && !result.ok ? result : undefined;
  /** The form that was sent gets its errors and keeps what was typed; the others stay as stored. */
  const failureOf = (intent: Intent) => (failure?.values.intent === intent ? failure : undefined);
  const successOf = (intent: Intent) =>
    result?.ok && result.intent === intent ? (
      <Alert
        severity="success"
        small
        description={result.message}
        className="fr-mb-2w"
        role="status"
      />
    ) : null;
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
      {params.get("adresse") === "changee" ? (
        <Alert
          severity="success"
          small
          description="Votre nouvelle adresse électronique est confirmée : utilisez-la pour vous connecter."
        />
      ) : null}
      {failure && !intents.includes(failure.values.intent as Intent) ? (
        <FormErrorSummary failure={failure} />
      ) : null}

      <h2 className={fr.cx("fr-mt-4w")}>Mes organisations</h2>
      {memberships.length === 0 ? (
        <p>
          Vous n'êtes plus membre d'aucune organisation.{" "}
          <a href="/inscription">Demander un accès à une organisation</a>
        </p>
      ) : (
        <MembershipsTable memberships={memberships} />
      )}

      <section className={fr.cx("fr-mt-6w")} aria-labelledby="identite-titre">
        <h2 id="identite-titre">Mon nom et ma fonction</h2>
        {successOf("profile")}
        <FormErrorSummary failure={failureOf("profile")} />
        <form method="post" noValidate>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="intent" value="profile" />
          <TextField
            name="displayName"
            label="Prénom et nom"
            autoComplete="name"
            defaultValue={account.displayName}
            failure={failureOf("profile")}
          />
          <FunctionFields failure={failureOf("profile")} stored={account} />
          <Button type="submit">Enregistrer mon nom et ma fonction</Button>
        </form>
      </section>

      <section className={fr.cx("fr-mt-6w")} aria-labelledby="adresse-titre">
        <h2 id="adresse-titre">Mon adresse électronique</h2>
        <p>
          Adresse actuelle : <strong>{account.email}</strong>
        </p>
        {account.pendingEmail ? (
          <p>
            En attente de confirmation : {account.pendingEmail.newEmail} (lien valable jusqu'au{" "}
            {formatDate(account.pendingEmail.expiresAt, "dateTime")}).
          </p>
        ) : null}
        {successOf("email")}
        <FormErrorSummary
          failure={failureOf("email")}
          fieldIds={{ currentPassword: "champ-adresse-currentPassword" }}
        />
        <form method="post" noValidate>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="intent" value="email" />
          <TextField
            name="newEmail"
            label="Nouvelle adresse électronique"
            hint="Format attendu : nom@domaine.fr. Un lien de confirmation y sera envoyé."
            type="email"
            autoComplete="email"
            failure={failureOf("email")}
          />
          {account.hasPassword ? (
            <CurrentPasswordField form="adresse" failure={failureOf("email")} />
          ) : null}
          <Button type="submit">Changer d'adresse</Button>
        </form>
      </section>

      <section className={fr.cx("fr-mt-6w")} aria-labelledby="mot-de-passe-titre">
        <h2 id="mot-de-passe-titre">Mon mot de passe</h2>
        {successOf("password")}
        <FormErrorSummary
          failure={failureOf("password")}
          fieldIds={{ currentPassword: "champ-mot-de-passe-currentPassword" }}
        />
        <form method="post" noValidate>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="intent" value="password" />
          {account.hasPassword ? (
            <CurrentPasswordField form="mot-de-passe" failure={failureOf("password")} />
          ) : null}
          <NewPasswordFields failure={failureOf("password")} label="Nouveau mot de passe" />
          <Button type="submit">
            {account.hasPassword ? "Changer mon mot de passe" : "Choisir un mot de passe"}
          </Button>
        </form>
      </section>

      <section className={fr.cx("fr-mt-6w")} aria-labelledby="sessions-titre">
        <h2 id="sessions-titre">Mes sessions ouvertes</h2>
        {successOf("end-session")}
        {successOf("end-others")}
        <FormErrorSummary failure={failureOf("end-session")} />
        <SessionsTable sessions={account.sessions} csrfToken={csrfToken} />
        {account.sessions.length > 1 ? (
          <form method="post">
            <CsrfField token={csrfToken} />
            <input type="hidden" name="intent" value="end-others" />
            <Button type="submit" priority="secondary">
              Fermer toutes mes autres sessions
            </Button>
          </form>
        ) : null}
      </section>

      <section className={fr.cx("fr-mt-6w")} aria-labelledby="donnees-titre">
        <h2 id="donnees-titre">Mes données personnelles</h2>
        <p>
          Téléchargez tout ce que le portail conserve sur vous (compte, organisations, demandes
          d'accès, sessions, recherches enregistrées, extractions, intérêts exprimés dans la
          Bourse), au format JSON.
        </p>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a className="fr-btn fr-btn--secondary" href="/compte/donnees-personnelles" download>
              Télécharger mes données (JSON)
            </a>
          </li>
          <li>
            <a className="fr-btn fr-btn--tertiary" href="/compte/fermer">
              Fermer mon compte
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
