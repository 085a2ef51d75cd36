import { and, eq, sql } from "drizzle-orm";
import { actorFor } from "../tests/support/actors";
import { Random } from "../src/demo/random";
import {
  apdTotals,
  declaredYears,
  importLines,
  startDeclaration,
  submitDeclaration,
} from "../src/modules/apd/index";
import { totalGroups } from "../src/modules/apd/codes";
import { apdCampaigns, apdDeclarations } from "../src/modules/apd/schema";
import { type Database, rowsOf } from "../src/platform/db/client";
import { percentile } from "./percentile";

type Emit = (metric: string, value: number, unit: string) => void;

const RECIPIENTS = ["SN", "ML", "BF", "MA", "TN", "MG", "CM", "BJ", "HT", "VN", "298", "998"];
const PURPOSES = ["14030", "12220", "11220", "15150", "31120", "43030", "16066", "23210"];
const CHANNELS = ["direct", "ong", "collectivite", "multilateral"];

/**
 * Every grouping of the statistics, for each declared year and for all years together, run
 * straight on the database (the pages cache them; this is the cold cost).
 */
async function benchStatistics(database: Database, emit: Emit) {
  const years = await declaredYears(database.db);
  const [{ lines }] = rowsOf<{ lines: number }>(
    await database.db.execute(
      sql`SELECT count(*)::int AS lines FROM apd_submission_lines WHERE counted`,
    ),
  );
  emit("apd_statistics.counted_lines", lines, "lines");
  const every: number[] = [];
  for (const groupBy of [...totalGroups, "continent"] as const) {
    const timings: number[] = [];
    for (let n = 0; n < 24; n += 1) {
      const year = n % 4 === 3 ? null : (years[n % 4]?.year ?? null);
      const started = performance.now();
      await apdTotals(database.db, { year, groupBy, limit: groupBy === "collectivite" ? 50 : 0 });
      if (n >= 4) timings.push(performance.now() - started); // the first ones warm the caches
    }
    timings.sort((a, b) => a - b);
    emit(`apd_statistics.${groupBy}.p95_ms`, percentile(timings, 95), "ms");
    every.push(...timings);
  }
  every.sort((a, b) => a - b);
  emit("apd_statistics.all_queries.p50_ms", percentile(every, 50), "ms");
  emit("apd_statistics.all_queries.p95_ms", percentile(every, 95), "ms");
}

/** A 200-line file as an agent would fill the template. */
function linesFile(random: Random) {
  const rows = ["pays;code_secteur;montant;type_flux;canal;projet_atlas;description"];
  for (let n = 0; n < 200; n += 1)
    rows.push(
      [
        random.pick(RECIPIENTS),
        random.pick(PURPOSES),
        `${random.int(500, 90_000)},${String(random.int(0, 99)).padStart(2, "0")}`,
        "don",
        random.pick(CHANNELS),
        "",
        `Action ${n + 1}`,
      ].join(";"),
    );
  return Buffer.from(rows.join("\n"));
}

/** The measured declarations' year: far from the demo's, and removed after each run. */
const BENCH_YEAR = 2099;

/**
 * Removes what the submission measure wrote (declarations, their lines and submissions by
 * cascade, their summed cells, their campaign), so every run measures the same data.
 */
async function forgetBenchDeclarations({ db }: Database) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM apd_declarations WHERE year = ${BENCH_YEAR}`);
    await tx.execute(sql`DELETE FROM apd_total_cells WHERE year = ${BENCH_YEAR}`);
    await tx.execute(sql`DELETE FROM apd_campaigns WHERE year = ${BENCH_YEAR}`);
  });
}

/**
 * Declarations of 200 lines each, imported then submitted (new version, frozen lines,
 * counted flags, PDF receipt, mail in the outbox), in a campaign of their own.
 */
async function benchSubmission(database: Database, publicUrl: string, emit: Emit) {
  const { db } = database;
  const year = BENCH_YEAR;
  await forgetBenchDeclarations(database);
  const today = new Date().toISOString().slice(0, 10);
  await db
    .insert(apdCampaigns)
    .values({
      year,
      opensOn: today,
      closesOn: "2100-06-30",
      message: "",
      openedByLabel: "Mesure des performances",
    })
    .onConflictDoNothing();
  const daect = await actorFor(db, "daect@example.org");
  const collectivites = rowsOf<{ id: number }>(
    await db.execute(sql`
      SELECT c.id FROM register_collectivites c
       WHERE NOT EXISTS (SELECT 1 FROM apd_declarations d
                          WHERE d.collectivite_id = c.id AND d.year = ${year})
       ORDER BY c.id LIMIT 33`),
  );
  const random = new Random(2099);
  const imports: number[] = [];
  const submissions: number[] = [];
  for (const [n, { id: collectiviteId }] of collectivites.entries()) {
    const declarationId = await startDeclaration(db, daect, collectiviteId, year);
    // Each change names the version its form was opened on, as a page does.
    const versionOf = async () => {
      const [{ version }] = await db
        .select({ version: apdDeclarations.version })
        .from(apdDeclarations)
        .where(and(eq(apdDeclarations.id, declarationId), eq(apdDeclarations.year, year)));
      return String(version);
    };
    const opened = await versionOf();
    let started = performance.now();
    await importLines(
      db,
      daect,
      declarationId,
      { name: "lignes.csv", content: linesFile(random) },
      { replace: false, version: opened },
    );
    const imported = performance.now() - started;
    const version = await versionOf();
    started = performance.now();
    await submitDeclaration(db, daect, declarationId, version, publicUrl);
    const submitted = performance.now() - started;
    if (n >= 3) {
      imports.push(imported);
      submissions.push(submitted);
    }
  }
  await forgetBenchDeclarations(database);
  imports.sort((a, b) => a - b);
  submissions.sort((a, b) => a - b);
  emit("apd_import_200_lines.p95_ms", percentile(imports, 95), "ms");
  emit("apd_submission_200_lines.p50_ms", percentile(submissions, 50), "ms");
  emit("apd_submission_200_lines.p95_ms", percentile(submissions, 95), "ms");
}

export async function benchApd(options: { database: Database; publicUrl: string; emit: Emit }) {
  await benchStatistics(options.database, options.emit);
  await benchSubmission(options.database, options.publicUrl, options.emit);
}
