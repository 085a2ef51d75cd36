import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, openTestDatabase } from "../../../tests/support/database";
import { rowsOf } from "../../platform/db/client";
import { rankCollectivites, requestsForCollectivite } from "./index";
import { type MatchFeatures, scoreMatch, sizeFits } from "./match-score";

const none: MatchFeatures = {
  themeProjects: 0,
  countryLinks: 0,
  nearLinks: 0,
  allPartnerships: 0,
  kind: "commune",
  population: 50_000,
};
const wanted = {
  country: "Sénégal",
  themeNames: ["Eau et assainissement"],
  partnerKind: "commune",
  partnerSize: "medium",
};

describe("the match score", () => {
  it("ranks a collectivité with projects on the thématique and a presence in the country first, and says why", () => {
    const present = scoreMatch({ ...none, themeProjects: 3, countryLinks: 2 }, wanted);
    const nearby = scoreMatch({ ...none, nearLinks: 2 }, wanted);
    const unknown = scoreMatch({ ...none, kind: "region", population: 3_000_000 }, wanted);
    expect(present.score).toBeGreaterThan(nearby.score);
    expect(nearby.score).toBeGreaterThan(unknown.score);
    expect(present.reasons).toEqual([
      "3 projets en eau et assainissement",
      "déjà présente dans le pays, Sénégal (2 partenariats ou projets)",
      "le type de collectivité recherché",
      "la taille recherchée",
    ]);
    expect(nearby.reasons[0]).toBe("2 partenariats dans des pays voisins");
    expect(unknown.reasons).toEqual([]);
  });

  it("reads the size bands of the request form", () => {
    expect(sizeFits("small", 19_999)).toBe(true);
    expect(sizeFits("small", 20_000)).toBe(false);
    expect(sizeFits("medium", 20_000)).toBe(true);
    expect(sizeFits("large", 200_000)).toBe(true);
    expect(sizeFits("any", 5_000)).toBe(false);
    expect(sizeFits("medium", null)).toBe(false);
  });
});

describe("suggestions from the demo Atlas", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  /** A partnership of a collectivité with no other one in that country, and its theme. */
  const lonePartnership = async () => {
    const [row] = rowsOf<{ partnership: number; cid: number; country: string; theme: string }>(
      await database.db.execute(sql`
        WITH links AS (
          SELECT pc.partnership_id, pc.collectivite_id, fa.country_code,
                 count(*) OVER (PARTITION BY pc.collectivite_id, fa.country_code) AS in_country
            FROM atlas_partnership_collectivites pc
            JOIN atlas_partnership_foreign_authorities pfa ON pfa.partnership_id = pc.partnership_id
            JOIN register_foreign_authorities fa ON fa.id = pfa.foreign_authority_id)
        SELECT l.partnership_id AS partnership, l.collectivite_id AS cid, l.country_code AS country,
               min(k.code) AS theme
          FROM links l
          JOIN atlas_project_partnerships pp ON pp.partnership_id = l.partnership_id
          JOIN atlas_project_codes k ON k.project_id = pp.project_id AND k.list = 'theme'
         WHERE l.in_country = 1
           AND NOT EXISTS (SELECT 1 FROM atlas_project_countries c
                            JOIN atlas_project_partnerships o ON o.project_id = c.project_id
                           WHERE c.country_code = l.country_code AND o.partnership_id <> l.partnership_id
                             AND o.partnership_id IN (SELECT partnership_id FROM atlas_partnership_collectivites
                                                       WHERE collectivite_id = l.collectivite_id))
         GROUP BY 1, 2, 3 ORDER BY 1 LIMIT 1`),
    );
    return row;
  };

  it("names a collectivité present in the country with its reasons, best first, and forgets a hidden partnership", async () => {
    const lone = await lonePartnership();
    const query = {
      countryCode: lone.country,
      themes: [lone.theme],
      partnerKind: "any",
      partnerSize: "any",
    };
    const ranked = await rankCollectivites(database.db, query);
    const found = ranked.find((row) => row.id === lone.cid);
    expect(found?.reasons.some((reason) => reason.startsWith("déjà présente dans le pays"))).toBe(
      true,
    );
    expect(ranked.every((row) => row.reasons.length > 0)).toBe(true);
    expect(ranked.map((row) => row.score)).toEqual(
      [...ranked.map((row) => row.score)].sort((a, b) => b - a),
    );
    const hidden = await rankCollectivites(database.db, query, {
      excludePartnershipId: lone.partnership,
    });
    const without = hidden.find((row) => row.id === lone.cid);
    expect(
      without?.reasons.some((reason) => reason.startsWith("déjà présente dans le pays")) ?? false,
    ).toBe(false);
    expect(await rankCollectivites(database.db, query, { limit: 3 })).toHaveLength(3);
  });

  it("gives a collectivité the published requests that suit it, not those it already answered", async () => {
    const [{ cid, request }] = rowsOf<{ cid: number; request: number }>(
      await database.db.execute(sql`
        SELECT i.collectivite_id AS cid, i.request_id AS request FROM bourse_interests i
          JOIN bourse_requests r ON r.id = i.request_id WHERE r.status = 'in_contact'
         ORDER BY i.id LIMIT 1`),
    );
    const suggested = await requestsForCollectivite(database.db, cid, 200);
    expect(suggested.map((row) => row.id)).not.toContain(request);
    expect(suggested.every((row) => row.reasons.length > 0)).toBe(true);
    const [{ n }] = rowsOf<{ n: number }>(
      await database.db.execute(sql`
        SELECT count(*)::int AS n FROM bourse_requests WHERE status IN ('published', 'in_contact')`),
    );
    expect(suggested.length).toBeLessThan(n);
    expect(await requestsForCollectivite(database.db, cid, 2)).toEqual(suggested.slice(0, 2));
  });
});
