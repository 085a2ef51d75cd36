import { type SQL, and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { organisations } from "../auth/schema";
import type { Queryable } from "../db/client";
import { NotFound } from "../errors";
import { readStoredFile } from "../files/stored-files";
import { type Resource, can } from "../policy";
import { answerableBy } from "./answer";
import type { ConsultationKind } from "./kind";
import { type ConsultationRow, consultations } from "./schema";
import type { OpinionVerdict, OpinionVisibility } from "./verdicts";

export type OpinionState = "awaited" | "given" | "revoked" | "closed";

/** An opinion as one reader may see it. */
export interface OpinionView {
  id: number;
  organisation: string;
  dueOn: string;
  state: OpinionState;
  verdict: OpinionVerdict | null;
  reasoning: string;
  visibility: OpinionVisibility;
  attachmentName: string | null;
  givenAt: string | null;
  /** Who answered: for the asker's side only; others read the organisation's name. */
  givenBy: string | null;
  revokedReason: string;
  /** The reader's own organisation's opinion. */
  own: boolean;
}

const stateOf = (row: ConsultationRow): OpinionState =>
  row.revokedAt ? "revoked" : row.verdict !== null ? "given" : row.closedAt ? "closed" : "awaited";

async function rowsOn(q: Queryable, kind: ConsultationKind, subjectId: number) {
  return q
    .select({ row: consultations, organisation: organisations.name })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .where(
      and(eq(consultations.subjectType, kind.subjectType), eq(consultations.subjectId, subjectId)),
    )
    .orderBy(sql`${organisations.kind} DESC`, organisations.name, consultations.id);
}

/**
 * Who reads which opinion: the asker's side reads every request (revoked ones too); a
 * consulted organisation reads its own and, among the others given, those shared; anyone
 * else (the record's applicant first) reads none.
 */
function readable(
  kind: ConsultationKind,
  actor: Actor,
  resource: Resource,
  rows: readonly ConsultationRow[],
) {
  if (can(actor, kind.askAction, resource))
    return {
      asker: true,
      visible: (_row: ConsultationRow) => true,
      own: (_: ConsultationRow) => false,
    };
  const ownIds = new Set(
    rows.filter((row) => !row.revokedAt && answerableBy(kind, actor, [row])).map((row) => row.id),
  );
  const own = (row: ConsultationRow) => ownIds.has(row.id);
  return {
    asker: false,
    own,
    visible: (row: ConsultationRow) =>
      own(row) ||
      (ownIds.size > 0 && !row.revokedAt && row.verdict !== null && row.visibility === "shared"),
  };
}

/** The opinions on a record the actor may read, and the one it answers, if any. */
export async function opinionsOn(
  q: Queryable,
  kind: ConsultationKind,
  actor: Actor,
  subjectId: number,
  resource: Resource,
) {
  const found = await rowsOn(q, kind, subjectId);
  const { asker, visible, own } = readable(
    kind,
    actor,
    resource,
    found.map((entry) => entry.row),
  );
  const opinions: OpinionView[] = found
    .filter((entry) => visible(entry.row))
    .map(({ row, organisation }) => ({
      id: row.id,
      organisation,
      dueOn: row.dueOn,
      state: stateOf(row),
      verdict: row.verdict,
      reasoning: row.reasoning,
      visibility: row.visibility,
      attachmentName: row.attachmentName,
      givenAt: row.givenAt?.toISOString() ?? null,
      givenBy: asker || own(row) ? row.givenByLabel : null,
      revokedReason: asker ? row.revokedReason : "",
      own: own(row),
    }));
  const mine = opinions.find((opinion) => opinion.own) ?? null;
  const live = found.filter((entry) => !entry.row.revokedAt);
  return {
    asker,
    opinions,
    /** The request the reader answers while it is open. */
    answering: mine && (mine.state === "awaited" || mine.state === "given") ? mine : null,
    asked: live.length,
    given: live.filter((entry) => entry.row.verdict !== null).length,
  };
}

export type OpinionsOn = Awaited<ReturnType<typeof opinionsOn>>;

/**
 * In SQL, "an opinion on this record is still awaited": the same rule as `opinionCounts`
 * (asked, not revoked, not given), for task queues that select records by it.
 */
export const awaitsOpinions = (kind: ConsultationKind, subjectId: SQL) => sql`
  EXISTS (SELECT 1 FROM consultations p
           WHERE p.subject_type = ${kind.subjectType} AND p.subject_id = ${subjectId}
             AND p.revoked_at IS NULL AND p.verdict IS NULL)`;

/** The requests not revoked of records, counted: "3 demandés / 2 rendus". */
export async function opinionCounts(
  q: Queryable,
  kind: ConsultationKind,
  subjectIds: readonly number[],
): Promise<Map<number, { asked: number; given: number; dueOn: string | null }>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await q
    .select({
      subjectId: consultations.subjectId,
      asked: sql<number>`count(*)::int`,
      given: sql<number>`count(${consultations.verdict})::int`,
      dueOn: sql<string | null>`max(${consultations.dueOn})::text`,
    })
    .from(consultations)
    .where(
      and(
        eq(consultations.subjectType, kind.subjectType),
        inArray(consultations.subjectId, [...subjectIds]),
        isNull(consultations.revokedAt),
      ),
    )
    .groupBy(consultations.subjectId);
  return new Map(rows.map(({ subjectId, ...counts }) => [subjectId, counts]));
}

/**
 * An opinion's attachment for a reader who may read the opinion; 404 otherwise (whether
 * it exists is nobody else's business).
 */
export async function opinionAttachment(
  q: Queryable,
  kinds: readonly ConsultationKind[],
  actor: Actor,
  consultationId: number,
) {
  const gone = new NotFound("Cette pièce jointe n'existe pas.");
  const [row] = await q.select().from(consultations).where(eq(consultations.id, consultationId));
  const kind = kinds.find((candidate) => candidate.subjectType === row?.subjectType);
  if (!row || !kind || !row.attachmentKey) throw gone;
  const resource = await kind.resource(q, row.subjectId);
  if (!resource) throw gone;
  const siblings = (await rowsOn(q, kind, row.subjectId)).map((entry) => entry.row);
  if (!readable(kind, actor, resource, siblings).visible(row)) throw gone;
  const file = await readStoredFile(q, row.attachmentKey);
  if (!file) throw gone;
  return {
    fileName: row.attachmentName ?? "avis.pdf",
    mediaType: file.mediaType,
    content: file.content,
  };
}
