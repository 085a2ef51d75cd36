import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

/** Fails when the schema in code has changes that no committed migration holds. */
const before = readdirSync("db/migrations").length;
const output = execFileSync("npx", ["drizzle-kit", "generate", "--name=drift-check"], {
  encoding: "utf8",
});
const after = readdirSync("db/migrations").length;
if (after !== before) {
  console.error(
    "Le schéma a changé sans migration : lancez npm run db:generate et committez la migration.",
  );
  console.error(output);
  process.exit(1);
}
console.log("Aucune dérive entre le schéma et les migrations.");
