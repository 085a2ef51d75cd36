import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";
import { CsrfField } from "../CsrfField";

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
