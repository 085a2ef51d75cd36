import { usePageLanguage } from "../page-language";
import { portalTexts } from "../../../src/platform/i18n/portal-texts";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";
import type { FormFailure } from "../http.server";
import { CsrfField } from "./CsrfField";
import { FormErrorSummary } from "./FormFields";

/** A one-button form for a workflow step, carrying the version the reader saw. */
export function ActionForm(props: {
  csrfToken: string;
  intent: string;
  version: number;
  label: string;
  secondary?: boolean;
  children?: ReactNode;
}) {
  return (
    <form method="post" className="fr-mb-3w">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="version" value={props.version} />
      {props.children}
      <Button type="submit" priority={props.secondary ? "secondary" : "primary"}>
        {props.label}
      </Button>
    </form>
  );
}

/** What the last workflow step did: its success, or what was wrong with the form. */
export function ActionOutcome(props: {
  success: string | undefined;
  failure: FormFailure | undefined;
}) {
  const t = portalTexts(usePageLanguage());
  return (
    <>
      {props.success ? (
        <Alert
          severity="success"
          title={t("form.done")}
          description={props.success}
          className="fr-mb-3w"
        />
      ) : null}
      <FormErrorSummary failure={props.failure} />
    </>
  );
}
