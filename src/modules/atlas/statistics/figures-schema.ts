import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * The Atlas's partner figures kept ready for the home page and the open data: for each
 * continent ('' for the whole Atlas) and kind ('collectivite', 'authority', 'country'),
 * every member with the number of partnership links that make it count; 'partnership'
 * holds the number of partnerships. A member counts while its links are above zero, so a
 * write can add and remove links without recounting anything (statistics/partner-figures.ts).
 */
export const partnerFigures = pgTable(
  "atlas_partner_figures",
  {
    continent: text("continent").notNull(),
    kind: text("kind").notNull(),
    member: text("member").notNull(),
    links: integer("links").notNull(),
  },
  (table) => [primaryKey({ columns: [table.continent, table.kind, table.member] })],
);
