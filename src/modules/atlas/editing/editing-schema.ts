import {
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations, users } from "../../../platform/auth/schema";
import { projects } from "../schema";

export const versionedEntities = ["project", "collectivite", "partnership", "authority"] as const;
export type VersionedEntity = (typeof versionedEntities)[number];

/**
 * One row per saved edit of an Atlas record: who, when, the full record after the edit
 * and the fields that changed. Version 1 of a record that came from the initial load or an
 * import has no row: its history starts with the first edit made in the portal.
 */
export const atlasVersions = pgTable(
  "atlas_versions",
  {
    id: serial("id").primaryKey(),
    entityType: text("entity_type", { enum: versionedEntities }).notNull(),
    entityId: integer("entity_id").notNull(),
    version: integer("version").notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    changes: jsonb("changes")
      .$type<Record<string, { before: unknown; after: unknown }>>()
      .notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("atlas_versions_entity_key").on(table.entityType, table.entityId, table.version),
  ],
);

/** A complement added to a project by an embassy, an operator, a network or the DAECT. */
export const projectRemarks = pgTable(
  "atlas_project_remarks",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    authorUserId: integer("author_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("atlas_project_remarks_project_idx").on(table.projectId)],
);
