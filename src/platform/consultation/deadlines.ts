import { sql } from "drizzle-orm";
import { systemActor, recordChange } from "../audit/audit";
import { mailMembers } from "../auth/member-addresses";
import { rowsOf } from "../db/client";
import type { DeadlineRule, Due } from "../deadlines/scheduler";
import { longDate, parisDay } from "../french-format";
import { holdersOf } from "../policy";
import { type ConsultationKind, subjectOf } from "./kind";
import { consultationMails } from "./mails";
import { frenchOrder } from "../db/french-order";

/** The consulted organisation is reminded this many days before the due date. */
export const OPINION_REMINDER_DAYS = 3;

const awaited = (kind: ConsultationKind) => sql`
  subject_type = ${kind.subjectType} AND verdict IS NULL
  AND revoked_at IS NULL AND closed_at IS NULL`;

/**
 * A kind's two deadlines: each unanswered request is reminded once, three days before its
 * date (if it was asked earlier than that); the day after the date, the asker's side is
 * told once which organisations did not answer.
 */
export function consultationRules(kind: ConsultationKind): DeadlineRule<Due>[] {
  const reminder: DeadlineRule<Due> = {
    name: `consultation:${kind.subjectType}:reminder`,
    async due(q, now) {
      const today = parisDay(now);
      const rows = rowsOf<{ id: number; due_on: string }>(
        await q.execute(sql`
          SELECT id, due_on::text FROM consultations
           WHERE ${awaited(kind)} AND due_on >= ${today}::date
             AND due_on - ${OPINION_REMINDER_DAYS}::int <= ${today}::date
             AND (requested_at AT TIME ZONE 'Europe/Paris')::date < due_on - ${OPINION_REMINDER_DAYS}::int`),
      );
      return rows.map((row) => ({ recordId: row.id, occurrence: row.due_on }));
    },
    async fire(tx, { recordId, occurrence }, { publicUrl }) {
      const [row] = rowsOf<{ subject_id: number; organisation_id: number }>(
        await tx.execute(sql`
          SELECT subject_id, organisation_id FROM consultations
           WHERE id = ${recordId} AND ${awaited(kind)} FOR UPDATE`),
      );
      if (!row) return 0;
      const about = (await kind.describe(tx, [row.subject_id])).get(row.subject_id);
      if (!about) return 0;
      await mailMembers(
        tx,
        holdersOf(kind.answerAction, { organisationIds: [row.organisation_id] }),
        {
          ...consultationMails.reminder(
            { kind, subject: about, url: publicUrl + about.href },
            { dueOn: longDate(occurrence) },
          ),
          template: `${kind.templatePrefix}-opinion-reminder`,
          idempotencyKey: `${kind.mailKey}:opinion:${recordId}:reminder:${occurrence}`,
        },
      );
      return 1;
    },
  };
  const overdue: DeadlineRule<Due> = {
    name: `consultation:${kind.subjectType}:overdue`,
    async due(q, now) {
      const rows = rowsOf<{ subject_id: number; due_on: string }>(
        await q.execute(sql`
          SELECT DISTINCT subject_id, due_on::text FROM consultations
           WHERE ${awaited(kind)} AND due_on < ${parisDay(now)}::date
           ORDER BY 1, 2`),
      );
      return rows.map((row) => ({ recordId: row.subject_id, occurrence: row.due_on }));
    },
    async fire(tx, { recordId, occurrence }, { publicUrl }) {
      const missing = rowsOf<{ name: string }>(
        await tx.execute(sql`
          SELECT o.name FROM consultations c JOIN organisations o ON o.id = c.organisation_id
           WHERE c.subject_id = ${recordId} AND c.due_on = ${occurrence}::date
             AND c.subject_type = ${kind.subjectType} AND c.verdict IS NULL
             AND c.revoked_at IS NULL AND c.closed_at IS NULL
           ORDER BY ${frenchOrder("o.name")}`),
      ).map((row) => row.name);
      const subject = await subjectOf(tx, kind, recordId);
      if (missing.length === 0 || !subject) return 0;
      const { resource, about } = subject;
      await mailMembers(tx, holdersOf(kind.askAction, resource), {
        ...consultationMails.overdue(
          { kind, subject: about, url: publicUrl + about.href },
          { missing },
        ),
        template: `${kind.templatePrefix}-opinions-deadline`,
        idempotencyKey: `${kind.mailKey}:${recordId}:deadline:${occurrence}`,
      });
      await recordChange(tx, systemActor, {
        operation: "update",
        entityType: kind.subjectType,
        entityId: recordId,
        after: { missingOpinions: missing.length },
      });
      return missing.length;
    },
  };
  return [reminder, overdue];
}
