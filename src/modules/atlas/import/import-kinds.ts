/** What an import holds and the states it goes through (no server code: pages use it). */
export const importKinds = ["projects", "partnerships"] as const;
export type ImportKind = (typeof importKinds)[number];

export const importStatuses = ["validating", "invalid", "importing", "done", "failed"] as const;
export type ImportStatus = (typeof importStatuses)[number];

export interface ImportError {
  /** Line of the file, counting the header as line 1 (as a spreadsheet shows it). */
  line: number;
  column: string;
  message: string;
}
