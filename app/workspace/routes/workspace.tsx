import { TooManyRequests } from "../../../src/platform/errors";
import { EXPORT_BUSY_MESSAGE } from "../../../src/platform/http/export-slots";
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { KeepInWorkspace } from "../../atlas/components/KeepInWorkspace";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { redirect, useActionData, useLoaderData } from "react-router";
import {
  EXTRACTION_QUOTA,
  deleteExtraction,
  deleteSearch,
  keepExtraction,
  saveSearch,
  setSearchAlert,
  userOf,
  workspaceOf,
} from "../../../src/modules/workspace/index";
import {
  actorCollectivites,
  authoredRequests,
  requestsForCollectivite,
} from "../../../src/modules/bourse/index";
import { requestStatusLabels } from "../../../src/modules/bourse/codes";
import { membershipsHolding } from "../../../src/platform/policy";
import { Invalid } from "../../../src/platform/errors";
import { CsrfField } from "../../platform/components/CsrfField";
import { TaskInbox } from "../../platform/components/TaskInbox";
import { RequestSuggestions } from "../../bourse/components/Suggestions";
import { appContext, requestContext } from "../../context";
import { formatDate } from "../../platform/format";
import { readForm } from "../../platform/form.server";
import { guard, runAction } from "../../platform/http.server";
import { inboxFor } from "../../platform/tasks.server";
import type { Route } from "./+types/workspace";

export const meta = () => [{ title: "Mon espace – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  const notice = new URL(request.url).searchParams.get("fait");
  return guard(request, async () => ({
    ...(await workspaceOf(db, actor)),
    quota: EXTRACTION_QUOTA,
    tasks: await inboxFor(db, actor),
    filesRequests: membershipsHolding(actor, "bourse:request:author").length > 0,
    myRequests: await authoredRequests(db, actor),
    suggested: await Promise.all(
      (await actorCollectivites(db, actor)).map(async (collectivite) => ({
        collectivite: { id: collectivite.id, name: collectivite.name },
        suggestions: await requestsForCollectivite(db, collectivite.id, 5),
      })),
    ),
    csrfToken,
    notice,
  }));
}

const notices: Record<string, string> = {
  recherche: "La recherche est enregistrée dans votre espace.",
  extraction: "L'extraction est gardée dans votre espace.",
  supprime: "C'est supprimé.",
  alerte: "L'alerte est modifiée.",
};

const idOf = (value: string | undefined) => {
  if (!value || !/^\d{1,9}$/.test(value))
    throw new Invalid({ id: "L'élément choisi n'est pas valide." });
  return Number(value);
};

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, exportSlots, clientAddress } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const values = await readForm(request);
  return runAction(values, async () => {
    userOf(actor);
    switch (values.intent) {
      case "enregistrer-recherche":
        await saveSearch(db, actor, values);
        return redirect("/mon-espace?fait=recherche");
      case "garder-extraction": {
        // Producing the file is a heavy export: it takes one of the instance's export slots.
        const release = await exportSlots.acquire(clientAddress);
        if (!release)
          throw new TooManyRequests(EXPORT_BUSY_MESSAGE, { format: EXPORT_BUSY_MESSAGE });
        try {
          await keepExtraction(db, actor, values, { publicUrl: config.publicUrl, now: new Date() });
        } finally {
          release();
        }
        return redirect("/mon-espace?fait=extraction");
      }
      case "supprimer-recherche":
        await deleteSearch(db, actor, idOf(values.id));
        return redirect("/mon-espace?fait=supprime");
      case "alerte":
        await setSearchAlert(db, actor, idOf(values.id), values.alert === "on");
        return redirect("/mon-espace?fait=alerte");
      case "supprimer-extraction":
        await deleteExtraction(db, actor, idOf(values.id));
        return redirect("/mon-espace?fait=supprime");
      default:
        throw new Invalid({ intent: "Cette action n'existe pas." });
    }
  });
}

const size = (bytes: number) =>
  bytes === 0
    ? "0 ko"
    : bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024))} ko`
      : `${(bytes / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;

export default function WorkspacePage() {
  const {
    searches,
    extractions,
    quota,
    tasks,
    suggested,
    filesRequests,
    myRequests,
    csrfToken,
    notice,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>Mon espace</h1>
      {notice && notices[notice] ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          role="status"
          description={notices[notice]}
        />
      ) : null}
      <FormErrorSummary failure={failure} />
      {failure &&
      ["enregistrer-recherche", "garder-extraction"].includes(String(failure.values.intent)) ? (
        // The form came from a search page: shown here again with the message on its field.
        <KeepInWorkspace
          csrfToken={csrfToken}
          query={String(failure.values.query ?? "")}
          failure={failure}
        />
      ) : null}
      <TaskInbox tasks={tasks} />
      {filesRequests ? (
        <section aria-labelledby="mes-demandes" className={fr.cx("fr-mb-6w")}>
          <h2 id="mes-demandes">Mes demandes de partenariat</h2>
          {myRequests.length === 0 ? (
            <p>Aucune demande déposée pour l'instant.</p>
          ) : (
            <div className="fr-table">
              <table>
                <caption>Mes demandes de partenariat, dans tous leurs états</caption>
                <thead>
                  <tr>
                    <th scope="col">Demande</th>
                    <th scope="col">État</th>
                    <th scope="col">Dernière modification</th>
                    <th scope="col">Publiée jusqu'au</th>
                  </tr>
                </thead>
                <tbody>
                  {myRequests.map((request) => (
                    <tr key={request.id}>
                      <td>
                        <a href={`/bourse/demandes/${request.id}`}>{request.title}</a>
                      </td>
                      <td>{requestStatusLabels[request.status]}</td>
                      <td>{formatDate(request.updatedAt, "longDate")}</td>
                      <td>{request.expiresAt ? formatDate(request.expiresAt, "longDate") : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            <a
              className="fr-link fr-icon-add-line fr-link--icon-left"
              href="/bourse/demandes/nouvelle"
            >
              Déposer une nouvelle demande
            </a>
          </p>
        </section>
      ) : null}
      {suggested.length > 0 ? (
        <section aria-labelledby="demandes-suggerees">
          <h2 id="demandes-suggerees">Demandes de partenariat pour votre collectivité</h2>
          <p>
            Les demandes publiées sur la Bourse-partenariats qui rejoignent vos projets et vos pays
            de coopération, d'après l'Atlas.
          </p>
          {suggested.map((entry) => (
            <RequestSuggestions key={entry.collectivite.id} {...entry} />
          ))}
        </section>
      ) : null}
      <h2>Mes recherches</h2>
      {searches.length === 0 ? (
        <p>
          Aucune recherche enregistrée. Sur la page de recherche de l'Atlas ou sur la carte, «
          Enregistrer cette recherche » la garde ici, avec son alerte si vous le souhaitez.
        </p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Mes recherches enregistrées</caption>
            <thead>
              <tr>
                <th scope="col">Recherche</th>
                <th scope="col">Enregistrée le</th>
                <th scope="col">Alerte hebdomadaire</th>
                <th scope="col">Supprimer</th>
              </tr>
            </thead>
            <tbody>
              {searches.map((search) => {
                const params = new URLSearchParams(search.query);
                const view = params.get("vue");
                params.delete("vue");
                return (
                  <tr key={search.id}>
                    <td>
                      <a href={`/atlas/projets?${params}`}>{search.name}</a>
                      {" · "}
                      <a href={`/atlas/carte?${search.query}`}>
                        {view ? "sur sa carte" : "sur la carte"}
                      </a>
                    </td>
                    <td>{formatDate(search.createdAt, "longDate")}</td>
                    <td>
                      <form method="post">
                        <CsrfField token={csrfToken} />
                        <input type="hidden" name="intent" value="alerte" />
                        <input type="hidden" name="id" value={search.id} />
                        {search.alert ? null : <input type="hidden" name="alert" value="on" />}
                        <Button type="submit" size="small" priority="secondary">
                          {search.alert
                            ? `Désactiver l'alerte « ${search.name} »`
                            : `Activer l'alerte « ${search.name} »`}
                        </Button>
                      </form>
                    </td>
                    <td>
                      <form method="post">
                        <CsrfField token={csrfToken} />
                        <input type="hidden" name="intent" value="supprimer-recherche" />
                        <input type="hidden" name="id" value={search.id} />
                        <Button type="submit" size="small" priority="tertiary">
                          {`Supprimer « ${search.name} »`}
                        </Button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2 className={fr.cx("fr-mt-6w")}>Mes extractions</h2>
      <p>
        Votre espace garde {quota.files} extractions et {size(quota.bytes)} au plus : au-delà, les
        plus anciennes sont retirées pour faire place à la nouvelle. Vous en gardez{" "}
        {extractions.length} ({size(extractions.reduce((sum, file) => sum + file.size, 0))}).
      </p>
      {extractions.length === 0 ? (
        <p>
          Aucune extraction gardée. Sous les résultats d'une recherche, « Garder une extraction »
          produit le fichier (CSV, Excel, GeoJSON, IATI ou PDF) et le garde ici tel qu'il est ce
          jour-là.
        </p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Mes extractions gardées</caption>
            <thead>
              <tr>
                <th scope="col">Fichier</th>
                <th scope="col">Projets</th>
                <th scope="col">Produit le</th>
                <th scope="col">Supprimer</th>
              </tr>
            </thead>
            <tbody>
              {extractions.map((file) => (
                <tr key={file.id}>
                  <td>
                    <a href={`/mon-espace/extractions/${file.id}`} download>
                      {`${file.filename} (${file.format.toUpperCase()}, ${size(file.size)})`}
                    </a>
                    {" · "}
                    <a href={`/atlas/projets?${file.query}`}>la recherche</a>
                  </td>
                  <td>{file.projects.toLocaleString("fr-FR")}</td>
                  <td>{formatDate(file.createdAt, "dateTime")}</td>
                  <td>
                    <form method="post">
                      <CsrfField token={csrfToken} />
                      <input type="hidden" name="intent" value="supprimer-extraction" />
                      <input type="hidden" name="id" value={file.id} />
                      <Button type="submit" size="small" priority="tertiary">
                        {`Supprimer ${file.filename}`}
                      </Button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
