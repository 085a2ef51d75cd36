import { z } from "zod";
import {
  codeField,
  codeListField,
  optionalEurosField,
  optionalIntegerField,
  optionalTextField,
  textField,
} from "../../../platform/validation";
import { atlasDomains } from "../../../reference/data/themes";
import type { AtlasLabels } from "../labels";
import { projectStatuses } from "../schema";

/** How many funding lines a form or an import row may carry. */
export const MAX_FUNDING_LINES = 8;

/** Fields of a project that hold several values (checkboxes and multiple selects). */
export const projectListFields = ["themes", "sdgs", "countries", "partnershipIds"] as const;

const domainCodes = new Set<string>(atlasDomains.map((domain) => domain.code));
const LONG_TEXT = 5_000;

/**
 * The editable content of a project, as the edit form, the creation form and the bulk
 * import all give it. Field names are the form's; messages name the field in French.
 */
export function projectInputSchema(labels: AtlasLabels) {
  const fundingLine = (n: number) => ({
    [`fundingSource${n}`]: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      codeField(`La source du financement n° ${n}`, labels.funding).optional(),
    ),
    [`fundingAmount${n}`]: optionalEurosField(`Le montant du financement n° ${n}`),
  });
  const fundingFields = Object.assign(
    {},
    ...Array.from({ length: MAX_FUNDING_LINES }, (_, i) => fundingLine(i + 1)),
  ) as Record<string, z.ZodType>;

  return z
    .object({
      title: textField("Le titre", 200),
      domainCode: codeField("Le domaine principal", domainCodes),
      themes: codeListField("La liste des thématiques", labels.theme, {
        min: 1,
        minMessage: "Cochez au moins une thématique.",
      }),
      sdgs: codeListField("La liste des ODD", labels.sdg),
      countries: codeListField("La liste des pays", labels.partnerCountry, {
        min: 1,
        minMessage: "Choisissez au moins un pays concerné.",
      }),
      status: z.enum(projectStatuses, {
        message: "Le statut doit être « En projet », « En cours » ou « Terminé ».",
      }),
      startYear: optionalIntegerField("L'année de début", 1950, 2100),
      endYear: optionalIntegerField("L'année de fin", 1950, 2100),
      objectives: optionalTextField("Le texte des objectifs", LONG_TEXT),
      description: optionalTextField("La description", LONG_TEXT),
      context: optionalTextField("Le contexte", LONG_TEXT),
      history: optionalTextField("L'historique", LONG_TEXT),
      totalBudgetCents: optionalEurosField("Le budget total"),
      volunteers: optionalIntegerField("Le nombre de volontaires", 0, 100_000),
      partnersInFrance: optionalTextField("La liste des partenaires en France", LONG_TEXT),
      partnersAbroad: optionalTextField("La liste des partenaires à l'étranger", LONG_TEXT),
      contacts: optionalTextField("La liste des contacts", LONG_TEXT),
      partnershipIds: z
        .preprocess(
          (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
          z.array(z.string().regex(/^\d{1,9}$/, "Un partenariat choisi n'est pas valide.")),
        )
        .transform((ids) => [...new Set(ids.map(Number))].sort((a, b) => a - b)),
      ...fundingFields,
    })
    .superRefine((value, context) => {
      if (value.startYear !== null && value.endYear !== null && value.endYear < value.startYear) {
        context.addIssue({
          code: "custom",
          path: ["endYear"],
          message: `L'année de fin (${value.endYear}) précède l'année de début (${value.startYear}).`,
        });
      }
      const lines = fundingLinesOf(value);
      for (const line of lines) {
        if (line.sourceCode && line.amountCents === null)
          context.addIssue({
            code: "custom",
            path: [`fundingAmount${line.n}`],
            message: `Indiquez le montant du financement n° ${line.n}.`,
          });
        if (!line.sourceCode && line.amountCents !== null)
          context.addIssue({
            code: "custom",
            path: [`fundingSource${line.n}`],
            message: `Choisissez la source du financement n° ${line.n}.`,
          });
      }
      const funded = lines.reduce((sum, line) => sum + (line.amountCents ?? 0), 0);
      if (value.totalBudgetCents !== null && funded > value.totalBudgetCents) {
        context.addIssue({
          code: "custom",
          path: ["totalBudgetCents"],
          message: "Le budget total est inférieur à la somme des financements indiqués.",
        });
      }
    })
    .transform((parsed) => {
      const value: Record<string, unknown> = { ...parsed };
      const fundings = fundingLinesOf(value)
        .filter((line) => line.sourceCode && line.amountCents !== null)
        .map((line) => ({
          sourceCode: line.sourceCode as string,
          amountCents: line.amountCents as number,
        }));
      for (let n = 1; n <= MAX_FUNDING_LINES; n++) {
        delete value[`fundingSource${n}`];
        delete value[`fundingAmount${n}`];
      }
      return { ...(value as unknown as ProjectCoreInput), fundings };
    });
}

type ProjectCoreInput = {
  title: string;
  domainCode: string;
  themes: string[];
  sdgs: string[];
  countries: string[];
  status: (typeof projectStatuses)[number];
  startYear: number | null;
  endYear: number | null;
  objectives: string | null;
  description: string | null;
  context: string | null;
  history: string | null;
  totalBudgetCents: number | null;
  volunteers: number | null;
  partnersInFrance: string | null;
  partnersAbroad: string | null;
  contacts: string | null;
  partnershipIds: number[];
};

/** A project's editable content: the same shape is stored in its versions. */
export type ProjectInput = ProjectCoreInput & {
  fundings: { sourceCode: string; amountCents: number }[];
};

function fundingLinesOf(value: Record<string, unknown>) {
  return Array.from({ length: MAX_FUNDING_LINES }, (_, i) => ({
    n: i + 1,
    sourceCode: (value[`fundingSource${i + 1}`] as string | undefined) ?? null,
    amountCents: (value[`fundingAmount${i + 1}`] as number | null | undefined) ?? null,
  }));
}

/** The form fields of a stored project, to fill the edit form. */
export function projectFormValues(project: ProjectInput): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(project)) {
    if (key === "fundings") continue;
    if (Array.isArray(value)) values[key] = value.map(String);
    else if (key === "totalBudgetCents")
      values[key] = value === null ? "" : centsToText(value as number);
    else values[key] = value === null ? "" : String(value);
  }
  project.fundings.forEach((line, i) => {
    values[`fundingSource${i + 1}`] = line.sourceCode;
    values[`fundingAmount${i + 1}`] = centsToText(line.amountCents);
  });
  return values;
}

/** Cents as the text a French user types back: "12500,50" or "12500". */
export function centsToText(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, "0")}`;
}
