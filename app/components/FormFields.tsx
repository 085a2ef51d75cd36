import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { InputHTMLAttributes } from "react";
import { MIN_PASSWORD_LENGTH } from "../../src/platform/auth/password-policy";
import type { FormFailure } from "../lib/http.server";

type Failure = Pick<FormFailure, "fieldErrors" | "values" | "message"> | undefined;

/** A labelled DSFR text field that shows its error and keeps what was typed. */
export function TextField(props: {
  name: string;
  label: string;
  hint?: string;
  failure: Failure;
  type?: InputHTMLAttributes<HTMLInputElement>["type"];
  autoComplete?: string;
  required?: boolean;
  defaultValue?: string;
}) {
  const error = props.failure?.fieldErrors[props.name];
  const id = `champ-${props.name}`;
  return (
    <Input
      label={props.label}
      hintText={props.hint}
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      nativeInputProps={{
        id,
        name: props.name,
        type: props.type ?? "text",
        autoComplete: props.autoComplete,
        required: props.required,
        defaultValue: props.failure?.values[props.name] ?? props.defaultValue,
        "aria-invalid": error ? true : undefined,
      }}
    />
  );
}

/** The form-level message shown above a form that was sent back with errors. */
export function FormErrorSummary({ failure }: { failure: Failure }) {
  if (!failure) return null;
  const fields = Object.entries(failure.fieldErrors);
  return (
    <Alert
      className="fr-mb-3w"
      severity="error"
      title={failure.message}
      description={
        fields.length > 0 ? (
          <ul>
            {fields.map(([field, message]) => (
              <li key={field}>
                <a href={`#champ-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        ) : undefined
      }
      role="alert"
    />
  );
}

/** A new password and its confirmation, with the password policy as hint. */
export function NewPasswordFields({ failure, label }: { failure: Failure; label: string }) {
  return (
    <>
      <TextField
        name="password"
        label={label}
        hint={`Au moins ${MIN_PASSWORD_LENGTH} caractères.`}
        type="password"
        autoComplete="new-password"
        required
        failure={failure}
      />
      <TextField
        name="confirmation"
        label={`Confirmation du ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
        required
        failure={failure}
      />
    </>
  );
}

/** The e-mail address field of the sign-in and account forms. */
export function EmailField({
  failure,
  label = "Adresse électronique",
}: {
  failure: Failure;
  label?: string;
}) {
  return (
    <TextField
      name="email"
      label={label}
      hint="Format attendu : nom@domaine.fr"
      type="email"
      autoComplete="email"
      required
      failure={failure}
    />
  );
}
