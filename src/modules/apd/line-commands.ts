import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../platform/auth/actor";
import type { Db, Tx } from "../../platform/db/client";
import { Invalid, NotFound } from "../../platform/errors";
import { checkboxField, parseInput } from "../../platform/validation";
import { lockForChange, touchDeclaration } from "./declaration-access";
import { type ApdLine, lineReferences, lineSchema } from "./line-input";
import { apdDeclarations, apdLines } from "./schema";
import { countOf } from "../../platform/french/counts";

type Values = Record<string, string | undefined>;

/** Appends lines after the last one of the working copy. */
export async function appendLines(tx: Tx, declarationId: number, lines: ApdLine[]) {
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(${apdLines.position}), 0)::int` })
    .from(apdLines)
    .where(eq(apdLines.declarationId, declarationId));
  const rows = lines.map((line, i) => ({ ...line, declarationId, position: last + i + 1 }));
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(apdLines).values(rows.slice(i, i + 500));
}

/** A stored line as the journal shows it: its declared fields only. */
const lineOf = ({
  id: _id,
  declarationId: _d,
  position: _p,
  ...fields
}: typeof apdLines.$inferSelect) => fields;

async function checkedLine(tx: Tx, collectiviteId: number, values: Values) {
  const projectIds = values.projectId ? [String(values.projectId).trim()] : [];
  return parseInput(lineSchema(await lineReferences(tx, collectiviteId, projectIds)), values);
}

export async function addLine(db: Db, actor: Actor, declarationId: number, values: Values) {
  return db.transaction(async (tx) => {
    const { declaration } = await lockForChange(tx, actor, declarationId, values.version);
    const line = await checkedLine(tx, declaration.collectiviteId, values);
    await appendLines(tx, declarationId, [line]);
    await tx
      .update(apdDeclarations)
      .set({ isNil: false })
      .where(eq(apdDeclarations.id, declarationId));
    await touchDeclaration(tx, actor, declarationId, { after: { lineAdded: line } });
  });
}

export async function updateLine(
  db: Db,
  actor: Actor,
  declarationId: number,
  lineId: number,
  values: Values,
) {
  return db.transaction(async (tx) => {
    const { declaration } = await lockForChange(tx, actor, declarationId, values.version);
    const line = await checkedLine(tx, declaration.collectiviteId, values);
    const [before] = await tx
      .select()
      .from(apdLines)
      .where(and(eq(apdLines.id, lineId), eq(apdLines.declarationId, declarationId)));
    if (!before) throw new NotFound("Cette ligne n'existe pas (ou plus).");
    await tx.update(apdLines).set(line).where(eq(apdLines.id, lineId));
    await touchDeclaration(tx, actor, declarationId, {
      before: { line: { id: lineId, ...lineOf(before) } },
      after: { line: { id: lineId, ...line } },
    });
  });
}

export async function deleteLine(
  db: Db,
  actor: Actor,
  declarationId: number,
  lineId: number,
  version: string | undefined,
) {
  return db.transaction(async (tx) => {
    await lockForChange(tx, actor, declarationId, version);
    const [deleted] = await tx
      .delete(apdLines)
      .where(and(eq(apdLines.id, lineId), eq(apdLines.declarationId, declarationId)))
      .returning();
    if (!deleted) throw new NotFound("Cette ligne n'existe pas (ou plus).");
    await touchDeclaration(tx, actor, declarationId, {
      before: { line: { id: lineId, ...lineOf(deleted) } },
      after: { lineDeleted: lineId },
    });
  });
}

const nilSchema = z.object({ isNil: checkboxField("Déclaration néant") });

/** "Déclaration néant": nothing spent this year. Refused while lines remain. */
export async function setNilDeclaration(
  db: Db,
  actor: Actor,
  declarationId: number,
  values: Values,
) {
  const { isNil } = parseInput(nilSchema, values);
  return db.transaction(async (tx) => {
    await lockForChange(tx, actor, declarationId, values.version);
    if (isNil) {
      const [{ count }] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(apdLines)
        .where(eq(apdLines.declarationId, declarationId));
      if (count > 0)
        throw new Invalid({
          isNil: `La déclaration contient ${countOf(count, "ligne", "lignes", "f")} : supprimez-les avant de la déclarer néant.`,
        });
    }
    await tx.update(apdDeclarations).set({ isNil }).where(eq(apdDeclarations.id, declarationId));
    await touchDeclaration(tx, actor, declarationId, { after: { isNil } });
  });
}
