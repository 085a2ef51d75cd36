import { eq, sql } from "drizzle-orm";
import { rowsOf } from "../../platform/db/client";
import { defineConsultation } from "../../platform/consultation/kind";
import { offerResource } from "./offer-access";
import { bourseOffers } from "./schema";
import { collectivites } from "../register/index";

/**
 * The opinions on an offer: the DAECT asks the prefecture of the collectivité's région and
 * the French embassy of each target country; each answers in its organisation's name.
 */
export const offerConsultation = defineConsultation({
  subjectType: "bourse_offer",
  module: "Bourse-partenariats",
  noun: "offre de partenariat",
  theNoun: "l'offre de partenariat",
  mailKey: "bourse:offer",
  templatePrefix: "bourse",
  askAction: "bourse:offer:manage",
  answerAction: "bourse:opinion:give",
  async resource(q, offerId) {
    const [offer] = await q.select().from(bourseOffers).where(eq(bourseOffers.id, offerId));
    return offer ? offerResource(q, offer) : null;
  },
  async describe(q, offerIds) {
    if (offerIds.length === 0) return new Map();
    const rows = rowsOf<{ id: number; title: string; collectivite: string }>(
      await q.execute(sql`
        SELECT f.id, f.title, c.name AS collectivite
          FROM bourse_offers f JOIN ${collectivites} c ON c.id = f.collectivite_id
         WHERE f.id IN (${sql.join(
           offerIds.map((id) => sql`${id}`),
           sql`, `,
         )})`),
    );
    return new Map(
      rows.map((row) => [
        row.id,
        { title: row.title, from: row.collectivite, href: `/bourse/offres/${row.id}` },
      ]),
    );
  },
});
