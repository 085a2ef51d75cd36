import { personalDataProviders as accounts } from "../../src/modules/accounts/index";
import { personalDataProviders as bourse } from "../../src/modules/bourse/index";
import { personalDataProviders as workspace } from "../../src/modules/workspace/index";
import type { Queryable } from "../../src/platform/db/client";

/** Every module that keeps data about a person: the download gathers them all. */
const providers = [...accounts, ...workspace, ...bourse];

/** What the portal keeps about the person, as one JSON document. */
export async function personalDataOf(q: Queryable, userId: number) {
  const parts = await Promise.all(providers.map((provide) => provide(q, userId)));
  return Object.assign(
    { portail: "Portail AECT", exporteLe: new Date().toISOString() },
    ...parts,
  ) as Record<string, unknown>;
}
