export {
  MAX_EXTRACTION_PROJECTS,
  EXTRACTION_QUOTA,
  deleteExtraction,
  deleteSearch,
  extractionFile,
  keepExtraction,
  saveSearch,
  setSearchAlert,
  userOf,
  workspaceOf,
} from "./workspace-commands";
export { sendAlertDigests } from "./alerts";
