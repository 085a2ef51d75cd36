import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations } from "../../platform/auth/schema";
import { tsvector } from "../../platform/db/types";
import { collectiviteKinds, foreignAuthorityKinds } from "./codes";

export { collectiviteKinds, type CollectiviteKind, foreignAuthorityKinds } from "./codes";

/**
 * The register of organisations: the French collectivités (by their official unit, INSEE
 * or SIREN) and the foreign local authorities the portal knows, with the public profile
 * each maintains. The State's services are the platform's `organisations`. Other modules
 * read these tables through the register's index and write them through its commands.
 */

/** A French collectivité active abroad, linked to its official territorial unit. */
export const collectivites = pgTable(
  "register_collectivites",
  {
    id: serial("id").primaryKey(),
    unitId: text("unit_id").notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id),
    kind: text("kind", { enum: collectiviteKinds }).notNull(),
    name: text("name").notNull(),
    regionCode: text("region_code"),
    departementCode: text("departement_code"),
    electedOfficialName: text("elected_official_name"),
    electedOfficialTitle: text("elected_official_title"),
    contactName: text("contact_name"),
    contactTitle: text("contact_title"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    hasInternationalService: boolean("has_international_service").notNull().default(false),
    staffFte: numeric("staff_fte", { precision: 6, scale: 2 }),
    yearlyBudgetCents: bigint("yearly_budget_cents", { mode: "number" }),
    website: text("website"),
    presentation: text("presentation"),
    /** A commune merged into a commune nouvelle: the entry that now acts in its place. */
    replacedById: integer("replaced_by_id").references((): AnyPgColumn => collectivites.id),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('french_unaccent', coalesce(name, '') || ' ' || coalesce(presentation, ''))`,
    ),
  },
  (table) => [
    uniqueIndex("register_collectivites_unit_key").on(table.unitId),
    index("register_collectivites_region_idx").on(table.regionCode),
    index("register_collectivites_name_idx").on(table.name),
    index("register_collectivites_search_idx").using("gin", table.search),
  ],
);

export const foreignAuthorities = pgTable(
  "register_foreign_authorities",
  {
    id: serial("id").primaryKey(),
    organisationId: integer("organisation_id").references(() => organisations.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: foreignAuthorityKinds }).notNull(),
    countryCode: text("country_code").notNull(),
    cityId: integer("city_id"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('french_unaccent', coalesce(name, ''))`,
    ),
  },
  (table) => [
    index("register_foreign_authorities_country_idx").on(table.countryCode),
    index("register_foreign_authorities_search_idx").using("gin", table.search),
  ],
);
