import { atlasTotals, figuresByContinent } from "../../src/modules/atlas/index";
import type { AppServices } from "../context";

/**
 * Public Atlas figures, computed once per instance for every page and API that shows them
 * (the computation is the costly part; each caller shapes the result its own way).
 */
export const continentFigures = ({ db, cache }: AppServices) =>
  cache.at("atlas", "figures-by-continent", () => figuresByContinent(db));

export const totalFigures = ({ db, cache }: AppServices) =>
  cache.at("atlas", "totals", () => atlasTotals(db));
