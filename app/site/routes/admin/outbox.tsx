import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useLoaderData } from "react-router";
import { listOutbox } from "../../../../src/modules/accounts/index";
import { Pager, pageParam } from "../../../platform/components/Pager";
import { appContext, requestContext } from "../../../context";
import { guard } from "../../../platform/http.server";
import type { Route } from "./+types/outbox";
import { formatDate } from "../../../platform/format";

export const meta = () => [{ title: "Courriels – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const url = new URL(request.url);
  return guard(request, () => listOutbox(db, actor, { page: pageParam(url) }));
}

export const outboxStatusLabels = {
  pending: ["En attente", "info"],
  sending: ["Envoi en cours", "new"],
  sent: ["Envoyé", "success"],
  failed: ["Échec", "error"],
  held: ["Retenu", "warning"],
} as const;

export default function Outbox() {
  const { rows, total, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Courriels</h1>
      <p>
        Chaque courriel est d'abord inscrit dans cette file, puis envoyé par le serveur SMTP
        configuré. Sans serveur SMTP, les courriels restent ici « En attente » et peuvent être lus.
      </p>
      <div className="fr-table">
        <table>
          <caption>{total} courriels</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Destinataire</th>
              <th scope="col">Objet</th>
              <th scope="col">État</th>
              <th scope="col">Tentatives</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((mail) => {
              const [label, severity] = outboxStatusLabels[mail.status];
              return (
                <tr key={mail.id}>
                  <td>{formatDate(mail.createdAt, "dateTime")}</td>
                  <td>{mail.recipient}</td>
                  <td>
                    <a href={`/admin/courriels/${mail.id}`}>{mail.subject}</a>
                  </td>
                  <td>
                    <Badge severity={severity} small>
                      {label}
                    </Badge>
                  </td>
                  <td>{mail.attempts}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={page} pageCount={pageCount} basePath="/admin/courriels" />
    </>
  );
}
