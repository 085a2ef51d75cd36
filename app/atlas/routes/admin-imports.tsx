import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { redirect, useActionData, useLoaderData } from "react-router";
import { recentImports, startImport } from "../../../src/modules/atlas/index";
import { importKindLabels, importKinds, templateColumns } from "../../../src/modules/atlas/codes";
import { CsrfField } from "../../platform/components/CsrfField";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { importStatusLabels } from "../components/ImportStatus";
import { appContext, requestContext } from "../../context";
import { formatDate } from "../../platform/format";
import { guard, runAction } from "../../platform/http.server";
import type { Route } from "./+types/admin-imports";

export const meta = () => [{ title: "Imports de l'Atlas – Administration – Portail AECT" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => ({
    imports: await recentImports(db, actor),
    columns: templateColumns,
    csrfToken,
  }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, logger } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const form = await request.formData();
  const file = form.get("fichier");
  const kind = String(form.get("kind") ?? "");
  return runAction({ kind }, async () => {
    const started = await startImport(db, actor, {
      kind,
      filename: file instanceof File ? file.name : "",
      content: file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0),
    });
    started.done.catch((error: unknown) => logger.error({ err: error }, "Atlas import failed"));
    return redirect(`/admin/imports/${started.id}`);
  });
}

export default function ImportsPage() {
  const { imports, columns, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>Imports de l'Atlas</h1>
      <p>
        Ajoutez en une fois des projets ou des partenariats depuis un fichier CSV (UTF-8, séparateur
        « ; ») ou Excel (.xlsx) construit sur le modèle. Toutes les lignes sont vérifiées d'abord :
        si une seule est fautive, rien n'est importé et chaque erreur est listée avec sa ligne et sa
        colonne.
      </p>
      <ul>
        {importKinds.map((kind) => (
          <li key={kind}>
            {`Modèle « ${importKindLabels[kind]} » : `}
            <a href={`/admin/imports/modeles/${kind}/csv`} download>
              {`CSV (${columns[kind].length} colonnes)`}
            </a>
            {" ou "}
            <a href={`/admin/imports/modeles/${kind}/xlsx`} download>
              Excel, avec la notice des colonnes
            </a>
          </li>
        ))}
      </ul>
      <FormErrorSummary failure={failure} />
      <form method="post" encType="multipart/form-data" noValidate>
        <CsrfField token={csrfToken} />
        <div id="champ-kind">
          <RadioButtons
            legend="Le fichier contient"
            orientation="horizontal"
            state={failure?.fieldErrors.kind ? "error" : "default"}
            stateRelatedMessage={failure?.fieldErrors.kind}
            options={importKinds.map((kind) => ({
              label: importKindLabels[kind],
              nativeInputProps: {
                name: "kind",
                value: kind,
                defaultChecked: (failure?.values.kind ?? "projects") === kind,
              },
            }))}
          />
        </div>
        <Upload
          label="Fichier à importer"
          hint="Formats acceptés : .csv, .xlsx. 20 Mo et 50 000 lignes au plus."
          state={failure?.fieldErrors.fichier ? "error" : "default"}
          stateRelatedMessage={failure?.fieldErrors.fichier}
          nativeInputProps={{
            id: "champ-fichier",
            name: "fichier",
            accept: ".csv,.xlsx",
            "aria-invalid": failure?.fieldErrors.fichier ? true : undefined,
          }}
        />
        <Button type="submit" className="fr-mt-2w">
          Vérifier et importer
        </Button>
      </form>
      <div className="fr-table fr-mt-6w">
        <table>
          <caption>Derniers imports</caption>
          <thead>
            <tr>
              <th scope="col">Fichier</th>
              <th scope="col">Contenu</th>
              <th scope="col">Lignes</th>
              <th scope="col">État</th>
              <th scope="col">Par</th>
              <th scope="col">Le</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <a href={`/admin/imports/${entry.id}`}>{entry.filename}</a>
                </td>
                <td>{importKindLabels[entry.kind]}</td>
                <td>{entry.totalRows}</td>
                <td>
                  <Badge severity={importStatusLabels[entry.status][1]} small noIcon>
                    {importStatusLabels[entry.status][0]}
                  </Badge>
                </td>
                <td>{entry.createdByLabel}</td>
                <td>{formatDate(entry.createdAt, "dateTime")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
