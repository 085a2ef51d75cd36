import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { insertInChunks } from "../../platform/db/bulk";
import { systemState } from "../../platform/jobs/schema";
import { cities, codes, countries, epciMembers, territorialUnits } from "../schema";
import { foreignCityRows } from "./cities";
import { codeRows } from "./codelists";
import { countryRows } from "./countries";
import { territoryRows } from "./territories";

const STATE_KEY = "reference_data_fingerprint";

/**
 * Loads the reference tables from the packages and data files, once: a fingerprint of
 * the loaded content is kept, so a start-up with unchanged reference data does nothing
 * and an upgraded package reloads the tables in one transaction.
 */
export async function loadReferenceData(database: Database): Promise<"loaded" | "unchanged"> {
  const countryList = countryRows();
  const territories = territoryRows();
  const cityList = foreignCityRows();
  const codeList = codeRows();
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify([
        countryList,
        territories.units.length,
        territories.members.length,
        cityList.length,
        codeList,
      ]),
    )
    .digest("hex");

  const [current] = await database.db
    .select()
    .from(systemState)
    .where(eq(systemState.key, STATE_KEY));
  if (current?.value === fingerprint) return "unchanged";

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
