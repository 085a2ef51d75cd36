import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { insertInChunks } from "../../platform/db/bulk";
import { systemState } from "../../platform/jobs/schema";
import { cities, codes, countries, epciMembers, territorialUnits } from "../schema";
import { citySource, foreignCityRows, frenchCityNames } from "./cities";
import { codeRows } from "./codelists";
import { countryRows } from "./countries";
import { packageVersion } from "./package-data";
import { territoryRows, territorySource } from "./territories";

const STATE_KEY = "reference_data_fingerprint";

/**
 * Raise when `territoryRows` or `foreignCityRows` write different rows from the same
 * packages (a new column, a new rule): the tables are then loaded again. (The code's own
 * text would not do: it differs between the built server and the sources run by tsx.)
 */
const LARGE_LISTS_FORMAT = 2;

/**
 * Loads the reference tables from the packages and data files, once: a fingerprint of
 * what they are made from is kept, so a start-up with unchanged reference data does nothing
 * and an upgraded package reloads the tables in one transaction. The fingerprint holds
 * the small lists themselves, and for the large ones (35,000 communes, 138,000 cities)
 * their package's version and the format of their rows: reading them at every
 * start-up would cost each instance a hundred megabytes.
 */
export async function loadReferenceData(database: Database): Promise<"loaded" | "unchanged"> {
  const countryList = countryRows();
  const codeList = codeRows();
  const cityNames = frenchCityNames();
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify([
        countryList,
        codeList,
        cityNames,
        packageVersion(territorySource),
        packageVersion(citySource),
        LARGE_LISTS_FORMAT,
      ]),
    )
    .digest("hex");

  const [current] = await database.db
    .select()
    .from(systemState)
    .where(eq(systemState.key, STATE_KEY));
  if (current?.value === fingerprint) return "unchanged";

  const territories = territoryRows();
  const cityList = foreignCityRows(new Map(cityNames));

  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql`TRUNCATE ref_countries, ref_territorial_units, ref_epci_members, ref_cities, ref_codes`,
    );
    await insertInChunks(tx, countries, countryList);
    await insertInChunks(tx, territorialUnits, territories.units);
    await insertInChunks(tx, epciMembers, territories.members);
    await insertInChunks(tx, cities, cityList);
    await insertInChunks(tx, codes, codeList);
    await tx
      .insert(systemState)
      .values({ key: STATE_KEY, value: fingerprint })
      .onConflictDoUpdate({
        target: systemState.key,
        set: { value: fingerprint, updatedAt: new Date() },
      });
  });
  return "loaded";
}
