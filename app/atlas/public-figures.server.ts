import { atlasTotals, figuresByContinent } from "../../src/modules/atlas/index";
import { cached } from "../../src/platform/cache";
import type { AppServices } from "../context";

/**
 * Public Atlas figures, computed once per instance for every page and API that shows them
 * (the computation is the costly part; each caller shapes the result its own way).
 */
export const continentFigures = ({ db, cache }: AppServices) =>
  cached(cache, "atlas:figures-by-continent", () => figuresByContinent(db));

export const totalFigures = ({ db, cache }: AppServices) =>
  cached(cache, "atlas:totals", () => atlasTotals(db));
