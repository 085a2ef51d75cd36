import {
  type VersionedEntity,
  atlasLabels,
  describeChanges,
  listVersions,
} from "../../src/modules/atlas/index";
import type { Db } from "../../src/platform/db/client";
import type { VersionEntry } from "./components/VersionHistory";

/** The versions of a record described in French, for a history page. */
export async function versionEntries(
  db: Db,
  entity: VersionedEntity,
  id: number,
): Promise<VersionEntry[]> {
  const [labels, versions] = await Promise.all([atlasLabels(db), listVersions(db, entity, id)]);
  return versions.map((version) => ({
    version: version.version,
    actorLabel: version.actorLabel,
    createdAt: version.createdAt,
    fields: describeChanges(entity, version.changes, labels),
  }));
}
