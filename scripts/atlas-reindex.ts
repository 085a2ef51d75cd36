import { rebuildAtlasIndex } from "../src/modules/atlas/project-index";
import { openConfiguredDatabase, runScript } from "./database";

/** Rebuilds the Atlas search rows of every project (after a bulk change made outside the portal). */
await runScript(async () => {
  const database = await openConfiguredDatabase();
  const started = Date.now();
  await rebuildAtlasIndex(database.db, (done, total) => {
    if (done === total || done % 100_000 < 5_000)
      console.log(
        `${done.toLocaleString("fr-FR")} / ${total.toLocaleString("fr-FR")} projets indexés`,
      );
  });
  console.log(`Index de recherche reconstruit en ${Math.round((Date.now() - started) / 1000)} s.`);
  await database.close();
});
