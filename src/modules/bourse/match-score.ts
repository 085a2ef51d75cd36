import { countOf } from "../../platform/french/counts";
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

/** The score (higher is better) and the reasons, in French, shown beside the suggestion. */
export function scoreMatch(features: MatchFeatures, wanted: MatchWanted) {
  const reasons: string[] = [];
  let score = 0;
  if (features.themeProjects > 0) {
    score += WEIGHTS.theme * saturating(features.themeProjects, 5);
    reasons.push(
      `${countOf(features.themeProjects, "projet", "projets", "m")} en ${wanted.themeNames.join(" ou ").toLowerCase()}`,
    );
  }
  if (features.countryLinks > 0) {
    score += WEIGHTS.country * (0.75 + 0.25 * saturating(features.countryLinks, 3));
    reasons.push(
      `déjà présente dans le pays, ${wanted.country} (${countOf(features.countryLinks, "partenariat ou projet", "partenariats ou projets", "m")})`,
    );
  }
  if (features.nearLinks > 0) {
    score += WEIGHTS.near * saturating(features.nearLinks, 3);
    reasons.push(
      `${countOf(features.nearLinks, "partenariat", "partenariats", "m")} dans des pays voisins`,
    );
  }
  if (features.allPartnerships > 0)
    score += WEIGHTS.experience * saturating(features.allPartnerships, 10);
  if (wanted.partnerKind !== "any" && features.kind === wanted.partnerKind) {
    score += WEIGHTS.kind;
    reasons.push("le type de collectivité recherché");
  }
  if (sizeFits(wanted.partnerSize, features.population)) {
    score += WEIGHTS.size;
    reasons.push("la taille recherchée");
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}
