import { type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../db/client";
import type { ConsultedTarget } from "./kind";

export interface ConsultedOrganisation {
  id: number;
  name: string;
  kind: string;
}

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/**
 * The organisations that answer for the targets: the French embassy of a country, the
 * prefecture of a région, or a named organisation. Prefectures first, then embassies.
 */
export async function resolveTargets(
  q: Queryable,
  targets: readonly ConsultedTarget[],
): Promise<ConsultedOrganisation[]> {
  const countries = targets.flatMap((target) => ("embassyOf" in target ? [target.embassyOf] : []));
  const regions = targets.flatMap((target) =>
    "prefectureOf" in target ? [target.prefectureOf] : [],
  );
  const named = targets.flatMap((target) =>
    "organisationId" in target ? [target.organisationId] : [],
  );
  const parts: SQL[] = [];
  if (countries.length > 0)
    parts.push(sql`(kind = 'embassy' AND country_code IN (${list(countries)}))`);
  if (regions.length > 0)
    parts.push(sql`(kind = 'prefecture' AND region_code IN (${list(regions)}))`);
  if (named.length > 0) parts.push(sql`id IN (${list(named)})`);
  if (parts.length === 0) return [];
  return rowsOf<ConsultedOrganisation>(
    await q.execute(sql`
      SELECT id, name, kind FROM organisations
       WHERE ${sql.join(parts, sql` OR `)}
       ORDER BY kind DESC, id`),
  );
}
