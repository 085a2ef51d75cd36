import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskProviders as apd } from "../../src/modules/apd/index";
import { taskProviders as atlas } from "../../src/modules/atlas/index";
import { submitOffer, taskProviders as bourse } from "../../src/modules/bourse/index";
import { rowsOf } from "../../src/platform/db/client";
import { inboxOf } from "../../src/platform/tasks";
import { actorFor } from "../support/actors";
import { builders } from "../support/build";
import { type TestDatabase, openTestDatabase } from "../support/database";

let database: TestDatabase;
let build: ReturnType<typeof builders>;
const providers = [...apd, ...atlas, ...bourse];

beforeAll(async () => {
  database = await openTestDatabase();
  build = builders(database.db);
  // Something of each kind waits: an open Atlas campaign, a returned declaration, an offer
  // out for opinions, a draft offer.
  await build.campaign();
  await database.db.execute(
    sql`INSERT INTO atlas_campaign_collectivites (campaign_id, collectivite_id)
        SELECT (SELECT max(id) FROM atlas_campaigns), id FROM register_collectivites`,
  );
  await build.declaration({ status: "returned" });
  const offer = await build.offer({ status: "consultation" });
  await database.db.execute(sql`
    INSERT INTO consultations (subject_type, subject_id, organisation_id, due_on)
    SELECT 'bourse_offer', ${offer.id}, id, '2030-01-31' FROM organisations
     WHERE (kind = 'prefecture' AND region_code = '53') OR (kind = 'embassy' AND country_code = 'SN')`);
  await build.offer({ status: "draft" });
});
afterAll(async () => {
  await database.close();
});

/** The (action, link) pairs a person's records call for, read from the records alone. */
async function expectedFor(email: string): Promise<string[]> {
  const pairs = async (action: string, query: SQL) =>
    rowsOf<{ href: string }>(await database.db.execute(query)).map(
      (row) => `${action} → ${row.href}`,
    );
  const orgs = sql`(SELECT m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ${email})`;
  const kinds = rowsOf<{ kind: string; country_code: string | null }>(
    await database.db.execute(
      sql`SELECT o.kind, o.country_code FROM organisations o WHERE o.id IN ${orgs}`,
    ),
  );
  const is = (kind: string) => kinds.some((row) => row.kind === kind);
  const found: string[] = [];
  if (is("daect") || is("embassy"))
    found.push(
      ...(await pairs(
        "Examiner la demande",
        sql`SELECT '/bourse/demandes/' || id AS href FROM bourse_requests WHERE status = 'submitted'
            ${is("daect") ? sql`` : sql`AND country_code IN (SELECT country_code FROM organisations WHERE id IN ${orgs})`}`,
      )),
    );
  found.push(
    ...(await pairs(
      "Rendre un avis sur l'offre de partenariat",
      sql`SELECT DISTINCT '/bourse/offres/' || p.subject_id AS href FROM consultations p
           WHERE p.subject_type = 'bourse_offer' AND p.verdict IS NULL
             AND p.revoked_at IS NULL AND p.closed_at IS NULL AND p.organisation_id IN ${orgs}`,
    )),
  );
  if (is("daect")) {
    found.push(
      ...(await pairs(
        "Demander les avis sur l'offre",
        sql`SELECT '/bourse/offres/' || id AS href FROM bourse_offers WHERE status = 'submitted'`,
      )),
      ...(await pairs(
        "Examiner la déclaration",
        sql`SELECT '/apd/declarations/' || id AS href FROM apd_declarations WHERE status = 'submitted'`,
      )),
      // Every opinion of the offer built above is awaited before its deadline: no decision
      // on it yet; a demo offer whose date passed or whose opinions are all in is decided.
      ...(await pairs(
        "Décider de la diffusion de l'offre",
        sql`SELECT '/bourse/offres/' || f.id AS href FROM bourse_offers f
             WHERE f.status = 'consultation'
               AND (f.opinions_due_on < current_date
                    OR NOT EXISTS (SELECT 1 FROM consultations p
                                    WHERE p.subject_type = 'bourse_offer' AND p.subject_id = f.id
                                      AND p.revoked_at IS NULL AND p.verdict IS NULL))`,
      )),
    );
  }
  if (is("collectivite")) {
    const own = sql`(SELECT id FROM register_collectivites WHERE organisation_id IN ${orgs})`;
    found.push(
      ...(await pairs(
        "Transmettre votre offre",
        sql`SELECT '/bourse/offres/' || id AS href FROM bourse_offers WHERE status = 'draft' AND collectivite_id IN ${own}`,
      )),
      ...(await pairs(
        "Déclarer l'aide publique au développement",
        sql`SELECT '/apd/collectivites/' || c.id AS href FROM apd_campaigns k, register_collectivites c
             WHERE k.closed_at IS NULL AND k.opens_on <= current_date AND c.id IN ${own}
               AND NOT EXISTS (SELECT 1 FROM apd_declarations d WHERE d.campaign_id = k.id
                                 AND d.collectivite_id = c.id AND d.status <> 'draft')`,
      )),
      ...(await pairs(
        "Corriger la déclaration",
        sql`SELECT '/apd/declarations/' || d.id AS href FROM apd_declarations d
              JOIN apd_campaigns k ON k.id = d.campaign_id AND k.closed_at IS NULL
             WHERE d.status = 'returned' AND d.collectivite_id IN ${own}`,
      )),
      ...(await pairs(
        "Vérifier et confirmer les données de l'Atlas",
        sql`SELECT '/atlas/collectivites/' || cc.collectivite_id AS href
              FROM atlas_campaign_collectivites cc JOIN atlas_campaigns k ON k.id = cc.campaign_id
             WHERE k.status = 'open' AND cc.verified_at IS NULL AND cc.collectivite_id IN ${own}`,
      )),
      ...(await pairs(
        "Suivre le contact ; conclure le partenariat s'il est décidé",
        sql`SELECT '/bourse/demandes/' || r.id AS href FROM bourse_interests i
              JOIN bourse_requests r ON r.id = i.request_id
             WHERE r.status = 'in_contact' AND i.collectivite_id IN ${own}`,
      )),
    );
  }
  if (is("foreign_authority"))
    found.push(
      ...(await pairs(
        "Compléter ou prolonger votre demande",
        sql`SELECT '/bourse/demandes/' || id AS href FROM bourse_requests
             WHERE author_organisation_id IN ${orgs}
               AND (status IN ('draft', 'under_review')
                    OR (status IN ('published', 'in_contact') AND expires_at <= now() + interval '30 days'))`,
      )),
    );
  return found.sort();
}

const inbox = async (email: string) =>
  (await inboxOf(database.db, await actorFor(database.db, email), providers))
    .map((task) => `${task.action} → ${task.href}`)
    .sort();

describe("the task inbox of Mon espace", () => {
  // With the smallest number of tasks each role's records call for in the demo dataset.
  it.each([
    ["daect@example.org", 2],
    ["ambassade-sn@example.org", 1],
    ["prefecture-53@example.org", 1],
    ["agent-35238@example.org", 3],
    ["agent-35@example.org", 1],
    ["autorite-sn-1@example.org", 0],
    ["operateur-afd@example.org", 0],
  ] as const)("of %s lists exactly what its records call for", async (email, atLeast) => {
    const expected = await expectedFor(email);
    expect(expected.length).toBeGreaterThanOrEqual(atLeast);
    expect(await inbox(email)).toEqual(expected);
  });

  it("sorts the most urgent first and loses a task when its transition happens", async () => {
    const agent = await actorFor(database.db, "agent-35238@example.org");
    const tasks = await inboxOf(database.db, agent, providers);
    const dated = tasks.filter((task) => task.dueOn !== null).map((task) => task.dueOn);
    expect(dated).toEqual([...dated].sort());
    expect(tasks.slice(dated.length).every((task) => task.dueOn === null)).toBe(true);
    const draft = tasks.find((task) => task.action === "Transmettre votre offre");
    expect(draft).toBeDefined();
    const offerId = Number(draft?.href.split("/").pop());
    const [{ version }] = rowsOf<{ version: number }>(
      await database.db.execute(sql`SELECT version FROM bourse_offers WHERE id = ${offerId}`),
    );
    await submitOffer(database.db, agent, offerId, String(version), "http://portail.test");
    const after = await inboxOf(database.db, agent, providers);
    expect(after.map((task) => task.href)).not.toContain(draft?.href);
  });
});
