import {
  type VersionedEntity,
  atlasLabels,
  compareSnapshots,
  partnershipChoices,
  projectStatusLabels,
} from "../../src/modules/atlas/index";
import type { Db } from "../../src/platform/db/client";
import type { StaleVersion } from "../../src/platform/errors";
import { atlasDomains } from "../../src/reference/data/themes";
import type { PartnershipChoices } from "./components/PartnershipFields";
import type { ProjectFormChoices } from "./components/ProjectForm";
import { foreignAuthorityKindLabels } from "../../src/modules/register/index";
import { type FormValues, runAction } from "../platform/http.server";

/** The lists a project form offers, with the partnerships of the project's collectivité. */
export async function projectFormChoices(
  db: Db,
  collectiviteId: number | null,
  currentPartnerships: number[] = [],
): Promise<ProjectFormChoices> {
  const labels = await atlasLabels(db);
  const partnerships = await partnershipChoices(
    db,
    collectiviteId ? [collectiviteId] : [],
    currentPartnerships,
  );
  return {
    domains: atlasDomains.map((domain) => [domain.code, domain.label]),
    themesByDomain: atlasDomains.map((domain) => ({
      domain: domain.label,
      themes: domain.themes.map(([code, label]) => [code, label]),
    })),
    sdgs: [...labels.sdg],
    countries: [...labels.partnerCountry],
    fundingSources: [...labels.funding],
    statuses: Object.entries(projectStatusLabels),
    partnerships: partnerships.map((choice) => [String(choice.id), choice.label]),
  };
}

/** Describes a refused save (stored version against what was typed) for the conflict table. */
export const conflictComparer =
  (db: Db, entity: VersionedEntity) => async (current: StaleVersion["current"]) =>
    compareSnapshots(entity, current.snapshot, current.typed, await atlasLabels(db));

/**
 * After an edit, this instance forgets the public figures it computed (counts, statistics,
 * totals); other instances refresh theirs within their few minutes of life.
 */

/**
 * The action of an edit form saved in place: runs the save (the command announces the
 * change) and turns a refused save into the comparison of both versions.
 */
export function saveInPlace(
  db: Db,
  entity: VersionedEntity,
  values: FormValues,
  save: () => Promise<{ version: number; changed: boolean }>,
) {
  return runAction(
    values,
    async () => {
      const saved = await save();
      return { ok: true as const, ...saved };
    },
    conflictComparer(db, entity),
  );
}

/** The choices of the new-partnership fields; authority kinds travel as their French label. */
export async function newPartnershipChoices(db: Db): Promise<PartnershipChoices> {
  const labels = await atlasLabels(db);
  return {
    countries: [...labels.partnerCountry],
    kinds: [...labels.partnershipKind],
    authorityKinds: Object.values(foreignAuthorityKindLabels).map(
      (label) => [label, label] as [string, string],
    ),
  };
}
