import { sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "../../src/platform/db/client";
import type { DeclarationStatus } from "../../src/modules/apd/codes";
import { apdCampaigns, apdDeclarations } from "../../src/modules/apd/schema";
import { type CampaignStatus, campaigns } from "../../src/modules/atlas/campaigns/campaign-schema";
import { type ImportStatus, atlasImports } from "../../src/modules/atlas/import/import-schema";
import type { OfferStatus, RequestStatus } from "../../src/modules/bourse/codes";
import {
  bourseAttachments,
  bourseInterests,
  bourseOffers,
  bourseRequests,
} from "../../src/modules/bourse/schema";
import { apdLines, apdSubmissions } from "../../src/modules/apd/schema";
import { consultations } from "../../src/platform/consultation/schema";
import { storedFiles } from "../../src/platform/files/stored-files-schema";
import { enqueueMail } from "../../src/platform/mail/outbox";
import { extractions } from "../../src/modules/workspace/schema";
import type { AccessRequestStatus } from "../../src/modules/accounts/codes";
import { accessRequests } from "../../src/modules/accounts/schema";

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

  /** The organisation a demo account belongs to. */
  async function organisationOf(email: string) {
    const [row] = rowsOf<{ id: number }>(
      await db.execute(sql`
        SELECT m.organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE u.email = ${email} LIMIT 1`),
    );
    if (!row) throw new Error(`No account ${email}`);
    return row.id;
  }

  /** A stored PDF (the smallest the content check accepts). */
  async function storedPdf() {
    const key = `fichier-${next()}`;
    const content = Buffer.from("%PDF-1.4\n");
    await db.insert(storedFiles).values({
      key,
      mediaType: "application/pdf",
      byteSize: content.length,
      sha256: "fictif",
      content,
    });
    return { key, byteSize: content.length };
  }

  return {
    collectivite,
    organisationOf,

    /** A request; with `author`, written from that foreign authority's account. */
    async request(
      options: {
        status?: RequestStatus;
        countryCode?: string;
        cityName?: string;
        author?: string;
      } = {},
    ) {
      const n = next();
      const status = options.status ?? "draft";
      const authorOrganisationId = options.author ? await organisationOf(options.author) : null;
      const live = status === "published" || status === "in_contact" || status === "matched";
      const [row] = await db
        .insert(bourseRequests)
        .values({
          status,
          authorOrganisationId,
          authorityName: "Commune de Louga",
          authorityKind: "municipality",
          countryCode: options.countryCode ?? "SN",
          cityName: options.cityName ?? "Louga",
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

    /** A PDF attached to a request. */
    async attachment(requestId: number) {
      const file = await storedPdf();
      const [row] = await db
        .insert(bourseAttachments)
        .values({
          requestId,
          fileName: "piece.pdf",
          mediaType: "application/pdf",
          byteSize: file.byteSize,
          storageKey: file.key,
        })
        .returning();
      return row;
    },

    /** A collectivité's interest in a request. */
    async interest(requestId: number, collectiviteId: number) {
      const [row] = await db
        .insert(bourseInterests)
        .values({
          requestId,
          collectiviteId,
          contactName: "Agent Exemple (fictif)",
          contactEmail: "agent@example.org",
        })
        .returning();
      return row;
    },

    /**
     * An opinion asked of the organisation of an account on an offer, due in ten days;
     * `given`, answered favourably with a PDF attached.
     */
    async opinion(offerId: number, email: string, options: { given?: boolean } = {}) {
      const file = options.given ? await storedPdf() : null;
      const [row] = await db
        .insert(consultations)
        .values({
          subjectType: "bourse_offer",
          subjectId: offerId,
          organisationId: await organisationOf(email),
          dueOn: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
          ...(file
            ? {
                verdict: "favourable" as const,
                reasoning: "Avis motivé pour les besoins de l'essai.",
                givenAt: new Date(),
                attachmentKey: file.key,
                attachmentName: "avis.pdf",
              }
            : {}),
        })
        .returning();
      return row;
    },

    /** A file kept in a person's space. */
    async extraction(email: string) {
      const [user] = rowsOf<{ id: number }>(
        await db.execute(sql`SELECT id FROM users WHERE email = ${email}`),
      );
      const content = Buffer.from("\uFEFFIdentifiant\r\n");
      const [row] = await db
        .insert(extractions)
        .values({
          userId: user.id,
          format: "csv",
          query: "country=SN",
          filename: "atlas-projets.csv",
          contentType: "text/csv; charset=utf-8",
          content,
          size: content.length,
          projects: 0,
        })
        .returning();
      return row;
    },

    /** A mail waiting in the outbox. */
    async mail() {
      const key = `essai-${next()}`;
      await enqueueMail(db, {
        idempotencyKey: key,
        template: "test",
        to: "destinataire@example.org",
        subject: "Courriel d'essai",
        text: "Texte",
        html: "<p>Texte</p>",
      });
      const [row] = rowsOf<{ id: number }>(
        await db.execute(sql`SELECT id FROM mail_outbox WHERE idempotency_key LIKE ${`${key}%`}`),
      );
      return row;
    },

    /**
     * An access request for a collectivité of the register whose organisation has no member, by a
     * fictitious agent with an address of its own.
     */
    async accessRequest(
      options: { status?: AccessRequestStatus; collectiviteId?: number; regionCode?: string } = {},
    ) {
      const n = next();
      const [entry] = rowsOf<{
        id: number;
        name: string;
        region_code: string | null;
        organisation_id: number | null;
      }>(
        await db.execute(sql`
          SELECT c.id, c.name, c.region_code, c.organisation_id FROM register_collectivites c
           WHERE ${
             options.collectiviteId !== undefined
               ? sql`c.id = ${options.collectiviteId}`
               : sql`NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = c.organisation_id)
                     ${options.regionCode ? sql`AND c.region_code = ${options.regionCode}` : sql``}`
           }
           ORDER BY c.id LIMIT 1 OFFSET ${options.collectiviteId !== undefined ? 0 : n}`),
      );
      const [row] = await db
        .insert(accessRequests)
        .values({
          status: options.status ?? "unconfirmed",
          group: "collectivite",
          target: `collectivite:${entry.id}`,
          collectiviteId: entry.id,
          organisationId: entry.organisation_id,
          organisationName: entry.name,
          regionCode: entry.region_code,
          personFunction: "charge_cooperation",
          givenName: "Claude",
          familyName: `Exemple-${n} (fictif)`,
          email: `claude.exemple.${n}@collectivite.example.org`,
          confirmedAt: options.status && options.status !== "unconfirmed" ? new Date() : null,
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

    async offer(
      options: {
        status?: OfferStatus;
        unitId?: string;
        collectiviteId?: number;
        countryCodes?: string[];
      } = {},
    ) {
      const owner =
        options.collectiviteId !== undefined
          ? { id: options.collectiviteId }
          : await collectivite(options.unitId);
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
    async declaration(
      options: {
        status?: DeclarationStatus;
        unitId?: string;
        collectiviteId?: number;
        /** An open campaign to declare in (by default one of its own year). */
        campaign?: { id: number; year: number };
        /** One line of 15 000 € to Senegal, sent as submission n° 1. */
        withSentLine?: boolean;
      } = {},
    ) {
      const ownerId = options.collectiviteId ?? (await collectivite(options.unitId)).id;
      const year = options.campaign?.year ?? 2040 + next();
      const campaign =
        options.campaign ??
        (
          await db
            .insert(apdCampaigns)
            .values({
              year,
              opensOn: `${year + 1}-01-01`,
              closesOn: `${year + 1}-06-30`,
              openedByLabel: "DAECT",
            })
            .returning()
        )[0];
      const [row] = await db
        .insert(apdDeclarations)
        .values({
          campaignId: campaign.id,
          year,
          collectiviteId: ownerId,
          status: options.status ?? "draft",
          isNil: !options.withSentLine,
          hasChanges: !options.withSentLine,
        })
        .returning();
      if (!options.withSentLine) return { ...row, lineId: null };
      const [line] = await db
        .insert(apdLines)
        .values({
          declarationId: row.id,
          position: 1,
          recipientCode: "SN",
          purposeCode: "14030",
          amountCents: 1_500_000,
          flow: "don",
          channel: "direct",
        })
        .returning();
      await db.insert(apdSubmissions).values({
        declarationId: row.id,
        number: 1,
        isNil: false,
        late: false,
        lineCount: 1,
        totalCents: 1_500_000,
        submittedByLabel: "Agent (fictif)",
        submittedByEmail: "agent@example.org",
        receipt: { collectivite: "Collectivité", reference: `APD-${year}-1` },
      });
      return { ...row, lineId: line.id };
    },

    /** An e-APD campaign of a spending year. */
    async apdCampaign(options: { year: number; opensOn: string; closesOn: string }) {
      const [row] = await db
        .insert(apdCampaigns)
        .values({ ...options, openedByLabel: "DAECT" })
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
