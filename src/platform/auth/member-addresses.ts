import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../db/client";
import { type MailContent, enqueueMail } from "../mail/outbox";

/**
 * The addresses of the active members of the organisations matching `which` (a condition
 * on `o`, the organisations table): how the portal writes to an embassy or to the DAECT.
 */
export async function memberAddresses(q: Queryable, which: SQL): Promise<string[]> {
  const rows = rowsOf<{ email: string }>(
    await q.execute(sql`
      SELECT DISTINCT lower(u.email) AS email
        FROM organisations o
        JOIN memberships m ON m.organisation_id = o.id
        JOIN users u ON u.id = m.user_id AND u.is_active
       WHERE ${which}
       ORDER BY 1`),
  );
  return rows.map((row) => row.email);
}

/**
 * Writes one mail to each active member of the organisations matching `which`, keyed per
 * address so that a repeated change queues nothing more. Call it inside the change's
 * transaction.
 */
export async function mailMembers(
  q: Queryable,
  which: SQL,
  mail: MailContent & { template: string; idempotencyKey: string },
) {
  for (const to of await memberAddresses(q, which))
    await enqueueMail(q, { ...mail, to, idempotencyKey: `${mail.idempotencyKey}:${to}` });
}
