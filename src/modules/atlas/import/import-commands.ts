import { desc, eq, inArray } from "drizzle-orm";
import { recordChange } from "../../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../../platform/auth/actor";
import type { Db } from "../../../platform/db/client";
import { Invalid, NotFound } from "../../../platform/errors";
import { authorize } from "../../../platform/policy";
import { MAX_FUNDING_LINES } from "../editing/project-input";
import {
  type CheckedPartnership,
  type CheckedProject,
  checkPartnershipRow,
  checkProjectRow,
  projectLookups,
} from "./check-rows";
import { loadImportContext } from "./import-context";
import { type ImportError, type ImportKind, atlasImports, importKinds } from "./import-schema";
import { yieldToEventLoop } from "../../../platform/event-loop";
import { transition } from "../../../platform/workflow/transition";
import { importWorkflow } from "./import-workflow";
import { readImportFile } from "../../../platform/files/read-table-file";
import { acceptedColumns } from "./templates";
import { writePartnerships, writeProjects } from "./write-rows";
import { markChanged } from "../../../platform/changes";
import { parseInput } from "../../../platform/validation";
import { z } from "zod";

const CHECK_CHUNK = 500;

function checkHeaders(kind: ImportKind, headers: string[]) {
  const accepted = acceptedColumns(kind, MAX_FUNDING_LINES);
  const known = new Set(accepted.map((column) => column.name));
  const problems = [
    ...headers
      .filter((header) => header && !known.has(header))
      .map((header) => `la colonne « ${header} » n'est pas une colonne du modèle`),
    ...accepted
      .filter((column) => column.required && !headers.includes(column.name))
      .map((column) => `la colonne obligatoire « ${column.name} » manque`),
  ];
  if (problems.length > 0) {
    const message = `Ligne 1 (noms des colonnes) : ${problems.join(" ; ")}. Partez du modèle à télécharger.`;
    throw new Invalid({ fichier: message }, message);
  }
}

/**
 * The DAECT uploads a file: it is read and its columns checked at once (a file that cannot
 * be read is refused with its reason); its rows are then checked and written by `done`,
 * whose progress the import's page shows.
 */
export async function startImport(
  db: Db,
  actor: Actor,
  input: { kind: string; filename: string; content: Buffer },
) {
  authorize(actor, "atlas:import");
  const { kind } = parseInput(
    z.object({
      kind: z.enum(importKinds, {
        message: "Choisissez ce que le fichier contient : projets ou partenariats.",
      }),
      fichier: z.string().min(1, "Choisissez le fichier à importer (CSV ou Excel)."),
    }),
    { kind: input.kind, fichier: input.filename },
  );
  const { headers, rows } = await readImportFile(input.filename, input.content);
  checkHeaders(kind, headers);
  const label = auditActorOf(actor);
  const [created] = await db
    .insert(atlasImports)
    .values({
      kind,
      filename: input.filename,
      totalRows: rows.length,
      rows,
      createdByUserId: label.userId,
      createdByLabel: label.label,
    })
    .returning({ id: atlasImports.id });
  const done = runImport(db, created.id).catch(async (error: unknown) => {
    await failImport(db, created.id, "Erreur pendant l'import");
    throw error;
  });
  return { id: created.id, done };
}

async function runImport(db: Db, importId: number) {
  const [job] = await db.select().from(atlasImports).where(eq(atlasImports.id, importId));
  const rows = job.rows ?? [];
  const context = await loadImportContext(db, job.kind, rows);
  const errors: ImportError[] = [];
  const projects: CheckedProject[] = [];
  const partnerships: CheckedPartnership[] = [];
  const lookups = projectLookups(context);
  const seen = new Map<string, number>();
  for (let start = 0; start < rows.length; start += CHECK_CHUNK) {
    for (const row of rows.slice(start, start + CHECK_CHUNK)) {
      const checked =
        job.kind === "projects"
          ? checkProjectRow(row, context, lookups)
          : checkPartnershipRow(row, context, seen);
      if (!checked.ok) errors.push(...checked.errors);
      else if (job.kind === "projects") projects.push(checked.value as CheckedProject);
      else partnerships.push(checked.value as CheckedPartnership);
    }
    await db
      .update(atlasImports)
      .set({ checkedRows: Math.min(rows.length, start + CHECK_CHUNK) })
      .where(eq(atlasImports.id, importId));
    await yieldToEventLoop();
  }
  if (errors.length > 0) {
    await db.transaction((tx) =>
      transition(tx, importWorkflow, {
        ...byThePortal(importId, job.version),
        event: "reject",
        reason: `${errors.length} erreur(s)`,
        set: (_job, now) => ({ errors, rows: null, finishedAt: now }),
      }),
    );
    return;
  }
  await db.transaction((tx) =>
    transition(tx, importWorkflow, { ...byThePortal(importId, job.version), event: "start" }),
  );
  await db.transaction(async (tx) => {
    const written =
      job.kind === "projects"
        ? await writeProjects(tx, projects)
        : await writePartnerships(tx, partnerships).then(({ ids: _ids, ...counts }) => counts);
    await recordChange(
      tx,
      { userId: job.createdByUserId, label: job.createdByLabel },
      {
        operation: "create",
        entityType: "atlas_import",
        entityId: importId,
        after: { kind: job.kind, filename: job.filename, ...written },
      },
    );
    // Marked done in the transaction that writes the rows: both happen, or neither.
    await transition(tx, importWorkflow, {
      ...byThePortal(importId, job.version + 1),
      event: "finish",
      set: (_job, now) => ({
        importedRows: rows.length,
        summary: written,
        rows: null,
        finishedAt: now,
      }),
    });
    await markChanged(tx, "atlas");
  });
}

const byThePortal = (id: number, version: number) => ({
  id,
  by: { system: "atlas-import" },
  expectedVersion: version,
});

/** Marks an import failed, unless it already ended. */
async function failImport(db: Db, importId: number, reason: string) {
  await db.transaction(async (tx) => {
    const [job] = await tx
      .select({ version: atlasImports.version, status: atlasImports.status })
      .from(atlasImports)
      .where(eq(atlasImports.id, importId));
    if (!job || (job.status !== "validating" && job.status !== "importing")) return;
    await transition(tx, importWorkflow, {
      ...byThePortal(importId, job.version),
      event: "fail",
      reason,
      set: (_job, now) => ({ rows: null, finishedAt: now }),
    });
  });
}

const publicColumns = {
  id: atlasImports.id,
  kind: atlasImports.kind,
  filename: atlasImports.filename,
  status: atlasImports.status,
  totalRows: atlasImports.totalRows,
  checkedRows: atlasImports.checkedRows,
  importedRows: atlasImports.importedRows,
  errors: atlasImports.errors,
  summary: atlasImports.summary,
  createdByLabel: atlasImports.createdByLabel,
  createdAt: atlasImports.createdAt,
  finishedAt: atlasImports.finishedAt,
};

export async function importReport(db: Db, actor: Actor, importId: number) {
  authorize(actor, "atlas:import");
  const [row] = await db
    .select(publicColumns)
    .from(atlasImports)
    .where(eq(atlasImports.id, importId));
  if (!row) throw new NotFound("Cet import n'existe pas.");
  return row;
}

export async function recentImports(db: Db, actor: Actor) {
  authorize(actor, "atlas:import");
  const { errors: _errors, ...columns } = publicColumns;
  return db.select(columns).from(atlasImports).orderBy(desc(atlasImports.id)).limit(20);
}

/**
 * At start-up: imports cut off by a stop wrote nothing (their transaction was rolled back);
 * they are marked failed so nobody waits for them.
 */
export async function failInterruptedImports(db: Db) {
  const cut = await db
    .select({ id: atlasImports.id })
    .from(atlasImports)
    .where(inArray(atlasImports.status, ["validating", "importing"]));
  for (const { id } of cut) await failImport(db, id, "Import interrompu par un arrêt du portail");
}
