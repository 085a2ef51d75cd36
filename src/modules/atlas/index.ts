export {
  atlasTotals,
  figuresByContinent,
  partnershipSharesByCollectiviteKind,
  projectSharesByDomain,
} from "./stats.queries";
