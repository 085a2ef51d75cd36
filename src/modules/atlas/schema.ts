import {
  bigint,
  serial,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { collectivites, foreignAuthorities } from "../register/schema";

export const partnershipKinds = [
  "jumelage",
  "convention",
  "pacte_amitie",
  "charte",
  "transfrontaliere",
  "interregionale",
] as const;

export const partnershipStatuses = ["active", "en_sommeil", "terminee"] as const;

export const partnerships = pgTable("atlas_partnerships", {
  id: serial("id").primaryKey(),
  kind: text("kind", { enum: partnershipKinds }).notNull(),
  signedOn: date("signed_on"),
  status: text("status", { enum: partnershipStatuses }).notNull().default("active"),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const partnershipCollectivites = pgTable(
  "atlas_partnership_collectivites",
  {
    partnershipId: integer("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    collectiviteId: integer("collectivite_id")
      .notNull()
      .references(() => collectivites.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.partnershipId, table.collectiviteId] }),
    index("atlas_pc_collectivite_idx").on(table.collectiviteId),
  ],
);

export const partnershipForeignAuthorities = pgTable(
  "atlas_partnership_foreign_authorities",
  {
    partnershipId: integer("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    foreignAuthorityId: integer("foreign_authority_id")
      .notNull()
      .references(() => foreignAuthorities.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.partnershipId, table.foreignAuthorityId] }),
    index("atlas_pfa_authority_idx").on(table.foreignAuthorityId),
  ],
);

export const projectStatuses = ["en_projet", "en_cours", "termine"] as const;

export const projects = pgTable(
  "atlas_projects",
  {
    id: serial("id").primaryKey(),
    title: text("title").notNull(),
    /** One of the five Atlas domains (ref_codes list "domain"), used for statistics. */
    domainCode: text("domain_code").notNull(),
    objectives: text("objectives"),
    description: text("description"),
    history: text("history"),
    context: text("context"),
    startYear: integer("start_year"),
    endYear: integer("end_year"),
    status: text("status", { enum: projectStatuses }).notNull().default("en_cours"),
    totalBudgetCents: bigint("total_budget_cents", { mode: "number" }),
    volunteers: integer("volunteers"),
    /** Partners in France (associations, companies, universities…), one per line. */
    partnersInFrance: text("partners_in_france"),
    /** Partners abroad other than the partner authorities, one per line. */
    partnersAbroad: text("partners_abroad"),
    /** Contact persons (personal data: shown to signed-in users only, never in open data). */
    contacts: text("contacts"),
    leadCollectiviteId: integer("lead_collectivite_id").references(() => collectivites.id),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("atlas_projects_domain_idx").on(table.domainCode),
    index("atlas_projects_lead_idx").on(table.leadCollectiviteId),
  ],
);

export const projectPartnerships = pgTable(
  "atlas_project_partnerships",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    partnershipId: integer("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.partnershipId] }),
    index("atlas_pp_partnership_idx").on(table.partnershipId),
  ],
);

export const projectCountries = pgTable(
  "atlas_project_countries",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    countryCode: text("country_code").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.countryCode] }),
    index("atlas_project_countries_country_idx").on(table.countryCode),
  ],
);

/** Thématiques (ref_codes list "theme") and SDGs (list "sdg") of a project. */
export const projectCodes = pgTable(
  "atlas_project_codes",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    list: text("list", { enum: ["theme", "sdg"] }).notNull(),
    code: text("code").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.list, table.code] }),
    index("atlas_project_codes_code_idx").on(table.list, table.code),
  ],
);

export const projectFundings = pgTable(
  "atlas_project_fundings",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** ref_codes list "funding_source". */
    sourceCode: text("source_code").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  },
  (table) => [index("atlas_project_fundings_project_idx").on(table.projectId)],
);
