import { type SQL, sql } from "drizzle-orm";

/**
 * Countries of the ISO list that are never a foreign partner: France and its overseas
 * (their collectivités are French collectivités, in the register), and lands without
 * inhabitants (Antarctica, Bouvet Island, Heard and McDonald Islands, the United States
 * Minor Outlying Islands, South Georgia).
 */
const NOT_PARTNERS = [
  "FR",
  "GF",
  "GP",
  "MQ",
  "RE",
  "YT",
  "PM",
  "BL",
  "MF",
  "NC",
  "PF",
  "WF",
  "TF",
  "AQ",
  "BV",
  "HM",
  "UM",
  "GS",
] as const;

const notPartners: ReadonlySet<string> = new Set(NOT_PARTNERS);

/** Whether a country may be a partner country (of a partnership, a project, a request). */
export const isPartnerCountry = (code: string) => !notPartners.has(code);

/** The same test in SQL, on a column of country codes written in the query's text. */
export const partnerCountrySql = (column: string): SQL =>
  sql`${sql.raw(column)} NOT IN (${sql.join(
    NOT_PARTNERS.map((code) => sql`${code}`),
    sql`, `,
  )})`;
