import type { PageLanguage } from "../../platform/i18n/languages";
import { bourseTexts } from "./texts/index";
/**
 * Why a French collectivité may answer a request, as counted in the Atlas. Pure: the
 * features come from `suggestions.ts`, the weights and the reasons from here.
 */
export interface MatchFeatures {
  /** Its projects on one of the request's thématiques. */
  themeProjects: number;
  /** Its partnerships and projects in the request's country. */
  countryLinks: number;
  /** Its partnerships in countries near the request's one (centroids within NEAR_KM). */
  nearLinks: number;
  /** Its partnerships anywhere: experience of decentralised cooperation. */
  allPartnerships: number;
  kind: string;
  population: number | null;
}

export interface MatchWanted {
  country: string;
  themeNames: string[];
  /** A partner kind code ("any" or a collectivité kind). */
  partnerKind: string;
  /** A partner size code ("any", "small", "medium", "large"). */
  partnerSize: string;
}

/** Countries whose centroids are this close count as neighbours of the request's country. */
export const NEAR_KM = 1_500;

const WEIGHTS = {
  theme: 3,
  country: 4,
  near: 2,
  experience: 1,
  kind: 1,
  size: 1,
};

const saturating = (count: number, full: number) => Math.min(count, full) / full;

const sizeBands: Record<string, [number, number]> = {
  small: [0, 20_000],
  medium: [20_000, 200_000],
  large: [200_000, Number.POSITIVE_INFINITY],
};

export function sizeFits(size: string, population: number | null) {
  const band = sizeBands[size];
  if (!band || population === null) return false;
  const [low, high] = band;
  return population >= low && population < high;
}

/** The score (higher is better) and the reasons, in the reader's language, shown beside it. */
export function scoreMatch(
  features: MatchFeatures,
  wanted: MatchWanted,
  lang: PageLanguage = "fr",
) {
  const t = bourseTexts(lang);
  const reasons: string[] = [];
  let score = 0;
  if (features.themeProjects > 0) {
    score += WEIGHTS.theme * saturating(features.themeProjects, 5);
    reasons.push(
      t("suggestions.themeProjects", {
        count: features.themeProjects,
        themes: wanted.themeNames.join(t("suggestions.or")).toLocaleLowerCase(lang),
      }),
    );
  }
  if (features.countryLinks > 0) {
    score += WEIGHTS.country * (0.75 + 0.25 * saturating(features.countryLinks, 3));
    reasons.push(
      t("suggestions.countryLinks", { count: features.countryLinks, country: wanted.country }),
    );
  }
  if (features.nearLinks > 0) {
    score += WEIGHTS.near * saturating(features.nearLinks, 3);
    reasons.push(t("suggestions.nearLinks", { count: features.nearLinks }));
  }
  if (features.allPartnerships > 0)
    score += WEIGHTS.experience * saturating(features.allPartnerships, 10);
  if (wanted.partnerKind !== "any" && features.kind === wanted.partnerKind) {
    score += WEIGHTS.kind;
    reasons.push(t("suggestions.kind"));
  }
  if (sizeFits(wanted.partnerSize, features.population)) {
    score += WEIGHTS.size;
    reasons.push(t("suggestions.size"));
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}
