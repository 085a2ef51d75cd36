import { atlasDomains } from "../../../reference/data/themes";
import { foreignAuthorityKindLabels } from "../fiches/partner-fiches";
import { partnershipStatusLabels, projectStatusLabels } from "../labels";
import type { partnershipKinds, partnershipStatuses } from "../schema";
import { type ProjectInput, MAX_FUNDING_LINES, projectInputSchema } from "../editing/project-input";
import { placeOfNewAuthority } from "./place";
import type { ImportContext } from "./import-context";
import { unitIdOf } from "./import-context";
import type { ImportError } from "./import-schema";
import { codeLookup, codesOf, comparable, parseFrenchDate } from "./lookups";
import { acceptedColumns } from "./templates";
import { type AuthorityPlace, foreignAuthorityKinds } from "../../register/index";
import { checkInput } from "../../../platform/validation";

/** France and its overseas are where collectivités are, not where their partners are. */
const PARTNER_COUNTRY =
  "un pays partenaire connu (la France et l'outre-mer français n'en sont pas)";

export type CheckedProject = { leadCollectiviteId: number; input: ProjectInput };
export type CheckedPartnership = {
  collectiviteId: number;
  authority:
    | { id: number }
    | {
        name: string;
        kind: (typeof foreignAuthorityKinds)[number];
        countryCode: string;
        city: AuthorityPlace;
      };
  authorityKey: string;
  kind: (typeof partnershipKinds)[number];
  signedOn: string | null;
  status: (typeof partnershipStatuses)[number];
};

type Checked<T> = { ok: true; value: T } | { ok: false; errors: ImportError[] };

const columnOfField = new Map(
  acceptedColumns("projects", MAX_FUNDING_LINES)
    .filter((column) => column.field)
    .map((column) => [column.field!, column.name]),
);

function collectiviteOf(
  row: Record<string, string>,
  context: ImportContext,
  errors: ImportError[],
  line: number,
) {
  const id = context.collectiviteByUnit.get(unitIdOf(row));
  if (id === undefined)
    errors.push({
      line,
      column: "code_collectivite",
      message: `Aucune collectivité de l'Atlas n'a le type « ${row.type_collectivite ?? ""} » et le code « ${row.code_collectivite ?? ""} ».`,
    });
  return id;
}

/** Checks one row of a project import, with every error of the row. */
export function checkProjectRow(
  row: Record<string, string>,
  context: ImportContext,
  lookups: ReturnType<typeof projectLookups>,
): Checked<CheckedProject> {
  const line = Number(row._line);
  const errors: ImportError[] = [];
  const leadCollectiviteId = collectiviteOf(row, context, errors, line);
  const list = (column: string, lookup: (value: string) => string | undefined, what: string) => {
    const { codes, unknown } = codesOf(row[column], lookup);
    for (const value of unknown)
      errors.push({ line, column, message: `« ${value} » n'est pas ${what}.` });
    return codes;
  };
  const one = (column: string, lookup: (value: string) => string | undefined, what: string) => {
    const value = row[column] ?? "";
    if (!value) return "";
    const code = lookup(value);
    if (!code) errors.push({ line, column, message: `« ${value} » n'est pas ${what}.` });
    return code ?? "";
  };
  const values: Record<string, string | string[]> = {
    title: row.titre ?? "",
    domainCode: one("domaine", lookups.domain, "un domaine connu"),
    themes: list("thematiques", lookups.theme, "une thématique connue"),
    countries: list("pays", context.country, PARTNER_COUNTRY),
    sdgs: list("odd", lookups.sdg, "un ODD connu (numéro de 1 à 17)"),
    status: one("statut", lookups.status, "un statut connu (En projet, En cours, Terminé)"),
    startYear: row.annee_debut ?? "",
    endYear: row.annee_fin ?? "",
    totalBudgetCents: row.budget_total ?? "",
    objectives: row.objectifs ?? "",
    description: row.description ?? "",
    context: row.contexte ?? "",
    history: row.historique ?? "",
    volunteers: row.volontaires ?? "",
    partnersInFrance: row.partenaires_france ?? "",
    partnersAbroad: row.partenaires_etranger ?? "",
    partnershipIds: [],
  };
  for (let n = 1; n <= MAX_FUNDING_LINES; n++) {
    values[`fundingSource${n}`] = one(
      `financement_${n}_source`,
      lookups.funding,
      "une source de financement connue",
    );
    values[`fundingAmount${n}`] = row[`financement_${n}_montant`] ?? "";
  }
  if (row.autorite_partenaire && leadCollectiviteId !== undefined) {
    const ids = context.partnershipsByAuthority.get(
      `${leadCollectiviteId}|${comparable(row.autorite_partenaire)}`,
    );
    if (ids) values.partnershipIds = ids.map(String);
    else
      errors.push({
        line,
        column: "autorite_partenaire",
        message: `La collectivité n'a pas de partenariat avec « ${row.autorite_partenaire} » dans l'Atlas.`,
      });
  }
  const parsed = checkInput(lookups.schema, values);
  for (const [field, message] of Object.entries(parsed.errors ?? {})) {
    const column = columnOfField.get(field.split(".")[0]) ?? field;
    // A value already reported as unknown is not reported twice.
    if (!errors.some((error) => error.column === column)) errors.push({ line, column, message });
  }
  if (errors.length > 0 || parsed.errors || leadCollectiviteId === undefined)
    return { ok: false, errors };
  return { ok: true, value: { leadCollectiviteId, input: parsed.value } };
}

/** The lookups of a project import, built once per file. */
export function projectLookups(context: ImportContext) {
  return {
    schema: projectInputSchema(context.labels),
    domain: codeLookup(atlasDomains.map((domain) => [domain.code, domain.label])),
    theme: codeLookup(context.labels.theme),
    sdg: codeLookup([...context.labels.sdg.keys()].map((code) => [code, `ODD ${code}`])),
    status: codeLookup(Object.entries(projectStatusLabels)),
    funding: codeLookup(context.labels.funding),
  };
}

const authorityKind = codeLookup(
  foreignAuthorityKinds.map((kind) => [kind, foreignAuthorityKindLabels[kind] ?? kind]),
);
const statusOfPartnership = codeLookup(Object.entries(partnershipStatusLabels));

/**
 * Checks one row of a partnership import. `seen` holds the partnerships of the lines above,
 * so a line repeating one is reported.
 */
export function checkPartnershipRow(
  row: Record<string, string>,
  context: ImportContext,
  seen: Map<string, number>,
): Checked<CheckedPartnership> {
  const line = Number(row._line);
  const errors: ImportError[] = [];
  const required = (column: string, label: string) => {
    const value = row[column] ?? "";
    if (!value) errors.push({ line, column, message: `${label} est obligatoire.` });
    return value;
  };
  const collectiviteId = collectiviteOf(row, context, errors, line);
  const name = required("autorite_partenaire", "Le nom de l'autorité partenaire");
  const countryText = required("pays", "Le pays");
  const countryCode = countryText ? context.country(countryText) : undefined;
  if (countryText && !countryCode)
    errors.push({
      line,
      column: "pays",
      message: `« ${countryText} » n'est pas ${PARTNER_COUNTRY}.`,
    });
  const kindText = required("type_autorite", "Le type d'autorité");
  const kind = kindText ? authorityKind(kindText) : undefined;
  if (kindText && !kind)
    errors.push({
      line,
      column: "type_autorite",
      message: `« ${kindText} » n'est pas un type d'autorité connu (Municipalité, Province ou région, Groupement de collectivités, État).`,
    });
  const partnershipText = required("type_partenariat", "Le type de partenariat");
  const partnershipKind = partnershipText
    ? codeLookup(context.labels.partnershipKind)(partnershipText)
    : undefined;
  if (partnershipText && !partnershipKind)
    errors.push({
      line,
      column: "type_partenariat",
      message: `« ${partnershipText} » n'est pas un type de partenariat connu.`,
    });
  const signedOn = row.date_signature ? parseFrenchDate(row.date_signature) : null;
  if (row.date_signature && !signedOn)
    errors.push({
      line,
      column: "date_signature",
      message: `« ${row.date_signature} » n'est pas une date valide (JJ/MM/AAAA).`,
    });
  const status = row.statut ? statusOfPartnership(row.statut) : "active";
  if (!status)
    errors.push({
      line,
      column: "statut",
      message: `« ${row.statut} » n'est pas un statut connu (Active, En sommeil, Terminée).`,
    });
  if (errors.length > 0 || !collectiviteId || !countryCode || !kind || !partnershipKind || !status)
    return { ok: false, errors };

  const authorityKey = `${countryCode}|${comparable(name)}`;
  const authorityId = context.authorityByName.get(authorityKey);
  const duplicateKey = `${collectiviteId}|${authorityId ?? authorityKey}|${partnershipKind}`;
  const existing = authorityId
    ? context.existingPartnerships.get(`${collectiviteId}|${authorityId}|${partnershipKind}`)
    : undefined;
  if (existing)
    return {
      ok: false,
      errors: [
        {
          line,
          column: "autorite_partenaire",
          message: `Ce partenariat existe déjà dans l'Atlas (partenariat n° ${existing}).`,
        },
      ],
    };
  const earlier = seen.get(duplicateKey);
  if (earlier)
    return {
      ok: false,
      errors: [
        {
          line,
          column: "autorite_partenaire",
          message: `Ce partenariat est déjà à la ligne ${earlier}.`,
        },
      ],
    };
  seen.set(duplicateKey, line);
  const place = authorityId ? null : placeOfNewAuthority(row, countryCode, name, context);
  if (place && !place.ok)
    return { ok: false, errors: place.errors.map((error) => ({ line, ...error })) };
  return {
    ok: true,
    value: {
      collectiviteId,
      authority:
        authorityId || !place
          ? { id: authorityId as number }
          : {
              name,
              kind: kind as (typeof foreignAuthorityKinds)[number],
              countryCode,
              city: place.place,
            },
      authorityKey,
      kind: partnershipKind as CheckedPartnership["kind"],
      signedOn,
      status: status as CheckedPartnership["status"],
    },
  };
}
