import type { Tx } from "../../../platform/db/client";
import { insertProject } from "../editing/project-record";
import { refreshProjectIndex } from "../project-index";
import { applyPartnerFigures } from "../statistics/partner-figures";
import {
  partnershipCollectivites,
  partnershipForeignAuthorities,
  partnerships as partnershipTable,
} from "../schema";
import type { CheckedPartnership, CheckedProject } from "./check-rows";
import { addForeignAuthority } from "../../register/index";

const INDEX_BATCH = 1_000;

/** Writes checked projects; imported records start at version 1, with no history row. */
export async function writeProjects(tx: Tx, projects: CheckedProject[]) {
  const ids: number[] = [];
  for (const project of projects)
    ids.push(await insertProject(tx, project.leadCollectiviteId, project.input));
  for (let start = 0; start < ids.length; start += INDEX_BATCH)
    await refreshProjectIndex(tx, { ids: ids.slice(start, start + INDEX_BATCH) });
  return { projects: ids.length };
}

/** Writes checked partnerships, creating each new foreign authority once. */
export async function writePartnerships(tx: Tx, rows: CheckedPartnership[]) {
  const authorityIds = new Map<string, number>();
  let createdAuthorities = 0;
  for (const row of rows) {
    if ("id" in row.authority || authorityIds.has(row.authorityKey)) continue;
    const { name, kind, countryCode, city } = row.authority;
    authorityIds.set(
      row.authorityKey,
      await addForeignAuthority(tx, { name, kind, countryCode, city: city ?? null }),
    );
    createdAuthorities += 1;
  }
  const ids: number[] = [];
  for (const row of rows) {
    const [partnership] = await tx
      .insert(partnershipTable)
      .values({ kind: row.kind, signedOn: row.signedOn, status: row.status })
      .returning({ id: partnershipTable.id });
    ids.push(partnership.id);
    await tx
      .insert(partnershipCollectivites)
      .values({ partnershipId: partnership.id, collectiviteId: row.collectiviteId });
    await tx.insert(partnershipForeignAuthorities).values({
      partnershipId: partnership.id,
      foreignAuthorityId:
        "id" in row.authority ? row.authority.id : authorityIds.get(row.authorityKey)!,
    });
  }
  await applyPartnerFigures(tx, ids, 1);
  return { partnerships: rows.length, authorities: createdAuthorities, ids };
}
