import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { EditConflict } from "../../platform/http.server";
import { formatDate } from "../../platform/format";
import { FieldComparison } from "./FieldComparison";

/**
 * Tells that the record changed since the form was opened, by whom and when, and shows the
 * stored version next to what was typed. The form below keeps what was typed: saving it
 * again replaces the stored version knowingly.
 */
export function ConflictNotice({ conflict }: { conflict: EditConflict | undefined }) {
  if (!conflict) return null;
  const who = conflict.changedBy ?? "une autre personne";
  const when = conflict.changedAt ? ` le ${formatDate(conflict.changedAt, "dateTime")}` : "";
  return (
    <div id="conflit" className="fr-mb-4w">
      <Alert
        severity="warning"
        title="Modifié entre-temps : rien n'a été enregistré"
        description={`Cette fiche a été modifiée par ${who}${when} (version ${conflict.version}) depuis que vous l'avez ouverte. Comparez ci-dessous, puis enregistrez à nouveau votre saisie si elle doit remplacer la version enregistrée, ou rechargez la page pour repartir de celle-ci.`}
        role="alert"
      />
      {conflict.fields.length > 0 ? (
        <div className="fr-table fr-mt-2w">
          <FieldComparison
            caption="Différences entre la version enregistrée et votre saisie"
            before={`Version enregistrée (n° ${conflict.version})`}
            after="Votre saisie (non enregistrée)"
            fields={conflict.fields}
          />
        </div>
      ) : (
        <p>Votre saisie est identique à la version enregistrée.</p>
      )}
    </div>
  );
}
