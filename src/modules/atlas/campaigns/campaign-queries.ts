import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/auth/actor";
import { type Db, rowsOf } from "../../../platform/db/client";
import { NotFound } from "../../../platform/errors";
import { authorize } from "../../../platform/policy";
import { campaignCollectivites, campaigns } from "./campaign-schema";
import { collectivites } from "../../register/index";
import { frenchOrder } from "../../../platform/db/french-order";

/** Every campaign, newest first, with its progress. */
export async function listCampaigns(db: Db, actor: Actor) {
  authorize(actor, "atlas:campaign:manage");
  return rowsOf<{
    id: number;
    title: string;
    closes_on: string;
    opened_at: string;
    closed_at: string | null;
    total: number;
    verified: number;
  }>(
    await db.execute(sql`
      SELECT c.id, c.title, c.closes_on::text, c.opened_at, c.closed_at,
             count(cc.*)::int AS total, count(cc.verified_at)::int AS verified
        FROM atlas_campaigns c
        LEFT JOIN atlas_campaign_collectivites cc ON cc.campaign_id = c.id
       GROUP BY c.id ORDER BY c.id DESC`),
  );
}

/** A campaign's progress: overall, by région, and the collectivités still to confirm. */
export async function campaignProgress(db: Db, actor: Actor, campaignId: number) {
  authorize(actor, "atlas:campaign:manage");
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new NotFound("Cette campagne n'existe pas.");
  const byRegion = rowsOf<{ region_code: string | null; total: number; verified: number }>(
    await db.execute(sql`
      SELECT c.region_code, count(*)::int AS total, count(cc.verified_at)::int AS verified
        FROM atlas_campaign_collectivites cc JOIN ${collectivites} c ON c.id = cc.collectivite_id
       WHERE cc.campaign_id = ${campaignId}
       GROUP BY c.region_code ORDER BY c.region_code`),
  );
  const pending = await db
    .select({
      id: collectivites.id,
      name: collectivites.name,
      remindedAt: campaignCollectivites.lastRemindedAt,
    })
    .from(campaignCollectivites)
    .innerJoin(collectivites, eq(collectivites.id, campaignCollectivites.collectiviteId))
    .where(
      and(
        eq(campaignCollectivites.campaignId, campaignId),
        isNull(campaignCollectivites.verifiedAt),
      ),
    )
    .orderBy(frenchOrder(collectivites.name))
    .limit(100);
  const verifiedRecently = await db
    .select({
      id: collectivites.id,
      name: collectivites.name,
      at: campaignCollectivites.verifiedAt,
    })
    .from(campaignCollectivites)
    .innerJoin(collectivites, eq(collectivites.id, campaignCollectivites.collectiviteId))
    .where(
      and(
        eq(campaignCollectivites.campaignId, campaignId),
        isNotNull(campaignCollectivites.verifiedAt),
      ),
    )
    .orderBy(desc(campaignCollectivites.verifiedAt))
    .limit(20);
  const total = byRegion.reduce((sum, row) => sum + row.total, 0);
  const verified = byRegion.reduce((sum, row) => sum + row.verified, 0);
  return {
    campaign,
    total,
    verified,
    byRegion,
    pending,
    verifiedRecently,
  };
}
