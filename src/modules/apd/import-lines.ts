import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { Db } from "../../platform/db/client";
import { Invalid } from "../../platform/errors";
import { normalizeHeader, readImportFile } from "../../platform/files/read-table-file";
import { type TemplateColumn, templateFile } from "../../platform/files/template-file";
import { parseRows } from "../../platform/validation";
import { apdChannelLabels, apdFlowLabels, apdRegions, policyMarkers } from "./codes";
import { lockForChange, touchDeclaration } from "./declaration-access";
import { lineReferences, lineSchema } from "./line-input";
import { appendLines } from "./line-commands";
import { apdDeclarations, apdLines } from "./schema";

/** The import file's columns, each filling one field of the line form. */
export const lineImportColumns: (TemplateColumn & { field: string })[] = [
  {
    name: "pays",
    field: "recipientCode",
    required: true,
    description: `Pays bénéficiaire : code ISO à 2 lettres (SN) ou nom (Sénégal), sur la liste CAD des bénéficiaires de l'APD ; pour une aide multi-pays, le code CAD de la région (${apdRegions.map((r) => `${r.code} ${r.label}`).join(", ")})`,
    example: "SN",
  },
  {
    name: "code_secteur",
    field: "purposeCode",
    required: true,
    description:
      "Code-objet CAD du CRS à 5 chiffres (exemple : 14030 eau potable et assainissement de base)",
    example: "14030",
  },
  {
    name: "montant",
    field: "amount",
    required: true,
    description: "Montant en euros, supérieur à zéro (exemple : 12 500,50)",
    example: "12500,50",
  },
  {
    name: "type_flux",
    field: "flow",
    required: true,
    description: "don ou prêt",
    example: "don",
  },
  {
    name: "canal",
    field: "channel",
    required: true,
    description: `direct (${apdChannelLabels.direct}), ong (${apdChannelLabels.ong}), collectivite (${apdChannelLabels.collectivite}) ou multilateral (${apdChannelLabels.multilateral})`,
    example: "direct",
  },
  {
    name: "projet_atlas",
    field: "projectId",
    required: false,
    description: "Numéro de la fiche-projet de l'Atlas de votre collectivité (facultatif)",
    example: "",
  },
  {
    name: "description",
    field: "description",
    required: false,
    description: "Description de l'action (1 000 caractères au plus)",
    example: "Adduction d'eau potable à Dogo",
  },
  ...policyMarkers.map((marker) => ({
    name: marker.column,
    field: marker.field,
    required: false,
    description: `Marqueur de l'OCDE « ${marker.label} » : 0 non ciblé, 1 objectif significatif, 2 objectif principal (vide : 0)`,
    example: marker.field === "markerGender" ? "1" : "0",
  })),
];

export const lineImportTemplate = (format: "csv" | "xlsx") =>
  templateFile(lineImportColumns, format, {
    file: "modele-import-lignes-apd",
    sheet: "Lignes APD",
  });

const plain = (value: string) => normalizeHeader(value).replace(/_/g, " ");

/** Codes a person may type for the coded columns: the code or its French label. */
function aliases(recipients: ReadonlyMap<string, string>) {
  const recipient = new Map<string, string>();
  for (const [code, label] of recipients) {
    recipient.set(plain(code), code);
    recipient.set(plain(label), code);
  }
  const flow = new Map<string, string>();
  for (const [code, label] of Object.entries(apdFlowLabels)) {
    flow.set(plain(code), code);
    flow.set(plain(label), code);
  }
  const channel = new Map<string, string>();
  for (const [code, label] of Object.entries(apdChannelLabels)) {
    channel.set(plain(code), code);
    channel.set(plain(label), code);
  }
  return { recipient, flow, channel };
}

/**
 * Reads a CSV or XLSX file of lines into the working copy, all or nothing: if one line is
 * wrong, nothing is imported and every bad line is listed with its column and message.
 */
export async function importLines(
  db: Db,
  actor: Actor,
  declarationId: number,
  file: { name: string; content: Buffer },
  options: { replace: boolean; version: string | undefined },
) {
  const { headers, rows } = await readImportFile(file.name, file.content);
  const missing = lineImportColumns.filter((c) => c.required && !headers.includes(c.name));
  if (missing.length > 0)
    throw new Invalid({
      fichier: `${missing.length > 1 ? "Colonnes manquantes" : "Colonne manquante"} : ${missing.map((c) => c.name).join(", ")}. Partez du modèle à télécharger.`,
    });
  return db.transaction(async (tx) => {
    const { declaration } = await lockForChange(tx, actor, declarationId, options.version);
    const projectIds = rows.map((row) => (row.projet_atlas ?? "").trim()).filter(Boolean);
    const refs = await lineReferences(tx, declaration.collectiviteId, projectIds);
    const known = aliases(refs.recipients);
    // File columns are named in French; the same schema as the form checks every line.
    const lines = await parseRows(
      lineSchema(refs),
      rows.map((row) => {
        const values: Record<string, string> = {};
        for (const column of lineImportColumns) values[column.field] = row[column.name] ?? "";
        values.recipientCode =
          known.recipient.get(plain(values.recipientCode)) ?? values.recipientCode;
        values.flow = known.flow.get(plain(values.flow)) ?? values.flow;
        values.channel = known.channel.get(plain(values.channel)) ?? values.channel;
        return { line: Number(row._line), values };
      }),
      (field) => lineImportColumns.find((column) => column.field === field)?.name ?? field,
    );
    if (options.replace) await tx.delete(apdLines).where(eq(apdLines.declarationId, declarationId));
    await appendLines(tx, declarationId, lines);
    await tx
      .update(apdDeclarations)
      .set({ isNil: false })
      .where(eq(apdDeclarations.id, declarationId));
    await touchDeclaration(tx, actor, declarationId, {
      after: { linesImported: lines.length, replaced: options.replace },
    });
    return { imported: lines.length };
  });
}
