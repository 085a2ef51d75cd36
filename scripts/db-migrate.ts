import { migrateDatabase } from "../src/platform/db/migrate";
import { loadReferenceData } from "../src/reference/load/index";
import { openConfiguredDatabase, runScript } from "./database";

await runScript(async () => {
  const database = await openConfiguredDatabase();
  await migrateDatabase(database);
  const reference = await loadReferenceData(database);
  console.log(
    `Migrations appliquées (${database.kind}) ; données de référence : ${reference === "loaded" ? "chargées" : "inchangées"}.`,
  );
  await database.close();
});
