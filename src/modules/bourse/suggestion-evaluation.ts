import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { rankCollectivites } from "./suggestions";
import { collectivites, foreignAuthorities } from "../register/index";
import {
  projectPartnerships as atlasProjectPartnerships,
  partnershipCollectivites as atlasPartnershipCollectivites,
  partnershipForeignAuthorities as atlasPartnershipForeignAuthorities,
  projectCodes as atlasProjectCodes,
  partnerships as atlasPartnerships,
} from "../atlas/index";

interface HeldOut {
  partnership_id: number;
  collectivite_id: number;
  country_code: string;
  themes: string[];
}

const recallAt = (ranks: (number | null)[], k: number) =>
  ranks.filter((rank) => rank !== null && rank <= k).length / Math.max(1, ranks.length);

const round = (value: number) => Math.round(value * 1000) / 1000;

function summary(ranks: (number | null)[]) {
  const found = ranks.filter((rank): rank is number => rank !== null).sort((a, b) => a - b);
  return {
    recallAt1: round(recallAt(ranks, 1)),
    recallAt10: round(recallAt(ranks, 10)),
    recallAt50: round(recallAt(ranks, 50)),
    meanReciprocalRank: round(
      ranks.reduce<number>((sum, rank) => sum + (rank ? 1 / rank : 0), 0) /
        Math.max(1, ranks.length),
    ),
    medianRank: found.length > ranks.length / 2 ? found[Math.floor(ranks.length / 2)] : null,
  };
}

/**
 * Measures the suggestions on partnerships they have not seen: each sampled Atlas
 * partnership (one French collectivité, themed projects) is hidden with its projects, and
 * turned into the request it could have come from (its country, its projects'
 * thématiques, any kind and size). Its collectivité should rank high among all of them.
 * The same figures for a ranking by experience alone (most partnerships first) tell what
 * the reasons add.
 */
export async function evaluateSuggestions(q: Queryable, sampleSize: number) {
  const candidates = rowsOf<HeldOut>(
    await q.execute(sql`
      SELECT p.id AS partnership_id, min(pc.collectivite_id) AS collectivite_id,
             min(fa.country_code) AS country_code,
             array_agg(DISTINCT k.code) AS themes
        FROM ${atlasPartnerships} p
        JOIN ${atlasPartnershipCollectivites} pc ON pc.partnership_id = p.id
        JOIN ${atlasPartnershipForeignAuthorities} pfa ON pfa.partnership_id = p.id
        JOIN ${foreignAuthorities} fa ON fa.id = pfa.foreign_authority_id
        JOIN ${atlasProjectPartnerships} pp ON pp.partnership_id = p.id
        JOIN ${atlasProjectCodes} k ON k.project_id = pp.project_id AND k.list = 'theme'
       GROUP BY p.id
      HAVING count(DISTINCT pc.collectivite_id) = 1 AND count(DISTINCT fa.country_code) = 1
       ORDER BY p.id`),
  );
  // An even spread over the Atlas, the same on every run.
  const step = Math.max(1, Math.floor(candidates.length / Math.max(1, sampleSize)));
  const sample = candidates.filter((_, i) => i % step === 0).slice(0, sampleSize);
  const experience = rowsOf<{ id: number }>(
    await q.execute(sql`
      SELECT c.id FROM ${collectivites} c
        LEFT JOIN ${atlasPartnershipCollectivites} pc ON pc.collectivite_id = c.id
       GROUP BY c.id ORDER BY count(pc.partnership_id) DESC, c.id`),
  ).map((row) => row.id);
  const ranks: (number | null)[] = [];
  const baseline: (number | null)[] = [];
  // Held-out partnerships whose collectivité has other partnerships: the Atlas holds evidence.
  const experienced: (number | null)[] = [];
  const partnershipCount = new Map(
    rowsOf<{ id: number; n: number }>(
      await q.execute(sql`
        SELECT collectivite_id AS id, count(*)::int AS n FROM ${atlasPartnershipCollectivites} GROUP BY 1`),
    ).map((row) => [row.id, row.n]),
  );
  let candidateCount = 0;
  for (const held of sample) {
    const ranked = await rankCollectivites(
      q,
      {
        countryCode: held.country_code,
        themes: held.themes,
        partnerKind: "any",
        partnerSize: "any",
      },
      { excludePartnershipId: held.partnership_id },
    );
    candidateCount += ranked.length;
    const position = ranked.findIndex((row) => row.id === held.collectivite_id);
    ranks.push(position >= 0 ? position + 1 : null);
    if ((partnershipCount.get(held.collectivite_id) ?? 0) > 1)
      experienced.push(position >= 0 ? position + 1 : null);
    const byExperience = experience.indexOf(held.collectivite_id);
    baseline.push(byExperience >= 0 ? byExperience + 1 : null);
  }
  return {
    heldOutPartnerships: sample.length,
    collectivites: experience.length,
    meanCandidates: Math.round(candidateCount / Math.max(1, sample.length)),
    suggestions: summary(ranks),
    withOtherPartnerships: { heldOut: experienced.length, ...summary(experienced) },
    byExperienceOnly: summary(baseline),
  };
}
