import { and, eq, sql } from "drizzle-orm";
import { type Db, type Queryable, type Tx, rowsOf } from "../db/client";
import { deadlineFirings } from "./schema";

/** One moment a rule falls due for one record. */
export interface Due {
  recordId: number;
  /** Names the due date, so that a moved date (a renewal) fires again. */
  occurrence: string;
}

/**
 * "Do X days before / on / after a date": `due` lists the records whose moment has come
 * (the rule's own query, checked again by the claim), `fire` does the work in the
 * transaction that claims the firing and returns what it counted.
 */
export interface DeadlineRule<Item extends Due = Due> {
  name: string;
  due: (q: Queryable, now: Date) => Promise<Item[]>;
  fire: (tx: Tx, item: Item, context: DeadlineContext) => Promise<number | undefined>;
}

export interface DeadlineContext {
  now: Date;
  /** The portal's address, for the links of the mails a rule writes. */
  publicUrl: string;
}

/** The day `days` after (or before, when negative) an ISO date, as an ISO date. */
export const dayOffset = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface Firing {
  rule: string;
  recordId: number;
  occurrence: string;
  outcome: number;
  /** What the rule's `due` listed. */
  item: Due;
}

/**
 * Runs every rule: each due (record, occurrence) is claimed by a row inserted in its own
 * transaction with the work; a second process inserting the same row waits for the first
 * and then finds it taken, so the work is done once. A failing firing leaves no claim.
 */
export async function runDeadlines(
  db: Db,
  // biome-ignore lint/suspicious/noExplicitAny: each rule lists and fires its own items.
  rules: readonly DeadlineRule<any>[],
  context: DeadlineContext,
): Promise<Firing[]> {
  const { now } = context;
  const fired: Firing[] = [];
  for (const rule of rules) {
    for (const item of await rule.due(db, now)) {
      const outcome = await db.transaction(async (tx) => {
        const claimed = rowsOf(
          await tx.execute(sql`
            INSERT INTO deadline_firings (rule, record_id, occurrence, fired_at)
            VALUES (${rule.name}, ${item.recordId}, ${item.occurrence}, ${now})
            ON CONFLICT DO NOTHING RETURNING rule`),
        );
        if (claimed.length === 0) return null;
        const counted = (await rule.fire(tx, item, context)) ?? 0;
        await tx
          .update(deadlineFirings)
          .set({ outcome: counted })
          .where(
            and(
              eq(deadlineFirings.rule, rule.name),
              eq(deadlineFirings.recordId, item.recordId),
              eq(deadlineFirings.occurrence, item.occurrence),
            ),
          );
        return counted;
      });
      if (outcome !== null)
        fired.push({
          rule: rule.name,
          recordId: item.recordId,
          occurrence: item.occurrence,
          outcome,
          item,
        });
    }
  }
  return fired;
}

/** The firings of one rule for one record, oldest first (a dashboard's "done" list). */
export async function firingsOf(q: Queryable, rule: string, recordId: number) {
  return q
    .select()
    .from(deadlineFirings)
    .where(and(eq(deadlineFirings.rule, rule), eq(deadlineFirings.recordId, recordId)))
    .orderBy(deadlineFirings.firedAt);
}
