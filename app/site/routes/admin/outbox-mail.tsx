import { fr } from "@codegouvfr/react-dsfr";
import { useLoaderData } from "react-router";
import { outboxMail } from "../../../../src/modules/accounts/index";
import { NotFound } from "../../../../src/platform/errors";
import { appContext, requestContext } from "../../../context";
import { guard } from "../../../platform/http.server";
import { countOf } from "../../../platform/format";
import type { Route } from "./+types/outbox-mail";
import { outboxStatusLabels } from "./outbox";

export const meta = () => [{ title: "Courriel – Administration – Portail AECT" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, () => {
    if (!/^\d{1,9}$/.test(params.mailId)) throw new NotFound("Ce courriel n'existe pas.");
    return outboxMail(db, actor, Number(params.mailId));
  });
}

export default function OutboxMail() {
  const mail = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{mail.subject}</h1>
      <dl>
        <dt className={fr.cx("fr-text--bold")}>Destinataire</dt>
        <dd>{mail.recipient}</dd>
        <dt className={fr.cx("fr-text--bold")}>État</dt>
        <dd>
          {outboxStatusLabels[mail.status][0]} (
          {countOf(mail.attempts, "tentative", "tentatives", "f")})
          {mail.lastError ? ` — dernière erreur : ${mail.lastError}` : ""}
        </dd>
        <dt className={fr.cx("fr-text--bold")}>Modèle</dt>
        <dd>{mail.template}</dd>
      </dl>
      <h2>Texte du message</h2>
      <pre className={fr.cx("fr-p-2w")} style={{ whiteSpace: "pre-wrap" }}>
        {mail.bodyText}
      </pre>
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/admin/courriels">
          Retour à la liste des courriels
        </a>
      </p>
    </>
  );
}
