import { amountInputText } from "../../platform/french-format";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { checkInput, codeField, eurosField, optionalTextField } from "../../platform/validation";
import {
  type ApdChannel,
  type ApdFlow,
  type PolicyMarkerField,
  apdChannelLabels,
  apdFlowLabels,
  apdRegions,
  policyMarkers,
} from "./codes";
import { projectsOfCollectivite } from "../atlas/index";
import { frenchOrder } from "../../platform/db/french-order";

/** One line of a declaration, as stored, with its policy markers (0, 1 or 2). */
export interface ApdLine extends Record<PolicyMarkerField, number> {
  recipientCode: string;
  purposeCode: string;
  amountCents: number;
  flow: ApdFlow;
  channel: ApdChannel;
  projectId: number | null;
  description: string;
}

/** The form fields of a line; the import's columns map onto them (import-lines.ts). */
export const lineFields = [
  "recipientCode",
  "purposeCode",
  "amount",
  "flow",
  "channel",
  "projectId",
  "description",
  ...policyMarkers.map((marker) => marker.field),
] as const;

/**
 * A policy marker typed as 0, 1 or 2; left blank it is 0 (not targeted), as the CRS reads
 * an empty marker.
 */
const markerField = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || /^[012]$/.test(value), {
      message: `Le marqueur « ${label} » vaut 0 (non ciblé), 1 (objectif significatif) ou 2 (objectif principal).`,
    })
    .transform((value) => Number(value || 0));

const markerFields = Object.fromEntries(
  policyMarkers.map((marker) => [marker.field, markerField(marker.label)]),
) as Record<PolicyMarkerField, ReturnType<typeof markerField>>;

/** What a line is checked against: the DAC list, the CRS purposes, the collectivité's projects. */
export interface LineReferences {
  /** Countries on the DAC list of ODA recipients and "multi-pays" regions, code → label. */
  recipients: ReadonlyMap<string, string>;
  /** Active DAC CRS purpose codes (5 digits), code → French label. */
  purposes: ReadonlyMap<string, string>;
  /** The Atlas projects of the declaring collectivité, id → title. */
  projects: ReadonlyMap<string, string>;
}

/**
 * What lines are checked against. With `projectIds`, only those projects are looked up
 * (checking a file or a line); without, the collectivité's projects are listed for the form.
 */
export async function lineReferences(
  q: Queryable,
  collectiviteId: number,
  projectIds?: readonly string[],
): Promise<LineReferences> {
  // One after the other: inside a transaction the three share one connection.
  const countryRows = await q.execute(sql`SELECT code, name_fr AS label FROM ref_countries
                   WHERE dac_category IS NOT NULL ORDER BY ${frenchOrder("name_fr")}`);
  const purposeRows = await q.execute(sql`SELECT code, label_fr AS label FROM ref_codes
                   WHERE list = 'dac_purpose' AND is_active ORDER BY code`);
  const wanted = (projectIds ?? []).filter((id) => /^\d{1,9}$/.test(id)).map(Number);
  const projects = await projectsOfCollectivite(
    q,
    collectiviteId,
    projectIds === undefined ? {} : { ids: wanted },
  );
  const pairs = (result: unknown) =>
    rowsOf<{ code: string; label: string }>(result).map(
      (row) => [row.code, row.label] as [string, string],
    );
  return {
    recipients: new Map([
      ...pairs(countryRows),
      ...apdRegions.map((region) => [region.code, region.label] as [string, string]),
    ]),
    purposes: new Map(pairs(purposeRows)),
    projects: new Map(projects),
  };
}

export const lineSchema = (refs: LineReferences) =>
  z
    .object({
      recipientCode: z
        .string({ message: "Le pays bénéficiaire est obligatoire." })
        .trim()
        .toUpperCase()
        .min(1, "Le pays bénéficiaire est obligatoire.")
        .refine(
          (code) => refs.recipients.has(code),
          "Le pays bénéficiaire doit figurer sur la liste CAD des pays bénéficiaires de l'APD (ou choisissez « multi-pays » pour une région).",
        ),
      purposeCode: z
        .string({ message: "Le secteur (code CAD) est obligatoire." })
        .trim()
        .min(1, "Le secteur (code CAD) est obligatoire.")
        .refine(
          (code) => refs.purposes.has(code),
          "Le secteur doit être un code-objet CAD à 5 chiffres de la liste du CRS (exemple : 14030 pour l'eau potable).",
        ),
      amount: eurosField("Le montant"),
      flow: codeField("Le type de flux", new Map(Object.entries(apdFlowLabels))),
      channel: codeField("Le canal", new Map(Object.entries(apdChannelLabels))),
      projectId: z
        .string()
        .trim()
        .optional()
        .refine(
          (id) => !id || refs.projects.has(id),
          "Le projet doit être une fiche-projet de l'Atlas de votre collectivité.",
        ),
      description: optionalTextField("La description", 1_000),
      ...markerFields,
    })
    .transform(
      (input): ApdLine => ({
        recipientCode: input.recipientCode,
        purposeCode: input.purposeCode,
        amountCents: input.amount,
        flow: input.flow as ApdFlow,
        channel: input.channel as ApdChannel,
        projectId: input.projectId ? Number(input.projectId) : null,
        description: input.description ?? "",
        ...(Object.fromEntries(
          policyMarkers.map((marker) => [marker.field, input[marker.field]]),
        ) as Record<PolicyMarkerField, number>),
      }),
    );

/** A line typed in the form or read from a file: the line, or one French message per field. */
export const checkLine = (values: Record<string, string | undefined>, refs: LineReferences) =>
  checkInput(lineSchema(refs), values);

/** A stored line as the form shows it. */
export function lineFormValues(line: ApdLine): Record<string, string> {
  return {
    recipientCode: line.recipientCode,
    purposeCode: line.purposeCode,
    amount: amountInputText(line.amountCents),
    flow: line.flow,
    channel: line.channel,
    projectId: line.projectId === null ? "" : String(line.projectId),
    description: line.description,
    ...Object.fromEntries(
      policyMarkers.map((marker) => [marker.field, String(line[marker.field])]),
    ),
  };
}
