import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One counter per published topic (Atlas, e-APD, Bourse), raised in the transaction of every
 * write that changes what the public pages show. Every portal instance reads it: caches and
 * ETags keyed on it are right on all instances the moment the write commits.
 */
export const dataVersions = pgTable("platform_data_versions", {
  topic: text("topic").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull(),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});
