import { date, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { collectivites } from "../../register/schema";

export const campaignStatuses = ["open", "closed"] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** An update campaign: the DAECT asks every collectivité to check its Atlas data. */
export const campaigns = pgTable("atlas_campaigns", {
  id: serial("id").primaryKey(),
  title: text("title").notNull(),
  message: text("message").notNull(),
  closesOn: date("closes_on").notNull(),
  openedByLabel: text("opened_by_label").notNull(),
  openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  reminders: integer("reminders").notNull().default(0),
  status: text("status", { enum: campaignStatuses }).notNull().default("open"),
  version: integer("version").notNull().default(1),
});

/** One collectivité in a campaign: asked, then verified (or reminded). */
export const campaignCollectivites = pgTable(
  "atlas_campaign_collectivites",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    collectiviteId: integer("collectivite_id")
      .notNull()
      .references(() => collectivites.id, { onDelete: "cascade" }),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedByLabel: text("verified_by_label"),
    lastRemindedAt: timestamp("last_reminded_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.campaignId, table.collectiviteId] })],
);
