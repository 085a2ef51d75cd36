export {
  atlasTotals,
  figuresByContinent,
  partnershipSharesByCollectiviteKind,
  projectSharesByDomain,
} from "./stats-queries";
export {
  type AtlasLabels,
  atlasLabels,
  collectiviteKindLabels,
  partnershipStatusLabels,
  projectStatusLabels,
} from "./labels";
export {
  atlasIndexIsIncomplete,
  rebuildAtlasIndex,
  refreshProjectIndex,
} from "./project-index";
export { atlasOpenApiPaths, atlasOpenApiSchemas } from "./openapi";
export { projectTitle } from "./projects-of";
export { handOverToCommuneNouvelle } from "./editing/commune-nouvelle";
export {
  type ProjectFilters,
  filtersToParams,
  hasAnyFilter,
  listFilterNames,
  parseProjectFilters,
} from "./search/filters";
export { parsePaging } from "./search/paging";
export {
  type ProjectSearchResult,
  type ProjectSort,
  countProjects,
  findProjects,
  type ProjectSearchOptions,
  projectConditions,
  projectSorts,
  searchProjects,
} from "./search/project-search";
export { type PublicProjectItem, publicProjectItems } from "./search/public-projects";
export {
  type ExportFormat,
  exportFormats,
  parseExportFormat,
  projectExport,
} from "./export/project-export";
export { projectFiche, type ProjectFiche } from "./fiches/project-fiche";
export {
  atlasFichesOfOrganisations,
  collectiviteFiche,
  foreignAuthorityFiche,
  foreignAuthorityKindLabels,
} from "./fiches/partner-fiches";
export { countryFiche } from "./fiches/country-fiche";
export {
  type StatRow,
  groupedStatistics,
  parseStatGroup,
  statisticsTotals,
} from "./statistics/grouped-stats";
export { type CrossTab, crossTabulation } from "./statistics/cross-tab";
export {
  type StatGroup,
  statColumns,
  statGroupLabels,
  statGroups,
} from "./statistics/stat-groups";
export { crossCsv, statsCsv } from "./statistics/stats-csv";
export {
  listCollectivites,
  listForeignAuthorities,
  listPartnerships,
  parseIdCursor,
} from "./directory/directory-queries";
export {
  addProjectRemark,
  createProject,
  editableProject,
  updateProject,
} from "./editing/project-commands";
export {
  type CollectiviteProfile,
  collectiviteFormValues,
  editableCollectivite,
  updateCollectiviteProfile,
} from "./editing/collectivite-commands";
export { compareSnapshots, describeChanges } from "./editing/field-display";
export { MAX_FUNDING_LINES, projectFormValues, projectListFields } from "./editing/project-input";
export { partnershipChoices, projectScope } from "./editing/project-record";
export { listVersions } from "./editing/versions";
export { versionedEntities, type VersionedEntity } from "./editing/editing-schema";
export {
  failInterruptedImports,
  importReport,
  recentImports,
  startImport,
} from "./import/import-commands";
export { importKindLabels, templateColumns } from "./import/templates";
export { type ImportKind, importKinds } from "./import/import-schema";
export { importTemplate } from "./import/template-file";
export {
  type ChoroplethMap,
  type PointMap,
  countryPointMap,
  franceMap,
  type PlacingMap,
  placingMap,
  searchPointClusters,
  worldClusters,
  worldMap,
} from "./maps/map-data";
export { effectiveKeyword } from "./search/project-search";
export { MAX_SEARCH_POINTS } from "./maps/limits";
export { projectFichePdf } from "./export/pdf-reports";
export { type TerritoryLevel, territoryFiche } from "./fiches/territory-fiche";
export {
  campaignStatusOf,
  closeCampaign,
  markVerified,
  openCampaign,
  remindCampaign,
} from "./campaigns/campaign-commands";
export { campaignProgress, listCampaigns } from "./campaigns/campaign-queries";
export {
  createPartnership,
  checkNewPartnership,
  writeNewPartnership,
  type CheckedPartnership,
  editablePartnership,
  partnershipFormFields,
  updatePartnership,
} from "./editing/partnership-commands";
export { editableAuthority, updateAuthority } from "./editing/authority-commands";

import { campaignWorkflow } from "./campaigns/campaign-workflow";
import { importWorkflow } from "./import/import-workflow";
/** The Atlas's workflows: update campaigns and bulk imports. */
export const workflows = [campaignWorkflow, importWorkflow] as const;
export { campaignWorkflow, importWorkflow };

import { campaignReminderRule } from "./campaigns/campaign-commands";
/** The Atlas's deadlines: an update campaign's automatic reminder. */
export const deadlineRules = [campaignReminderRule] as const;

import type { TaskProvider } from "../../platform/tasks";
import { atlasTasks } from "./campaigns/campaign-tasks";
/** What waits for a person in the Atlas, for the inbox of Mon espace. */
export const taskProviders: readonly TaskProvider[] = [atlasTasks];
export { atlasTasks };

export { latestProjectId, projectsAfter, projectsOfCollectivite } from "./projects-of";
/**
 * The Atlas's tables other modules may read in their queries (the Bourse ranks
 * collectivités by their partnerships and projects): interpolated, never named; written
 * only by the Atlas.
 */
export {
  partnershipCollectivites,
  partnershipForeignAuthorities,
  partnerships,
  projectCodes,
  projectCountries,
  projectPartnerships,
  projects,
} from "./schema";
