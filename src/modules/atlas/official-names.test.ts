import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/database";
import { organisations } from "../../platform/auth/schema";
import { rowsOf } from "../../platform/db/client";
import { territorialUnits } from "../../reference/schema";
import { dataVersion } from "../../platform/changes";
import { collectivites, writeOfficialNames } from "../register/index";
import { rebuildAtlasIndex, refreshProjectIndex } from "./project-index";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("official names of collectivités, after the reference is reloaded", () => {
  it("give back to a département its name with the official article, everywhere it shows", async () => {
    const db = database.db;
    // A département of the demo whose name takes "du", "de la" or "des".
    const [departement] = await db
      .select({
        id: collectivites.id,
        name: collectivites.name,
        organisationId: collectivites.organisationId,
        unitName: territorialUnits.name,
      })
      .from(collectivites)
      .innerJoin(territorialUnits, eq(territorialUnits.id, collectivites.unitId))
      .where(and(eq(collectivites.kind, "departement"), inArray(territorialUnits.tncc, [2, 3, 4])))
      .limit(1);
    expect(departement.name).toMatch(/^Département (du|de la|des) /);
    const projects = rowsOf<{ id: number }>(
      await db.execute(sql`SELECT project_id AS id FROM atlas_project_index
                            WHERE ${departement.id} = ANY(collectivites)`),
    ).map((row) => row.id);
    expect(projects.length).toBeGreaterThan(0);

    // As an earlier rule wrote it, in the register, its organisation and its search rows.
    const wrong = `Département de ${departement.unitName}`;
    await db.update(collectivites).set({ name: wrong }).where(eq(collectivites.id, departement.id));
    await db
      .update(organisations)
      .set({ name: wrong })
      .where(eq(organisations.id, departement.organisationId!));
    await refreshProjectIndex(db, { ids: projects });
    const shown = async (name: string) =>
      rowsOf<{ rows: number; lines: number }>(
        await db.execute(sql`
          SELECT (SELECT count(*)::int FROM atlas_project_index
                   WHERE ${name} = ANY(collectivite_names)) AS rows,
                 (SELECT count(*)::int FROM atlas_export_lines
                   WHERE strpos(head, ${name}) > 0) AS lines`),
      )[0];
    expect(await shown(wrong)).toEqual({ rows: projects.length, lines: projects.length });

    // What start-up does after reloading the reference: rename, then write the rows again.
    expect(await db.transaction(writeOfficialNames)).toEqual([departement.id]);
    const before = await dataVersion(db, "atlas");
    await rebuildAtlasIndex(db);
    expect(await dataVersion(db, "atlas")).toBe(before + 1);
    const [register] = await db
      .select({ name: collectivites.name })
      .from(collectivites)
      .where(eq(collectivites.id, departement.id));
    const [organisation] = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, departement.organisationId!));
    expect(register.name).toBe(departement.name);
    expect(organisation.name).toBe(departement.name);
    expect(await shown(wrong)).toEqual({ rows: 0, lines: 0 });
    expect((await shown(departement.name)).rows).toBe(projects.length);
    // Nothing left to rename.
    expect(await db.transaction(writeOfficialNames)).toEqual([]);
  });
});
