import type { Db } from "../../../platform/db/client";
import { atlasLabels } from "../labels";
import type { ProjectHit } from "./project-search";
import { collectiviteNames } from "../../register/index";

/** A project as the open-data API and the result list show it: labels, no personal data. */
export interface PublicProjectItem {
  id: number;
  title: string;
  status: string;
  statusLabel: string;
  startYear: number | null;
  endYear: number | null;
  countries: { code: string; name: string }[];
  themes: { code: string; label: string }[];
  collectivites: { id: number; name: string }[];
  url: string;
}

export async function publicProjectItems(db: Db, hits: ProjectHit[]): Promise<PublicProjectItem[]> {
  const [labels, names] = await Promise.all([
    atlasLabels(db),
    collectiviteNames(
      db,
      hits.flatMap((hit) => hit.collectivites),
    ),
  ]);
  return hits.map((hit) => ({
    id: hit.id,
    title: hit.title,
    status: hit.status,
    statusLabel: labels.status.get(hit.status) ?? hit.status,
    startYear: hit.startYear,
    endYear: hit.endYear,
    countries: hit.countries.map((code) => ({ code, name: labels.country.get(code) ?? code })),
    themes: hit.themes.map((code) => ({ code, label: labels.theme.get(code) ?? code })),
    collectivites: hit.collectivites.map((id) => ({ id, name: names.get(id) ?? "" })),
    url: `/atlas/projets/${hit.id}`,
  }));
}
