import { desc, eq, and, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { auditLog } from "./schema";

export async function listAuditEntries(
  q: Queryable,
  filter: { entityType?: string; entityId?: string; limit?: number } = {},
) {
  const conditions: SQL[] = [];
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  return q
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit ?? 200);
}
