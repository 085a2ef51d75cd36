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

import type { PersonalDataProvider } from "../../platform/personal-data";
import { workspacePersonalData } from "./personal-data";
/** What the workspace keeps about a person. */
export const personalDataProviders: readonly PersonalDataProvider[] = [workspacePersonalData];
