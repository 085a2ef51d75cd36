import { templateFile } from "../../../platform/files/template-file";
import type { ImportKind } from "./import-schema";
import { templateColumns } from "./templates";

const names: Record<ImportKind, { file: string; sheet: string }> = {
  projects: { file: "modele-import-projets", sheet: "Projets" },
  partnerships: { file: "modele-import-partenariats", sheet: "Partenariats" },
};

export const importTemplate = (kind: ImportKind, format: "csv" | "xlsx") =>
  templateFile(templateColumns[kind], format, names[kind]);
