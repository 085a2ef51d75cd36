import { usePageLanguage } from "../page-language";
import { portalTexts } from "../../../src/platform/i18n/portal-texts";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { InputHTMLAttributes } from "react";
import { MIN_PASSWORD_LENGTH } from "../../../src/platform/auth/password-policy";
import type { FormFailure } from "../http.server";

type Failure = Pick<FormFailure, "fieldErrors" | "values" | "message"> | undefined;

/** The value to show in a field: what was typed if the form came back, else the stored one. */
export function shownValue(failure: Failure, name: string, stored: string | string[] = "") {
  return failure ? (failure.values[name] ?? (Array.isArray(stored) ? [] : "")) : stored;
}

const asText = (value: string | string[]) => (Array.isArray(value) ? value.join(", ") : value);

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
  /** The id of a <datalist> of suggestions. */
  list?: string;
  /** When two forms of a page have a field of the same name. */
  id?: string;
}) {
  const error = props.failure?.fieldErrors[props.name];
  const id = props.id ?? `champ-${props.name}`;
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
        list: props.list,
        defaultValue: asText(shownValue(props.failure, props.name, props.defaultValue)),
        "aria-invalid": error ? true : undefined,
      }}
    />
  );
}

/**
 * A date: the browser's calendar field, the format a French reader reads and types named in
 * the hint (the server takes JJ/MM/AAAA as well as the field's own AAAA-MM-JJ).
 */
export function DateField(
  props: Omit<Parameters<typeof TextField>[0], "type" | "hint"> & { hint?: string },
) {
  const format = "Format attendu : JJ/MM/AAAA";
  return (
    <TextField {...props} type="date" hint={props.hint ? `${format}, ${props.hint}` : format} />
  );
}

/** A labelled multi-line text field. */
export function TextAreaField(props: {
  name: string;
  label: string;
  hint?: string;
  failure: Failure;
  defaultValue?: string;
  rows?: number;
}) {
  const error = props.failure?.fieldErrors[props.name];
  return (
    <Input
      label={props.label}
      hintText={props.hint}
      textArea
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      nativeTextAreaProps={{
        id: `champ-${props.name}`,
        name: props.name,
        rows: props.rows ?? 4,
        defaultValue: asText(shownValue(props.failure, props.name, props.defaultValue)),
        "aria-invalid": error ? true : undefined,
      }}
    />
  );
}

/** A labelled select; `id` differs from the name when several selects share a name. */
export function SelectField(props: {
  name: string;
  label: string;
  hint?: string;
  failure: Failure;
  options: [string, string][];
  value: string;
  id?: string;
  placeholder?: string;
  errorKey?: string;
}) {
  const error = props.failure?.fieldErrors[props.errorKey ?? props.name];
  const choose = portalTexts(usePageLanguage())("form.choose");
  return (
    <Select
      label={props.label}
      hint={props.hint}
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      nativeSelectProps={{
        id: props.id ?? `champ-${props.name}`,
        name: props.name,
        defaultValue: props.value,
        "aria-invalid": error ? true : undefined,
      }}
    >
      <option value="">{props.placeholder ?? choose}</option>
      {props.options.map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </Select>
  );
}

/** A fieldset of checkboxes sharing a name; its error is announced on the legend. */
export function CheckboxGroup(props: {
  name: string;
  /** For a name shared by several groups: the first keeps `champ-<name>`, where errors lead. */
  id?: string;
  legend: string;
  hint?: string;
  failure: Failure;
  options: [string, string][];
  checked: string[];
  small?: boolean;
}) {
  const error = props.failure?.fieldErrors[props.name];
  return (
    <div id={props.id ?? `champ-${props.name}`}>
      <Checkbox
        legend={props.legend}
        hintText={props.hint}
        small={props.small}
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        options={props.options.map(([code, label]) => ({
          label,
          nativeInputProps: {
            name: props.name,
            value: code,
            defaultChecked: props.checked.includes(code),
          },
        }))}
      />
    </div>
  );
}

/** The form-level message shown above a form that was sent back with errors. */
export function FormErrorSummary({
  failure,
  fieldIds = {},
}: {
  failure: Failure;
  /** Fields whose id is not `champ-<name>` (a page with two fields of one name). */
  fieldIds?: Record<string, string>;
}) {
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
                <a href={`#${fieldIds[field] ?? `champ-${field}`}`}>{message}</a>
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
  defaultValue,
}: {
  failure: Failure;
  label?: string;
  defaultValue?: string;
}) {
  return (
    <TextField
      defaultValue={defaultValue}
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
