import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { tsvector } from "../../platform/db/types";
import { projects } from "./schema";

/**
 * One row per project with every searchable attribute flattened into arrays, so that a
 * search with several filters and its facet counts read a single table through GIN
 * indexes instead of joining seven. Rebuilt for a project by `refreshProjectIndex`
 * whenever the project, its partnerships or its collectivités change.
 */
export const projectIndex = pgTable(
  "atlas_project_index",
  {
    projectId: integer("project_id")
      .primaryKey()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    status: text("status").notNull(),
    startYear: integer("start_year"),
    endYear: integer("end_year"),
    continents: text("continents").array().notNull(),
    countries: text("countries").array().notNull(),
    regions: text("regions").array().notNull(),
    departements: text("departements").array().notNull(),
    collectivites: integer("collectivites").array().notNull(),
    collectiviteKinds: text("collectivite_kinds").array().notNull(),
    themes: text("themes").array().notNull(),
    partnershipKinds: text("partnership_kinds").array().notNull(),
    fundings: text("fundings").array().notNull(),
    sdgs: text("sdgs").array().notNull(),
    /** Names and amounts the result lists and exports show, so they read this table only. */
    collectiviteNames: text("collectivite_names").array().notNull(),
    authorityNames: text("authority_names").array().notNull(),
    fundingLines: jsonb("funding_lines")
      .$type<{ source: string; amountCents: number }[]>()
      .notNull(),
    /** Where the project sits on a map: its first partner city, else its country's centre. */
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** Title (weight A), places and partners (B), texts (C); French, accent-insensitive. */
    document: tsvector("document").notNull(),
  },
  (table) => [
    index("atlas_project_index_document_idx").using("gin", table.document),
    index("atlas_project_index_countries_idx").using("gin", table.countries),
    index("atlas_project_index_continents_idx").using("gin", table.continents),
    index("atlas_project_index_regions_idx").using("gin", table.regions),
    index("atlas_project_index_departements_idx").using("gin", table.departements),
    index("atlas_project_index_collectivites_idx").using("gin", table.collectivites),
    index("atlas_project_index_themes_idx").using("gin", table.themes),
    index("atlas_project_index_kinds_idx").using("gin", table.collectiviteKinds),
    index("atlas_project_index_partnership_kinds_idx").using("gin", table.partnershipKinds),
    index("atlas_project_index_fundings_idx").using("gin", table.fundings),
    index("atlas_project_index_sdgs_idx").using("gin", table.sdgs),
    index("atlas_project_index_title_idx").on(table.title, table.projectId),
    index("atlas_project_index_start_idx").on(table.startYear, table.projectId),
    // The default order of a search ("most recent first") read straight from an index.
    index("atlas_project_index_recent_idx").on(
      sql`coalesce(${table.startYear}, 0) DESC`,
      sql`${table.projectId} DESC`,
    ),
  ],
);

/**
 * Facet counts of the search without filters and of every one-value search, kept by the
 * write path (see search/facet-counts.ts).
 */
export const facetCounts = pgTable(
  "atlas_facet_counts",
  {
    filter: text("filter").notNull(),
    facet: text("facet").notNull(),
    value: text("value").notNull(),
    projects: integer("projects").notNull(),
  },
  (table) => [primaryKey({ columns: [table.filter, table.facet, table.value] })],
);

/**
 * The CSV export's line of each project up to its long texts, written once by the write
 * path (see export/csv-in-sql.ts): labels, lists, amounts and quoting cost about 30 µs a
 * line, which an export of 300,000 projects would otherwise pay each time.
 */
export const exportLines = pgTable("atlas_export_lines", {
  projectId: integer("project_id")
    .primaryKey()
    .references(() => projectIndex.projectId, { onDelete: "cascade" }),
  head: text("head").notNull(),
});
