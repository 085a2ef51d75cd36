import { WorkflowHistory } from "../../platform/components/WorkflowHistory";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useActionData, useLoaderData } from "react-router";
import {
  addLine,
  copyPreviousYear,
  declarationView,
  deleteLine,
  importLines,
  reviewDeclaration,
  setNilDeclaration,
  submitDeclaration,
} from "../../../src/modules/apd/index";
import { declarationStatusLabels } from "../../../src/modules/apd/codes";
import { Invalid } from "../../../src/platform/errors";
import { formToObject } from "../../../src/platform/validation";
import { RowErrorsTable } from "../../platform/components/RowErrorsTable";
import { CsrfField } from "../../platform/components/CsrfField";
import { TrailBreadcrumb } from "../../platform/components/TrailBreadcrumb";
import { FormErrorSummary, TextAreaField } from "../../platform/components/FormFields";
import { LineForm } from "../components/LineForm";
import { LinesTable } from "../components/LinesTable";
import { appContext, requestContext } from "../../context";
import { lineChoices } from "../pages.server";
import { countOf, formatDate, formatEuros, ofName, sentenceCase } from "../../platform/format";
import { guard, runAction } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/declaration";

export const meta = ({ data }: Route.MetaArgs) => [
  {
    title: data
      ? `Déclaration APD ${data.view.declaration.year} – ${data.view.collectivite.name} – Portail AECT`
      : "Déclaration APD – Portail AECT",
  },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor, csrfToken } = context.get(requestContext);
  return guard(request, async () => {
    const view = await declarationView(db, actor, idParam(params.declarationId));
    return {
      view: { ...view, choices: view.choices ? lineChoices(view.choices) : null },
      csrfToken,
    };
  });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = context.get(appContext);
  const { actor } = context.get(requestContext);
  const form = await request.formData();
  const values = formToObject(form);
  return runAction(values, async () => {
    const id = idParam(params.declarationId);
    switch (values.intent) {
      case "line":
        await addLine(db, actor, id, values);
        return { ok: true as const, message: "La ligne est ajoutée." };
      case "delete":
        await deleteLine(db, actor, id, Number(values.lineId), values.version);
        return { ok: true as const, message: "La ligne est supprimée." };
      case "nil":
        await setNilDeclaration(db, actor, id, values);
        return {
          ok: true as const,
          message: values.isNil
            ? "La déclaration est une déclaration néant : transmettez-la pour la valider."
            : "La déclaration n'est plus une déclaration néant.",
        };
      case "copy": {
        const copied = await copyPreviousYear(db, actor, id, values.version);
        return {
          ok: true as const,
          message: `${sentenceCase(countOf(copied.copied, "ligne reprise", "lignes reprises", "f"))} de l'année précédente${copied.skipped ? ` ; ${countOf(copied.skipped, "ligne qui n'est plus valable a été laissée", "lignes qui ne sont plus valables ont été laissées", "f")} de côté` : ""}. Vérifiez les montants avant de transmettre.`,
        };
      }
      case "import": {
        const file = form.get("fichier");
        const imported = await importLines(
          db,
          actor,
          id,
          {
            name: file instanceof File ? file.name : "",
            content: file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0),
          },
          { replace: values.replace === "on", version: values.version },
        );
        return {
          ok: true as const,
          message: `${sentenceCase(countOf(imported.imported, "ligne importée", "lignes importées", "f"))}.`,
        };
      }
      case "submit": {
        const submitted = await submitDeclaration(db, actor, id, values.version, config.publicUrl);
        return {
          ok: true as const,
          message: `La déclaration est transmise (version ${submitted.number}, référence ${submitted.reference}). L'accusé de réception vous est envoyé par courriel ; vous pouvez aussi le télécharger ci-dessous.`,
          receipt: submitted.number,
        };
      }
      case "review": {
        const reviewed = await reviewDeclaration(db, actor, id, values, config.publicUrl);
        return {
          ok: true as const,
          message:
            reviewed.status === "accepted"
              ? "La déclaration est acceptée ; la collectivité en est informée par courriel."
              : "La déclaration est renvoyée pour correction ; la collectivité en est informée par courriel.",
        };
      }
      default:
        await declarationView(db, actor, id);
        throw new Invalid({ intent: "Cette action n'existe pas sur une déclaration." });
    }
  });
}

export default function DeclarationPage() {
  const { view, csrfToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  const success = result?.ok && result.message ? result : undefined;
  const failed = (intent: string) => (failure?.values.intent === intent ? failure : undefined);
  const { declaration, campaign, collectivite, abilities } = view;
  const version = declaration.version;
  const receiptUrl = (number: number) =>
    `/apd/declarations/${declaration.id}/accuse-reception/${number}`;
  return (
    <>
      <TrailBreadcrumb
        trail={[
          { label: "Aide publique au développement", href: "/apd" },
          {
            label: `Déclarations ${ofName(collectivite.name)}`,
            href: `/apd/collectivites/${collectivite.id}`,
          },
        ]}
        current={{ label: String(declaration.year), href: `/apd/declarations/${declaration.id}` }}
      />
      <h1>
        Déclaration APD {declaration.year} – {collectivite.name}
      </h1>
      <p>
        <Badge
          severity={
            declaration.status === "accepted"
              ? "success"
              : declaration.status === "returned"
                ? "error"
                : "info"
          }
        >
          {declarationStatusLabels[declaration.status]}
        </Badge>{" "}
        {declaration.late ? <Badge severity="warning">Transmise en retard</Badge> : null}{" "}
        {declaration.isNil ? <Badge>Déclaration néant</Badge> : null}
      </p>
      <p>
        Dépenses d'aide publique au développement engagées en {declaration.year}. Campagne ouverte
        du {formatDate(campaign.opensOn, "longDate")} au {formatDate(campaign.closesOn, "longDate")}
        {campaign.closedAt ? ` ; clôturée le ${formatDate(campaign.closedAt, "longDate")}.` : "."}
      </p>
      {success ? (
        <Alert
          severity="success"
          title="C'est fait"
          description={
            <>
              {success.message}
              {"receipt" in success && success.receipt ? (
                <>
                  {" "}
                  <a href={receiptUrl(success.receipt)} download>
                    Télécharger l'accusé de réception (PDF)
                  </a>
                </>
              ) : null}
            </>
          }
          className="fr-mb-3w"
        />
      ) : null}
      <FormErrorSummary failure={failure} />
      {declaration.status === "returned" && declaration.reviewComment ? (
        <Alert
          severity="warning"
          title="Correction demandée par la DAECT"
          description={declaration.reviewComment}
          className="fr-mb-3w"
        />
      ) : null}
      {failure && "rowErrors" in failure && failure.rowErrors ? (
        <RowErrorsTable
          id="erreurs-import"
          rows={failure.rowErrors}
          caption="Lignes du fichier à corriger (rien n'a été importé)"
        />
      ) : null}

      <section aria-labelledby="lignes-titre">
        <h2 id="lignes-titre">
          {abilities.declare ? "Lignes de la déclaration" : "Lignes transmises"}
        </h2>
        {abilities.declare && declaration.hasChanges && view.current ? (
          <p className="fr-text--sm">
            Ces lignes contiennent des modifications non transmises : la version{" "}
            {view.current.number} transmise reste celle qui compte tant que vous ne transmettez pas
            à nouveau.
          </p>
        ) : null}
        <LinesTable
          lines={abilities.declare ? view.lines : view.submittedLines}
          editBase={abilities.declare ? `/apd/declarations/${declaration.id}/lignes` : null}
          csrfToken={csrfToken}
          version={version}
        />
      </section>

      {abilities.declare && view.choices ? (
        <>
          <section aria-labelledby="ajout-titre">
            <h2 id="ajout-titre">Ajouter une ligne</h2>
            <LineForm
              csrfToken={csrfToken}
              version={version}
              choices={view.choices}
              failure={failed("line")}
              submitLabel="Ajouter la ligne"
            />
          </section>
          <section aria-labelledby="import-titre">
            <h2 id="import-titre">Importer des lignes d'un fichier</h2>
            <p>
              Partez du modèle{" "}
              <a href="/apd/modele-import/xlsx" download>
                Excel (.xlsx)
              </a>{" "}
              ou{" "}
              <a href="/apd/modele-import/csv" download>
                CSV
              </a>{" "}
              : une ligne par dépense. Si une ligne du fichier est incorrecte, rien n'est importé et
              chaque erreur est signalée.
            </p>
            <form method="post" encType="multipart/form-data" noValidate>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="version" value={version} />
              <div
                className={`fr-upload-group${failed("import")?.fieldErrors.fichier ? " fr-input-group--error" : ""}`}
              >
                <label className="fr-label" htmlFor="champ-fichier">
                  Fichier de lignes
                  <span className="fr-hint-text">
                    Formats acceptés : .csv (UTF-8) ou .xlsx, 20 Mo au plus.
                  </span>
                </label>
                <input
                  className="fr-upload"
                  type="file"
                  id="champ-fichier"
                  name="fichier"
                  accept=".csv,.xlsx"
                  aria-describedby={
                    failed("import")?.fieldErrors.fichier ? "erreur-fichier" : undefined
                  }
                />
                {failed("import")?.fieldErrors.fichier ? (
                  <p id="erreur-fichier" className="fr-error-text">
                    {failed("import")?.fieldErrors.fichier}
                  </p>
                ) : null}
              </div>
              <Checkbox
                options={[
                  {
                    label: "Remplacer les lignes actuelles par celles du fichier",
                    nativeInputProps: { name: "replace" },
                  },
                ]}
              />
              <Button type="submit" priority="secondary">
                Importer le fichier
              </Button>
            </form>
          </section>
          {view.previousYearLines > 0 && view.lines.length === 0 ? (
            <section aria-labelledby="reprise-titre">
              <h2 id="reprise-titre">Partir de l'année précédente</h2>
              <form method="post">
                <CsrfField token={csrfToken} />
                <input type="hidden" name="intent" value="copy" />
                <input type="hidden" name="version" value={version} />
                <p>
                  {`Reprendre ${view.previousYearLines > 1 ? `les ${countOf(view.previousYearLines, "ligne transmise", "lignes transmises", "f")}` : "la ligne transmise"} pour ${declaration.year - 1}, puis corriger les montants.`}
                </p>
                <Button type="submit" priority="secondary">
                  Reprendre les lignes de {declaration.year - 1}
                </Button>
              </form>
            </section>
          ) : null}
          <section aria-labelledby="neant-titre">
            <h2 id="neant-titre">Déclaration néant</h2>
            <form method="post" noValidate>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="intent" value="nil" />
              <input type="hidden" name="version" value={version} />
              <Checkbox
                state={failed("nil")?.fieldErrors.isNil ? "error" : "default"}
                stateRelatedMessage={failed("nil")?.fieldErrors.isNil}
                options={[
                  {
                    label: `${collectivite.name} n'a engagé aucune dépense d'aide au développement en ${declaration.year}`,
                    nativeInputProps: { name: "isNil", defaultChecked: declaration.isNil },
                  },
                ]}
              />
              <Button type="submit" priority="secondary">
                Enregistrer
              </Button>
            </form>
          </section>
          <section aria-labelledby="transmettre-titre">
            <h2 id="transmettre-titre">Transmettre la déclaration</h2>
            <p>
              Total : <strong>{formatEuros(view.totalCents)}</strong> pour{" "}
              {countOf(view.lines.length, "ligne", "lignes", "f")}. Chaque transmission crée une
              nouvelle version ; vous pouvez modifier et transmettre à nouveau jusqu'à la clôture de
              la campagne.
            </p>
            {abilities.submitBlocker ? (
              <p className="fr-text--sm">{abilities.submitBlocker}</p>
            ) : null}
            <form method="post">
              <CsrfField token={csrfToken} />
              <input type="hidden" name="intent" value="submit" />
              <input type="hidden" name="version" value={version} />
              <Button type="submit" nativeButtonProps={{ id: "champ-declaration" }}>
                Transmettre la déclaration
              </Button>
            </form>
          </section>
        </>
      ) : null}

      {abilities.review ? (
        <section aria-labelledby="examen-titre">
          <h2 id="examen-titre">Examen par la DAECT</h2>
          <form method="post" noValidate>
            <CsrfField token={csrfToken} />
            <input type="hidden" name="intent" value="review" />
            <input type="hidden" name="version" value={version} />
            <RadioButtons
              legend="Décision"
              name="decision"
              state={failed("review")?.fieldErrors.decision ? "error" : "default"}
              stateRelatedMessage={failed("review")?.fieldErrors.decision}
              options={[
                { label: "Accepter la déclaration", nativeInputProps: { value: "accept" } },
                { label: "Renvoyer pour correction", nativeInputProps: { value: "return" } },
              ]}
            />
            <TextAreaField
              name="comment"
              label="Motif du renvoi (envoyé à la collectivité)"
              failure={failed("review")}
            />
            <Button type="submit">Enregistrer la décision</Button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="versions-titre">
        <h2 id="versions-titre">Versions transmises</h2>
        {view.submissions.length === 0 ? (
          <p>La déclaration n'a pas encore été transmise.</p>
        ) : (
          <ul>
            {view.submissions.map((submission) => (
              <li key={submission.id}>
                Version {submission.number} transmise le{" "}
                {formatDate(submission.submittedAt, "dateTime")} par {submission.submittedByLabel} :{" "}
                {submission.isNil ? "déclaration néant" : formatEuros(submission.totalCents)}
                {submission.late ? " (en retard)" : ""} –{" "}
                <a href={receiptUrl(submission.number)} download>
                  accusé de réception {submission.receipt.reference} (PDF)
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <WorkflowHistory history={view.history} id="historique-declaration" />
    </>
  );
}
