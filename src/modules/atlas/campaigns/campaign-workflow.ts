import { defineWorkflow } from "../../../platform/workflow/define";
import { type CampaignStatus, campaignStatuses, campaigns } from "./campaign-schema";

type CampaignRow = typeof campaigns.$inferSelect;

/**
 * An Atlas update campaign: opened by the DAECT for every collectivité, reminded to those
 * that have not confirmed, closed by the DAECT.
 */
export const campaignWorkflow = defineWorkflow<CampaignRow, CampaignStatus, "remind" | "close">({
  name: "atlas_campaign",
  table: campaigns,
  states: campaignStatuses,
  field: "campagne",
  notFound: "Cette campagne n'existe pas.",
  staleMessage:
    "La campagne a changé depuis que vous avez ouvert cette page (une relance ou une clôture par un collègue) : rien n'a été fait. Vérifiez son état ci-dessous.",
  editable: {},
  lockedMessage: "Une campagne ne se modifie pas après son ouverture.",
  resource: async () => ({}),
  events: {
    remind: {
      label: "Relance",
      from: ["open"],
      to: "same",
      by: ["atlas:campaign:manage", "system"],
      refusal: "Cette campagne est clôturée : plus de relance possible.",
    },
    close: {
      label: "Clôture",
      from: ["open"],
      to: "closed",
      by: ["atlas:campaign:manage"],
      refusal: "Cette campagne est déjà clôturée.",
    },
  },
});
