import dacList from "../reference/data/dac-oda-recipients.json" with { type: "json" };
import type { ThemeCode } from "../reference/data/themes";

const ODA_RECIPIENTS: ReadonlySet<string> = new Set(
  Object.values(dacList.categories).flatMap((category) => category.countries),
);

/** What a partnership with a country is mostly about, as the DAECT's files show it. */
export type PartnerSetting = "aid" | "europe" | "peer" | "none";

export const partnerSetting = (countryCode: string | null, continent: string | null) =>
  countryCode === null
    ? "none"
    : ODA_RECIPIENTS.has(countryCode)
      ? "aid"
      : continent === "Europe"
        ? "europe"
        : "peer";

/**
 * How much likelier (or rarer) each thématique is than the others of its domain, by setting:
 * development aid, water, health and food security with ODA recipients; Europe's
 * cross-border programmes, youth, culture and the economy with European partners; the
 * economy, research and culture with the other rich countries. Unlisted: 1.
 */
const WEIGHTS: Record<PartnerSetting, Partial<Record<ThemeCode, number>>> = {
  aid: {
    "aide-developpement": 4,
    "eau-assainissement": 3,
    agriculture: 3,
    sante: 2,
    gouvernance: 2,
    dechets: 2,
    urgence: 1.5,
    "transfrontalier-europe": 0,
    numerique: 0.5,
    tourisme: 0.5,
    recherche: 0.5,
    sport: 0.5,
  },
  europe: {
    "transfrontalier-europe": 6,
    "jeunesse-formation": 2,
    culture: 2,
    sport: 1.5,
    "action-economique": 2,
    tourisme: 1.5,
    climat: 1.5,
    energie: 1.5,
    "aide-developpement": 0,
    urgence: 0.2,
    migrations: 0.5,
    "eau-assainissement": 0.2,
    agriculture: 0.3,
    "francophonie-economique": 0.3,
  },
  peer: {
    "action-economique": 2,
    recherche: 2,
    culture: 2,
    "jeunesse-formation": 1.5,
    tourisme: 1.5,
    numerique: 1.5,
    migrations: 2,
    "transfrontalier-europe": 0.1,
    "aide-developpement": 0,
    urgence: 0.3,
    "eau-assainissement": 0.2,
    agriculture: 0.5,
  },
  none: {},
};

/** The weights of a domain's thématiques, in the domain's order, for a setting. */
export const themeWeights = (
  themes: readonly (readonly [string, string])[],
  setting: PartnerSetting,
) => themes.map(([code]) => WEIGHTS[setting][code as ThemeCode] ?? 1);

/**
 * The DAECT's calls for projects co-finance about one euro in 4.7 of a project (published
 * leverage, seeds 000–002); a project's share varies by a fifth around it, its mean staying
 * exactly 1/4.7.
 */
export const MINISTRY_LEVERAGE = 4.7;
export const ministryShare = (spread: number) => (0.8 + 0.4 * spread) / MINISTRY_LEVERAGE;
