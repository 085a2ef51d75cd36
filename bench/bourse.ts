import { sql } from "drizzle-orm";
import { evaluateSuggestions, rankCollectivites } from "../src/modules/bourse/index";
import { type Database, rowsOf } from "../src/platform/db/client";
import { percentile } from "./percentile";

type Emit = (metric: string, value: number, unit: string) => void;

/** How many Atlas partnerships are hidden to measure the suggestions. */
const HELD_OUT = 200;

/**
 * The match suggestions: their quality on held-out Atlas partnerships (recall, mean
 * reciprocal rank, median rank, beside a ranking by experience alone) and the time to
 * rank every collectivité for one published request.
 */
export async function benchBourse({ database, emit }: { database: Database; emit: Emit }) {
  const evaluation = await evaluateSuggestions(database.db, HELD_OUT);
  emit("bourse_suggestions.held_out_partnerships", evaluation.heldOutPartnerships, "partnerships");
  emit("bourse_suggestions.collectivites", evaluation.collectivites, "collectivites");
  emit(
    "bourse_suggestions.with_other_partnerships.held_out",
    evaluation.withOtherPartnerships.heldOut,
    "partnerships",
  );
  for (const [name, figures] of [
    ["suggestions", evaluation.suggestions],
    ["with_other_partnerships", evaluation.withOtherPartnerships],
    ["by_experience_only", evaluation.byExperienceOnly],
  ] as const) {
    emit(`bourse_suggestions.${name}.recall_at_10`, figures.recallAt10, "ratio");
    emit(`bourse_suggestions.${name}.recall_at_50`, figures.recallAt50, "ratio");
    emit(`bourse_suggestions.${name}.mean_reciprocal_rank`, figures.meanReciprocalRank, "ratio");
    if (figures.medianRank !== null)
      emit(`bourse_suggestions.${name}.median_rank`, figures.medianRank, "rank");
  }
  const requests = rowsOf<{
    country_code: string;
    themes: string[];
    partner_kind: string;
    partner_size: string;
  }>(
    await database.db.execute(sql`
      SELECT country_code, themes, partner_kind, partner_size FROM bourse_requests
       WHERE status IN ('published', 'in_contact') ORDER BY id LIMIT 24`),
  );
  const timings: number[] = [];
  for (const [n, request] of requests.entries()) {
    const started = performance.now();
    await rankCollectivites(
      database.db,
      {
        countryCode: request.country_code,
        themes: request.themes,
        partnerKind: request.partner_kind,
        partnerSize: request.partner_size,
      },
      { limit: 10 },
    );
    if (n >= 4) timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  emit("bourse_suggestions.rank_request.p95_ms", percentile(timings, 95), "ms");
}
