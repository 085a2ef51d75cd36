import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useLoaderData } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { data as withStatus } from "react-router";
import {
  listOutbox,
  outboxFilterNames,
  parseOutboxFilters,
} from "../../../../src/modules/accounts/index";
import {
  DateField,
  FormErrorSummary,
  SelectField,
  TextField,
} from "../../../platform/components/FormFields";
import { readQuery } from "../../../platform/query-page.server";
import { Pager } from "../../../platform/components/Pager";
import { appContext, requestContext } from "../../../context";
import { guard } from "../../../platform/http.server";
import type { Route } from "./+types/outbox";
import { countOf, formatDate, sentenceCase } from "../../../platform/format";

export const meta = () => [{ title: "Courriels – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    const { query, failure } = readQuery(request, parseOutboxFilters, outboxFilterNames);
    const params = new URL(request.url).searchParams;
    return withStatus(
      {
        failure,
        // What the form shows: what was asked, even when refused.
        asked: Object.fromEntries(outboxFilterNames.map((name) => [name, params.get(name) ?? ""])),
        filtered: outboxFilterNames.some((name) => name !== "page" && params.get(name)),
        ...(await listOutbox(db, actor, query)),
      },
      { status: failure ? 400 : 200 },
    );
  });
}

export const outboxStatusLabels = {
  pending: ["En attente", "info"],
  sending: ["Envoi en cours", "new"],
  sent: ["Envoyé", "success"],
  failed: ["Échec", "error"],
  held: ["Retenu", "warning"],
} as const;

export default function Outbox() {
  const { rows, total, page, pageCount, templates, failure, asked, filtered } =
    useLoaderData<typeof loader>();
  return (
    <>
      <h1>Courriels envoyés par le portail</h1>
      <p>
        Tous les courriels que le portail écrit (invitations, liens de connexion, campagnes, accusés
        de réception, avis, Bourse-partenariats) sont d'abord inscrits dans cette file, puis envoyés
        par le serveur SMTP configuré. Sans serveur SMTP, ils restent « En attente » et peuvent être
        lus ici. Les liens secrets qu'ils contiennent n'y sont pas affichés.
      </p>
      <FormErrorSummary failure={failure} />
      <form method="get" aria-label="Rechercher dans les courriels" className="fr-mb-3w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <TextField
              name="q"
              label="Destinataire ou objet"
              type="search"
              failure={failure}
              defaultValue={asked.q}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="status"
              label="État"
              placeholder="Tous les états"
              options={Object.entries(outboxStatusLabels).map(([code, [label]]) => [code, label])}
              value={asked.status}
              failure={failure}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="template"
              label="Modèle"
              hint="Les modèles sont décrits dans la documentation des courriels."
              placeholder="Tous les modèles"
              options={templates.map((template) => [template, template])}
              value={asked.template}
              failure={failure}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <DateField
              name="from"
              label="Écrit à partir du"
              failure={failure}
              defaultValue={asked.from}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <DateField name="to" label="Écrit jusqu'au" failure={failure} defaultValue={asked.to} />
          </div>
        </div>
        <Button type="submit" priority="secondary">
          Rechercher
        </Button>{" "}
        {filtered ? <a href="/admin/courriels">Voir tous les courriels</a> : null}
      </form>
      <div className="fr-table">
        <table>
          <caption>
            {sentenceCase(
              filtered
                ? countOf(total, "courriel trouvé", "courriels trouvés", "m")
                : countOf(total, "courriel", "courriels", "m"),
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Destinataire</th>
              <th scope="col">Objet</th>
              <th scope="col">Modèle</th>
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
                  <td>{mail.template}</td>
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
      <Pager
        page={page}
        pageCount={pageCount}
        basePath="/admin/courriels"
        query={Object.fromEntries(
          Object.entries(asked).filter(([name, value]) => name !== "page" && value),
        )}
      />
    </>
  );
}
