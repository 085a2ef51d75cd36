import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { FormFailure } from "../../platform/http.server";
import { FormErrorSummary } from "../../platform/components/FormFields";
import { ConflictNotice } from "./ConflictNotice";

/**
 * What an edit form says after a save: saved (with the new version), unchanged, refused
 * because someone saved in between (both versions compared), or the fields in error.
 */
export function SaveOutcome(props: {
  result: { ok: true; changed: boolean; version: number } | FormFailure | undefined;
  saved: string;
}) {
  const { result } = props;
  if (!result) return null;
  if (result.ok)
    return (
      <Alert
        className="fr-mb-3w"
        severity="success"
        small
        role="status"
        description={
          result.changed
            ? `${props.saved} : version n° ${result.version}.`
            : "Aucune modification : la fiche était déjà à jour."
        }
      />
    );
  return result.conflict ? (
    <ConflictNotice conflict={result.conflict} />
  ) : (
    <FormErrorSummary failure={result} />
  );
}
