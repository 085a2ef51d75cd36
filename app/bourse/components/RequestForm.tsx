import { Button } from "@codegouvfr/react-dsfr/Button";
import type { FormLanguage } from "../../../src/modules/bourse/codes";
import { bourseTexts, requestFieldWords } from "../../../src/modules/bourse/texts/index";
import type { FormFailure } from "../../platform/http.server";
import { CsrfField } from "../../platform/components/CsrfField";
import {
  CheckboxGroup,
  SelectField,
  TextAreaField,
  TextField,
  shownValue,
} from "../../platform/components/FormFields";

export interface RequestFormChoices {
  authorityKinds: [string, string][];
  themes: [string, string][];
  partnerKinds: [string, string][];
  partnerSizes: [string, string][];
  languages: [string, string][];
  /** Cities of the chosen country, suggested for the city field. */
  cities: string[];
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : value ? [value] : []);

/**
 * The partnership request form, in the author's language. The country is chosen before
 * (it decides the embassy and the cities suggested) and travels as a hidden field.
 */
export function RequestForm(props: {
  lang: FormLanguage;
  csrfToken: string;
  country: { code: string; name: string };
  choices: RequestFormChoices;
  failure: FormFailure | undefined;
  stored?: Record<string, string | string[]>;
  version?: number;
  action?: string;
  withUpload: boolean;
  submitLabel?: string;
  /** Fields the author cannot change (a signed-in authority's own name). */
  fixedAuthority?: boolean;
}) {
  const { failure, choices } = props;
  const t = bourseTexts(props.lang);
  const fields: Record<string, { label: string; hint?: string }> = requestFieldWords(props.lang);
  const label = (name: string) => fields[name].label;
  const hint = (name: string) => fields[name].hint;
  const stored = (name: string) => props.stored?.[name] ?? "";
  const text = (name: string) => {
    const value = stored(name);
    return Array.isArray(value) ? value.join(", ") : value;
  };
  const selected = (name: string) => asList(shownValue(failure, name, stored(name)));
  return (
    <form
      method="post"
      action={props.action}
      encType={props.withUpload ? "multipart/form-data" : undefined}
      noValidate
      lang={props.lang}
    >
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="intent" value="request" />
      <input type="hidden" name="countryCode" value={props.country.code} />
      <input type="hidden" name="langue" value={props.lang} />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={props.version} />
      ) : null}
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t("form.authority")}</legend>
        <div className="fr-fieldset__element">
          <p>{t("form.countryShown", { country: props.country.name })}</p>
          {props.fixedAuthority ? (
            <input type="hidden" name="authorityName" value={text("authorityName")} />
          ) : (
            <TextField
              name="authorityName"
              label={label("authorityName")}
              hint={hint("authorityName")}
              failure={failure}
              defaultValue={text("authorityName")}
            />
          )}
          <SelectField
            name="authorityKind"
            label={label("authorityKind")}
            options={choices.authorityKinds}
            value={
              asList(
                shownValue(failure, "authorityKind", stored("authorityKind") || "municipality"),
              )[0] ?? ""
            }
            failure={failure}
          />
          <TextField
            name="cityName"
            label={label("cityName")}
            hint={hint("cityName")}
            failure={failure}
            defaultValue={text("cityName")}
            list="villes-du-pays"
          />
          <datalist id="villes-du-pays">
            {choices.cities.map((city) => (
              <option key={city} value={city} />
            ))}
          </datalist>
        </div>
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t("form.project")}</legend>
        <div className="fr-fieldset__element">
          <TextField
            name="title"
            label={label("title")}
            failure={failure}
            defaultValue={text("title")}
          />
          <TextAreaField
            name="description"
            label={label("description")}
            hint={hint("description")}
            failure={failure}
            defaultValue={text("description")}
            rows={8}
          />
          <CheckboxGroup
            name="themes"
            legend={label("themes")}
            options={choices.themes}
            checked={selected("themes")}
            failure={failure}
            small
          />
          <TextField
            name="budget"
            label={label("budget")}
            hint={hint("budget")}
            failure={failure}
            defaultValue={text("budget")}
          />
        </div>
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t("form.partner")}</legend>
        <div className="fr-fieldset__element">
          <SelectField
            name="partnerKind"
            label={label("partnerKind")}
            options={choices.partnerKinds}
            value={selected("partnerKind")[0] ?? "any"}
            failure={failure}
          />
          <SelectField
            name="partnerSize"
            label={label("partnerSize")}
            options={choices.partnerSizes}
            value={selected("partnerSize")[0] ?? "any"}
            failure={failure}
          />
          <TextAreaField
            name="expertise"
            label={label("expertise")}
            failure={failure}
            defaultValue={text("expertise")}
            rows={3}
          />
          <CheckboxGroup
            name="languages"
            legend={label("languages")}
            options={choices.languages}
            checked={selected("languages")}
            failure={failure}
            small
          />
        </div>
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t("form.contact")}</legend>
        <div className="fr-fieldset__element">
          <TextField
            name="contactName"
            label={label("contactName")}
            failure={failure}
            defaultValue={text("contactName")}
            autoComplete="name"
          />
          <TextField
            name="contactFunction"
            label={label("contactFunction")}
            failure={failure}
            defaultValue={text("contactFunction")}
            autoComplete="organization-title"
          />
          <TextField
            name="contactEmail"
            label={label("contactEmail")}
            hint={hint("contactEmail")}
            type="email"
            failure={failure}
            defaultValue={text("contactEmail")}
            autoComplete="email"
          />
          <TextField
            name="contactPhone"
            label={label("contactPhone")}
            type="tel"
            failure={failure}
            defaultValue={text("contactPhone")}
            autoComplete="tel"
          />
        </div>
      </fieldset>
      {props.withUpload ? (
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">{t("form.attachments")}</legend>
          <div
            className={`fr-fieldset__element fr-upload-group${failure?.fieldErrors.pieces ? " fr-input-group--error" : ""}`}
          >
            <label className="fr-label" htmlFor="champ-pieces">
              {label("pieces")}
              <span className="fr-hint-text">{hint("pieces")}</span>
            </label>
            <input
              className="fr-upload"
              type="file"
              id="champ-pieces"
              name="pieces"
              multiple
              accept=".pdf,.jpg,.jpeg,.png"
              aria-describedby={failure?.fieldErrors.pieces ? "erreur-pieces" : undefined}
            />
            {failure?.fieldErrors.pieces ? (
              <p id="erreur-pieces" className="fr-error-text">
                {failure.fieldErrors.pieces}
              </p>
            ) : null}
          </div>
        </fieldset>
      ) : null}
      <Button type="submit">{props.submitLabel ?? t("form.submit")}</Button>
    </form>
  );
}
