import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";

export const continents = [
  "Europe",
  "Afrique",
  "Asie",
  "Amérique du Nord",
  "Amérique centrale et Caraïbes",
  "Amérique du Sud",
  "Océanie",
] as const;
export type Continent = (typeof continents)[number];

export const countries = pgTable("ref_countries", {
  code: text("code").primaryKey(), // ISO 3166-1 alpha-2
  alpha3: text("alpha3").notNull(),
  nameFr: text("name_fr").notNull(),
  /** "le Sénégal", "de l'Andorre" and "au Sénégal", "aux Comores", "à Madagascar", "en Haïti". */
  nameWithArticle: text("name_with_article"),
  nameAfterDe: text("name_after_de"),
  nameAfterA: text("name_after_a"),
  continent: text("continent").notNull(),
  /** DAECT geographic zone, used to route questions to the right desk. */
  zone: text("zone").notNull(),
  /** Category on the OECD DAC list of ODA recipients, null when not a recipient. */
  dacCategory: text("dac_category"),
  /** The OECD DAC numeric recipient code (CRS codelist 13: Senegal 269), null when none. */
  dacCode: integer("dac_code"),
  latitude: doublePrecision("latitude"),
  longitude: doublePrecision("longitude"),
});

export const territorialUnitKinds = ["region", "departement", "epci", "commune"] as const;
export type TerritorialUnitKind = (typeof territorialUnitKinds)[number];

/** French régions, départements, EPCI and communes; id is "<kind>:<INSEE or SIREN code>". */
export const territorialUnits = pgTable(
  "ref_territorial_units",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: territorialUnitKinds }).notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /**
     * INSEE "type de nom en clair" (0–8): the article and the "de" the name takes ("le
     * Finistère", "du Finistère"); see platform/french/place-names.ts. None for EPCI.
     */
    tncc: integer("tncc"),
    siren: text("siren"),
    population: integer("population"),
    regionCode: text("region_code"),
    departementCode: text("departement_code"),
    /** Sub-kind: EPCI legal form (CC, CA, CU, METRO, MET69) or commune zone. */
    category: text("category"),
  },
  (table) => [
    index("ref_units_kind_idx").on(table.kind, table.code),
    index("ref_units_region_idx").on(table.regionCode),
    index("ref_units_departement_idx").on(table.departementCode),
  ],
);

/** Communes that belong to an EPCI (intercommunalité). */
export const epciMembers = pgTable(
  "ref_epci_members",
  {
    epciCode: text("epci_code").notNull(),
    communeCode: text("commune_code").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.epciCode, table.communeCode] }),
    index("ref_epci_members_commune_idx").on(table.communeCode),
  ],
);

/** Foreign cities (GeoNames, population ≥ 1000) used to place foreign authorities. */
export const cities = pgTable(
  "ref_cities",
  {
    id: integer("id").primaryKey(), // GeoNames id
    name: text("name").notNull(),
    countryCode: text("country_code").notNull(),
    adminCode: text("admin_code"),
    population: integer("population").notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
  },
  (table) => [index("ref_cities_country_idx").on(table.countryCode, table.population)],
);

/**
 * Code lists (nomenclatures): thématiques, partnership kinds, funding sources,
 * DAC CRS purpose codes and channels, SDGs. One table, one `list` per nomenclature.
 */
export const codes = pgTable(
  "ref_codes",
  {
    list: text("list").notNull(),
    code: text("code").notNull(),
    labelFr: text("label_fr").notNull(),
    labelEn: text("label_en"),
    descriptionFr: text("description_fr"),
    parentCode: text("parent_code"),
    position: integer("position").notNull().default(0),
    isActive: boolean("is_active").notNull().default(true),
  },
  (table) => [
    primaryKey({ columns: [table.list, table.code] }),
    index("ref_codes_parent_idx").on(table.list, table.parentCode),
  ],
);
