import { frenchEuros } from "../../../platform/french-format";
import type { ComparedField } from "../../../platform/errors";
import { atlasDomains } from "../../../reference/data/themes";
import type { AtlasLabels } from "../labels";
import { foreignAuthorityKindLabels } from "../fiches/partner-fiches";
import { partnershipStatusLabels, projectStatusLabels } from "../labels";
import type { VersionedEntity } from "./editing-schema";
import type { Changes, Snapshot } from "./versions";

type Formatter = (value: unknown, labels: AtlasLabels) => string;

const euros = (cents: unknown) => (typeof cents === "number" ? frenchEuros(cents) : "");
const plain: Formatter = (value) =>
  value === null || value === undefined || value === "" ? "" : String(value);
const codes =
  (list: keyof AtlasLabels): Formatter =>
  (value, labels) =>
    Array.isArray(value) ? value.map((code) => labels[list].get(code) ?? code).join(" ; ") : "";
const domainLabels = new Map<string, string>(atlasDomains.map((d) => [d.code, d.label]));

interface FieldDisplay {
  label: string;
  format?: Formatter;
}

const projectFields: Record<string, FieldDisplay> = {
  title: { label: "Titre" },
  domainCode: {
    label: "Domaine principal",
    format: (v) => domainLabels.get(String(v)) ?? plain(v, {} as AtlasLabels),
  },
  themes: { label: "Thématiques", format: codes("theme") },
  sdgs: { label: "Objectifs de développement durable", format: codes("sdg") },
  countries: { label: "Pays concernés", format: codes("country") },
  status: { label: "Statut", format: (v) => projectStatusLabels[String(v)] ?? "" },
  startYear: { label: "Année de début" },
  endYear: { label: "Année de fin" },
  objectives: { label: "Objectifs" },
  description: { label: "Description" },
  context: { label: "Contexte" },
  history: { label: "Historique" },
  totalBudgetCents: { label: "Budget total", format: euros },
  volunteers: { label: "Volontaires" },
  partnersInFrance: { label: "Partenaires en France" },
  partnersAbroad: { label: "Partenaires à l'étranger" },
  contacts: { label: "Contacts" },
  partnershipIds: {
    label: "Partenariats",
    format: (v) => (Array.isArray(v) ? v.map((id) => `n° ${id}`).join(", ") : ""),
  },
  fundings: {
    label: "Financements",
    format: (v, labels) =>
      Array.isArray(v)
        ? v
            .map(
              (line: { sourceCode: string; amountCents: number }) =>
                `${labels.funding.get(line.sourceCode) ?? line.sourceCode} : ${euros(line.amountCents)}`,
            )
            .join(" ; ")
        : "",
  },
};

const collectiviteFields: Record<string, FieldDisplay> = {
  electedOfficialName: { label: "Élu(e) en charge : nom" },
  electedOfficialTitle: { label: "Élu(e) en charge : fonction" },
  contactName: { label: "Agent en charge : nom" },
  contactTitle: { label: "Agent en charge : fonction" },
  contactEmail: { label: "Agent en charge : adresse électronique" },
  contactPhone: { label: "Agent en charge : téléphone" },
  hasInternationalService: {
    label: "Service des relations internationales",
    format: (v) => (v ? "Oui" : "Non"),
  },
  staffFte: { label: "Effectif (ETP)" },
  yearlyBudgetCents: { label: "Budget annuel de l'action extérieure", format: euros },
  website: { label: "Site internet" },
  presentation: { label: "Présentation" },
};

const partnershipFields: Record<string, FieldDisplay> = {
  kind: {
    label: "Type de partenariat",
    format: (v, labels) => labels.partnershipKind.get(String(v)) ?? "",
  },
  signedOn: {
    label: "Date de signature",
    format: (v) => (typeof v === "string" ? v.split("-").reverse().join("/") : ""),
  },
  status: { label: "Statut", format: (v) => partnershipStatusLabels[String(v)] ?? "" },
};

const authorityFields: Record<string, FieldDisplay> = {
  name: { label: "Nom" },
  kind: { label: "Type d'autorité", format: (v) => foreignAuthorityKindLabels[String(v)] ?? "" },
  city: { label: "Ville" },
  position: { label: "Position (latitude ; longitude)" },
};

const fieldsOf: Record<VersionedEntity, Record<string, FieldDisplay>> = {
  authority: authorityFields,
  project: projectFields,
  collectivite: collectiviteFields,
  partnership: partnershipFields,
};

function describe(entity: VersionedEntity, field: string, value: unknown, labels: AtlasLabels) {
  const display = fieldsOf[entity][field];
  return (display?.format ?? plain)(value, labels) || "(vide)";
}

/** The changes of one version, field by field, in French and in the form's order. */
export function describeChanges(
  entity: VersionedEntity,
  changes: Changes,
  labels: AtlasLabels,
): ComparedField[] {
  return Object.keys(fieldsOf[entity])
    .filter((field) => field in changes)
    .map((field) => ({
      field,
      label: fieldsOf[entity][field].label,
      before: describe(entity, field, changes[field].before, labels),
      after: describe(entity, field, changes[field].after, labels),
    }));
}

/** Where two versions of a record differ (the stored one and the one just typed). */
export function compareSnapshots(
  entity: VersionedEntity,
  stored: Snapshot,
  typed: Snapshot,
  labels: AtlasLabels,
): ComparedField[] {
  const changes: Changes = {};
  for (const field of Object.keys(fieldsOf[entity])) {
    if (JSON.stringify(stored[field] ?? null) !== JSON.stringify(typed[field] ?? null))
      changes[field] = { before: stored[field], after: typed[field] };
  }
  return describeChanges(entity, changes, labels);
}
