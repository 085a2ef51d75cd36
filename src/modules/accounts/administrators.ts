import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";

/**
 * The organisation has an active administrator. One condition for the approvers of an
 * access request (its check, its task queue, its mail) and for the rule that an
 * organisation with members keeps an administrator.
 */
export const administeredCondition = (organisationId: SQL | number) => sql`
  EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id AND u.is_active
           WHERE m.organisation_id = ${organisationId} AND m.is_admin)`;

export async function hasAdministrator(q: Queryable, organisationId: number | null) {
  if (organisationId === null) return false;
  const [row] = rowsOf<{ found: boolean }>(
    await q.execute(sql`SELECT ${administeredCondition(organisationId)} AS found`),
  );
  return row.found;
}
