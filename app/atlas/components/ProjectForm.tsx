import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { FormFailure } from "../../platform/http.server";
import { CsrfField } from "../../platform/components/CsrfField";
import {
  CheckboxGroup,
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  shownValue,
} from "../../platform/components/FormFields";
import { ConflictNotice } from "./ConflictNotice";

type Options = [string, string][];

export interface ProjectFormChoices {
  domains: Options;
  themesByDomain: { domain: string; themes: Options }[];
  sdgs: Options;
  countries: Options;
  fundingSources: Options;
  statuses: Options;
  partnerships: Options;
}

const COUNTRY_SELECTS = 4;
const MAX_FUNDING_LINES = 8;

/**
 * The form of a project, for creation and edits. Plain HTML: several countries are several
 * selects of one name, so keyboard users never need a multiple select.
 */
export function ProjectForm(props: {
  csrfToken: string;
  failure: FormFailure | undefined;
  stored: Record<string, string | string[]>;
  version?: number;
  choices: ProjectFormChoices;
  submitLabel: string;
}) {
  const { failure, stored, choices } = props;
  const value = (name: string) => shownValue(failure, name, stored[name] ?? "") as string;
  const list = (name: string) => {
    const shown = shownValue(failure, name, stored[name] ?? []);
    return Array.isArray(shown) ? shown : shown ? [shown] : [];
  };
  const countries = list("countries");
  const fundingRows = Math.min(
    MAX_FUNDING_LINES,
    Math.max(
      3,
      Array.from({ length: MAX_FUNDING_LINES }, (_, i) => i + 1).filter(
        (n) => value(`fundingSource${n}`) || value(`fundingAmount${n}`),
      ).length + 2,
    ),
  );
  return (
    <>
      <ConflictNotice conflict={failure?.conflict} />
      {failure?.conflict ? null : <FormErrorSummary failure={failure} />}
      <form method="post" noValidate>
        <CsrfField token={props.csrfToken} />
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={value("version") || String(props.version)} />
        ) : null}
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h4">Le projet</legend>
          <div className="fr-fieldset__content fr-col-12">
            <TextField
              name="title"
              label="Titre du projet"
              required
              failure={failure}
              defaultValue={value("title")}
            />
            <SelectField
              name="domainCode"
              label="Domaine principal"
              hint="Il classe le projet dans les statistiques de l'Atlas."
              failure={failure}
              options={choices.domains}
              value={value("domainCode")}
            />
            <SelectField
              name="status"
              label="Statut"
              failure={failure}
              options={choices.statuses}
              value={value("status") || "en_cours"}
            />
            <TextField
              name="startYear"
              label="Année de début"
              hint="Format attendu : 2024"
              failure={failure}
              defaultValue={value("startYear")}
            />
            <TextField
              name="endYear"
              label="Année de fin"
              hint="Laisser vide si le projet n'a pas de fin prévue."
              failure={failure}
              defaultValue={value("endYear")}
            />
          </div>
        </fieldset>

        <fieldset className="fr-fieldset" id="champ-countries">
          <legend className="fr-fieldset__legend fr-h4">Pays concernés</legend>
          <div className="fr-fieldset__content fr-col-12">
            {Array.from({ length: COUNTRY_SELECTS }, (_, i) => (
              <SelectField
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed positions
                key={i}
                name="countries"
                id={`champ-countries-${i + 1}`}
                errorKey={i === 0 ? "countries" : "__none"}
                label={i === 0 ? "Pays concerné" : `Autre pays concerné (${i + 1})`}
                failure={failure}
                options={choices.countries}
                value={countries[i] ?? ""}
                placeholder={i === 0 ? "Choisir un pays" : "Aucun autre pays"}
              />
            ))}
          </div>
        </fieldset>

        {choices.themesByDomain.map((group, i) => (
          <CheckboxGroup
            key={group.domain}
            name="themes"
            id={i === 0 ? undefined : `champ-themes-${i + 1}`}
            legend={`Thématiques – ${group.domain}`}
            hint={
              i === 0 ? "Cochez au moins une thématique, dans un ou plusieurs domaines." : undefined
            }
            failure={i === 0 ? failure : undefined}
            options={group.themes}
            checked={list("themes")}
            small
          />
        ))}
        <CheckboxGroup
          name="sdgs"
          legend="Objectifs de développement durable (ODD)"
          failure={failure}
          options={choices.sdgs}
          checked={list("sdgs")}
          small
        />

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h4">Présentation</legend>
          <div className="fr-fieldset__content fr-col-12">
            <TextAreaField
              name="objectives"
              label="Objectifs"
              failure={failure}
              defaultValue={value("objectives")}
            />
            <TextAreaField
              name="description"
              label="Description"
              rows={6}
              failure={failure}
              defaultValue={value("description")}
            />
            <TextAreaField
              name="context"
              label="Contexte"
              failure={failure}
              defaultValue={value("context")}
            />
            <TextAreaField
              name="history"
              label="Historique"
              failure={failure}
              defaultValue={value("history")}
            />
          </div>
        </fieldset>

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h4">Budget et financements</legend>
          <div className="fr-fieldset__content fr-col-12">
            <TextField
              name="totalBudgetCents"
              label="Budget total (euros)"
              hint="Exemple : 125 000 ou 12 500,50"
              failure={failure}
              defaultValue={value("totalBudgetCents")}
            />
            {Array.from({ length: fundingRows }, (_, i) => i + 1).map((n) => (
              <div className="fr-grid-row fr-grid-row--gutters" key={n}>
                <div className="fr-col-12 fr-col-md-7">
                  <SelectField
                    name={`fundingSource${n}`}
                    label={`Financement n° ${n} : source`}
                    failure={failure}
                    options={choices.fundingSources}
                    value={value(`fundingSource${n}`)}
                    placeholder="Aucun"
                  />
                </div>
                <div className="fr-col-12 fr-col-md-5">
                  <TextField
                    name={`fundingAmount${n}`}
                    label={`Financement n° ${n} : montant (euros)`}
                    failure={failure}
                    defaultValue={value(`fundingAmount${n}`)}
                  />
                </div>
              </div>
            ))}
            <TextField
              name="volunteers"
              label="Nombre de volontaires engagés"
              failure={failure}
              defaultValue={value("volunteers")}
            />
          </div>
        </fieldset>

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h4">Partenaires et contacts</legend>
          <div className="fr-fieldset__content fr-col-12">
            {choices.partnerships.length > 0 ? (
              <CheckboxGroup
                name="partnershipIds"
                legend="Partenariats auxquels le projet se rattache"
                failure={failure}
                options={choices.partnerships}
                checked={list("partnershipIds")}
              />
            ) : (
              <p>La collectivité n'a pas encore de partenariat enregistré dans l'Atlas.</p>
            )}
            <TextAreaField
              name="partnersInFrance"
              label="Partenaires en France"
              hint="Associations, entreprises, universités, hôpitaux… un par ligne."
              failure={failure}
              defaultValue={value("partnersInFrance")}
            />
            <TextAreaField
              name="partnersAbroad"
              label="Autres partenaires à l'étranger"
              hint="Un par ligne."
              failure={failure}
              defaultValue={value("partnersAbroad")}
            />
            <TextAreaField
              name="contacts"
              label="Contacts"
              hint="Nom, fonction, adresse électronique. Visibles des seuls utilisateurs connectés, jamais dans les données ouvertes."
              failure={failure}
              defaultValue={value("contacts")}
            />
          </div>
        </fieldset>
        <Button type="submit" className={fr.cx("fr-mt-2w")}>
          {props.submitLabel}
        </Button>
      </form>
    </>
  );
}
