import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import { seedDemoDataset } from "../src/demo/seed";
import { organisations } from "../src/platform/auth/schema";
import { migrateDatabase } from "../src/platform/db/migrate";
import { loadReferenceData } from "../src/reference/load/index";
import { openConfiguredDatabase, runScript } from "./database";

/** npm run seed -- --scale N [--seed S]: fills an empty database with the demo dataset. */
await runScript(async () => {
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "1" }, seed: { type: "string", default: "2026" } },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!Number.isFinite(scale) || scale < 1 || scale > 1000)
    throw new Error("--scale doit être un nombre entre 1 et 1000.");
  if (!Number.isInteger(seed)) throw new Error("--seed doit être un entier.");
  const database = await openConfiguredDatabase();
  await migrateDatabase(database);
  await loadReferenceData(database);
  const [{ value }] = await database.db.select({ value: count() }).from(organisations);
  if (value > 0)
    throw new Error("La base contient déjà des données : lancez d'abord npm run db:reset.");
  const started = Date.now();
  const plan = await seedDemoDataset(database, {
    scale,
    seed,
    onStep: (step, seconds) => console.log(`  ${step} : ${seconds.toFixed(1)} s`),
  });
  console.log(
    `Jeu de démonstration (échelle ${scale}) : ${plan.collectivites.length} collectivités, ${plan.authorities.length} autorités étrangères, ${plan.partnerships.length} partenariats en ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  await database.close();
});
