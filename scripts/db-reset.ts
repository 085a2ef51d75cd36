import { sql } from "drizzle-orm";
import { seedDemoDataset } from "../src/demo/seed";
import { loadConfig } from "../src/platform/config";
import { migrateDatabase } from "../src/platform/db/migrate";
import { loadReferenceData } from "../src/reference/load/index";
import { openConfiguredDatabase, runScript } from "./database";

/** Empties the database, migrates it again, reloads the reference data and the demo dataset. */
await runScript(async () => {
  const config = loadConfig();
  const database = await openConfiguredDatabase();
  await database.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await database.db.execute(sql`DROP SCHEMA public CASCADE`);
  await database.db.execute(sql`CREATE SCHEMA public`);
  await migrateDatabase(database);
  await loadReferenceData(database);
  if (config.seedDemo) await seedDemoDataset(database, { scale: 1 });
  console.log(
    `Base réinitialisée (${database.kind})${config.seedDemo ? " avec le jeu de démonstration" : ""}.`,
  );
  await database.close();
});
