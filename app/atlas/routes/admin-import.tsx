import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useLoaderData } from "react-router";
import { importReport } from "../../../src/modules/atlas/index";
import { importKindLabels } from "../../../src/modules/atlas/codes";
import { importStatusLabels } from "../components/ImportStatus";
import { appContext, requestContext } from "../../context";
import { countOf, formatCount, formatDate, type Noun } from "../../platform/format";
import { RowErrorsTable } from "../../platform/components/RowErrorsTable";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/admin-import";

export const meta = () => [{ title: "Import de l'Atlas – Administration – Portail AECT" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, () => importReport(db, actor, idParam(params.importId)));
}

const summaryLabels: Record<string, Noun> = {
  projects: ["projet ajouté", "projets ajoutés", "m"],
  partnerships: ["partenariat ajouté", "partenariats ajoutés", "m"],
  authorities: ["autorité partenaire créée", "autorités partenaires créées", "f"],
};

export default function ImportPage() {
  const report = useLoaderData<typeof loader>();
  const running = report.status === "validating" || report.status === "importing";
  return (
    <>
      <h1>{`Import « ${report.filename} »`}</h1>
      <p>
        {`${importKindLabels[report.kind]} · ${formatCount(report.totalRows)} lignes · déposé par ${report.createdByLabel} le ${formatDate(report.createdAt, "dateTime")}`}
      </p>
      <p className="fr-text--lead" role="status">
        {importStatusLabels[report.status][0]}
      </p>
      {running ? (
        <>
          <label htmlFor="avancement">
            {report.status === "validating"
              ? `Lignes vérifiées : ${formatCount(report.checkedRows)} sur ${formatCount(report.totalRows)}`
              : `Toutes les lignes sont valides : enregistrement des ${formatCount(report.totalRows)} lignes en une fois.`}
          </label>
          <progress
            id="avancement"
            className="fr-mb-2w"
            max={report.totalRows}
            value={report.status === "validating" ? report.checkedRows : undefined}
          />
          <p>
            <a
              className={fr.cx("fr-btn", "fr-btn--secondary")}
              href={`/admin/imports/${report.id}`}
            >
              Actualiser l'état
            </a>
          </p>
        </>
      ) : null}
      {report.status === "done" && report.summary ? (
        <Alert
          severity="success"
          title="Import terminé"
          description={Object.entries(report.summary)
            .map(([key, count]) => countOf(count, ...(summaryLabels[key] ?? [key, key, "m"])))
            .join(", ")}
        />
      ) : null}
      {report.status === "failed" ? (
        <Alert
          severity="warning"
          title="Import interrompu"
          description="L'import s'est arrêté avant la fin : rien n'a été enregistré. Déposez le fichier à nouveau."
        />
      ) : null}
      {report.status === "invalid" ? (
        <>
          <Alert
            severity="error"
            title={`Rien n'a été importé : ${countOf(report.errors.length, "erreur", "erreurs", "f")}`}
            description="Corrigez chaque ligne ci-dessous dans votre fichier, puis déposez-le à nouveau."
          />
          <RowErrorsTable
            rows={report.errors}
            caption="Erreurs, par ligne du fichier (la ligne 1 est celle des noms de colonnes)"
          />
        </>
      ) : null}
      <p className="fr-mt-4w">
        <a href="/admin/imports">Retour aux imports</a>
      </p>
    </>
  );
}
