import { fr } from "@codegouvfr/react-dsfr";
import { count, eq } from "drizzle-orm";
import { useLoaderData } from "react-router";
import { organisations, users } from "../../../../src/platform/auth/schema";
import { mailOutbox } from "../../../../src/platform/mail/schema";
import { authorize } from "../../../../src/platform/policy";
import { appContext, requestContext } from "../../../context";
import { guard } from "../../../platform/http.server";
import type { Route } from "./+types/index";

export const meta = () => [{ title: "Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, dbKind, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    authorize(actor, "admin:access");
    const [[userCount], [organisationCount], [pendingMails]] = await Promise.all([
      db.select({ value: count() }).from(users),
      db.select({ value: count() }).from(organisations),
      db.select({ value: count() }).from(mailOutbox).where(eq(mailOutbox.status, "pending")),
    ]);
    return {
      users: userCount.value,
      organisations: organisationCount.value,
      pendingMails: pendingMails.value,
      database: dbKind === "pglite" ? "PostgreSQL embarqué (PGlite)" : "Serveur PostgreSQL",
      smtp: config.smtpUrl
        ? "Serveur SMTP configuré"
        : "Aucun serveur SMTP : les courriels restent dans la file",
    };
  });
}

export default function AdminHome() {
  const figures = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration</h1>
      <ul>
        <li>{figures.users} utilisateurs</li>
        <li>{figures.organisations} organisations</li>
        <li>{figures.pendingMails} courriels en attente d'envoi</li>
        <li>Base de données : {figures.database}</li>
        <li>Messagerie : {figures.smtp}</li>
      </ul>
      <p className={fr.cx("fr-text--sm")}>
        Les sections du menu donnent le détail de chaque liste.
      </p>
    </>
  );
}
