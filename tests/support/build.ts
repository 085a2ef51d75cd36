import { sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "../../src/platform/db/client";
import type { DeclarationStatus } from "../../src/modules/apd/codes";
import { apdCampaigns, apdDeclarations } from "../../src/modules/apd/schema";
import { type CampaignStatus, campaigns } from "../../src/modules/atlas/campaigns/campaign-schema";
import { type ImportStatus, atlasImports } from "../../src/modules/atlas/import/import-schema";
import type { OfferStatus, RequestStatus } from "../../src/modules/bourse/codes";
import { bourseOffers, bourseRequests } from "../../src/modules/bourse/schema";

/**
 * Factories for module and HTTP tests: each builds one record in the state a test needs,
 * with plausible values, on top of the demo dataset (its places and collectivités).
 */
export function builders(db: Queryable) {
  let sequence = 0;
  const next = () => {
    sequence += 1;
    return sequence;
  };

  /** A demo collectivité (Rennes by default), by its INSEE/SIREN unit code. */
  async function collectivite(unitId = "commune:35238") {
    const [row] = rowsOf<{ id: number; organisation_id: number | null; name: string }>(
      await db.execute(
        sql`SELECT id, organisation_id, name FROM register_collectivites WHERE unit_id = ${unitId}`,
      ),
    );
    if (!row) throw new Error(`No collectivité ${unitId} in the demo dataset`);
    return { id: row.id, organisationId: row.organisation_id, name: row.name };
  }

  return {
    collectivite,

    async request(options: { status?: RequestStatus; countryCode?: string } = {}) {
      const n = next();
      const status = options.status ?? "draft";
      const live = status === "published" || status === "in_contact" || status === "matched";
      const [row] = await db
        .insert(bourseRequests)
        .values({
          status,
          authorityName: "Commune de Louga",
          authorityKind: "municipality",
          countryCode: options.countryCode ?? "SN",
          cityName: "Louga",
          contactName: "Awa Diop (fictive)",
          contactEmail: `awa.diop.${n}@commune-louga.example.org`,
          title: `Adduction d'eau du quartier ${n} de Louga`,
          description:
            "La commune cherche une collectivité française pour l'extension du réseau d'eau potable et la formation des agents du service technique.",
          emailVerifiedAt: new Date(),
          submittedAt: status === "draft" ? null : new Date(),
          publishedAt: live ? new Date() : null,
          expiresAt: live ? new Date(Date.now() + 300 * 86_400_000) : null,
        })
        .returning();
      return row;
    },

    /** One more member of the organisation of a demo account (a colleague). */
    async colleague(of: string) {
      const n = next();
      const [row] = rowsOf<{ id: number }>(
        await db.execute(sql`
          WITH u AS (
            INSERT INTO users (email, display_name)
            VALUES (${`collegue-${n}-${of}`}, ${`Dominique Collègue ${n} (fictif)`}) RETURNING id)
          INSERT INTO memberships (user_id, organisation_id)
          SELECT u.id, m.organisation_id FROM u, memberships m JOIN users o ON o.id = m.user_id
           WHERE o.email = ${of}
          RETURNING user_id AS id`),
      );
      if (!row) throw new Error(`No account ${of}`);
      return `collegue-${n}-${of}`;
    },

    async offer(options: { status?: OfferStatus; unitId?: string; countryCodes?: string[] } = {}) {
      const owner = await collectivite(options.unitId);
      const n = next();
      const [row] = await db
        .insert(bourseOffers)
        .values({
          status: options.status ?? "draft",
          collectiviteId: owner.id,
          title: `Appui à la gestion des déchets n° ${n}`,
          summary:
            "La collectivité propose l'appui de ses services de collecte et de tri, avec des missions d'agents et l'accueil de stagiaires.",
          themes: ["dechets"],
          countryCodes: options.countryCodes ?? ["SN"],
          contactName: "Camille Martin (fictive)",
          contactEmail: `camille.martin.${n}@collectivite.example.org`,
          opinionsDueOn: options.status === "consultation" ? "2030-01-31" : null,
        })
        .returning();
      return row;
    },

    /** A declaration in an open campaign of its own year (declared néant, ready to send). */
    async declaration(options: { status?: DeclarationStatus; unitId?: string } = {}) {
      const owner = await collectivite(options.unitId);
      const year = 2040 + next();
      const [campaign] = await db
        .insert(apdCampaigns)
        .values({
          year,
          opensOn: `${year + 1}-01-01`,
          closesOn: `${year + 1}-06-30`,
          openedByLabel: "DAECT",
        })
        .returning();
      const [row] = await db
        .insert(apdDeclarations)
        .values({
          campaignId: campaign.id,
          year,
          collectiviteId: owner.id,
          status: options.status ?? "draft",
          isNil: true,
          hasChanges: true,
        })
        .returning();
      return row;
    },

    async campaign(options: { status?: CampaignStatus } = {}) {
      const status = options.status ?? "open";
      const [row] = await db
        .insert(campaigns)
        .values({
          title: `Mise à jour de l'Atlas n° ${next()}`,
          message: "Merci de vérifier vos projets de coopération.",
          closesOn: "2030-03-31",
          openedByLabel: "DAECT",
          status,
          closedAt: status === "closed" ? new Date() : null,
        })
        .returning();
      return row;
    },

    async import(options: { status?: ImportStatus } = {}) {
      const [row] = await db
        .insert(atlasImports)
        .values({
          kind: "projects",
          filename: `projets-${next()}.csv`,
          status: options.status ?? "validating",
          totalRows: 1,
          rows: [],
          createdByLabel: "DAECT",
        })
        .returning();
      return row;
    },
  };
}
