/**
 * A second portal process in miniature: opens its own connection to the database named on
 * the command line and runs every deadline rule once, as the hourly job does, then prints
 * what it fired as JSON.
 */
import { deadlineRules as apd } from "../../src/modules/apd/index";
import { deadlineRules as atlas } from "../../src/modules/atlas/index";
import { deadlineRules as bourse } from "../../src/modules/bourse/index";
import { openDatabase } from "../../src/platform/db/client";
import { runDeadlines } from "../../src/platform/deadlines/scheduler";

const [databaseUrl, now] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl, poolSize: 2 });
try {
  const fired = await runDeadlines(database.db, [...apd, ...bourse, ...atlas], {
    now: new Date(now),
    publicUrl: "http://portail.test",
  });
  process.stdout.write(
    JSON.stringify(fired.map(({ rule, recordId, occurrence }) => ({ rule, recordId, occurrence }))),
  );
} finally {
  await database.close();
}
