import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../../tests/support/actors";
import { openTestDatabase, type TestDatabase } from "../../../../tests/support/database";
import { auditLog } from "../../../platform/audit/schema";
import type { SignedInActor } from "../../../platform/auth/actor";
import { rowsOf } from "../../../platform/db/client";
import { Forbidden, Invalid, StaleVersion } from "../../../platform/errors";
import { dataVersion } from "../../../platform/changes";
import { atlasLabels } from "../labels";
import { projectFundings, projects } from "../schema";
import { parseProjectFilters } from "../search/filters";
import { countProjects } from "../search/project-search";
import { editableCollectivite, updateCollectiviteProfile } from "./collectivite-commands";
import { atlasVersions, projectRemarks } from "./editing-schema";
import { compareSnapshots } from "./field-display";
import {
  addProjectRemark,
  createProject,
  editableProject,
  updateProject,
} from "./project-commands";
import { projectFormValues } from "./project-input";
import { readProject } from "./project-record";
import { collectivites } from "../../register/index";
import { checkNewPartnership } from "./partnership-commands";
import { requestCountries } from "../../bourse/index";

let database: TestDatabase;
let rennesAgent: SignedInActor;
let daect: SignedInActor;
let senegalEmbassy: SignedInActor;
let rennesId: number;
let rennesProjectId: number;
let otherProjectId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  const { db } = database;
  rennesAgent = await actorFor(db, "agent-35238@example.org");
  daect = await actorFor(db, "daect@example.org");
  senegalEmbassy = await actorFor(db, "ambassade-sn@example.org");
  [{ id: rennesId }] = await db
    .select({ id: collectivites.id })
    .from(collectivites)
    .where(eq(collectivites.unitId, "commune:35238"));
  [{ id: rennesProjectId }] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.leadCollectiviteId, rennesId))
    .limit(1);
  // A project none of whose collectivités is Rennes, and which does not concern Senegal.
  [{ id: otherProjectId }] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(
      sql`${projects.leadCollectiviteId} <> ${rennesId} AND NOT EXISTS (
        SELECT 1 FROM atlas_project_countries pc WHERE pc.project_id = ${projects.id} AND pc.country_code = 'SN')
        AND NOT EXISTS (SELECT 1 FROM atlas_project_partnerships pp
          JOIN atlas_partnership_collectivites c ON c.partnership_id = pp.partnership_id
          WHERE pp.project_id = ${projects.id} AND c.collectivite_id = ${rennesId})`,
    )
    .limit(1);
});
afterAll(() => database.close());

/** The edit form of a project as it is stored, with some fields changed. */
async function formOf(
  projectId: number,
  changes: Record<string, string | string[]> = {},
): Promise<Record<string, string | string[]>> {
  const stored = (await readProject(database.db, projectId))!;
  return { ...projectFormValues(stored.input), version: String(stored.version), ...changes };
}

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (caught: unknown) => caught,
  );
}

const matching = async (query: string) =>
  (await countProjects(database.db, parseProjectFilters(new URLSearchParams(query)), false)).total;

describe("editing a project", () => {
  it("saves a new version: content, history, journal and search index", async () => {
    const before = (await readProject(database.db, rennesProjectId))!;
    const form = await formOf(rennesProjectId, {
      title: "Coopération hydraulique Rennes–Kaolack : forages solaires",
      totalBudgetCents: "250 000,50",
      fundingSource1: "fonds_propres",
      fundingAmount1: "120 000,25",
      fundingSource2: "",
      fundingAmount2: "",
    });
    for (let n = 2; n <= 8; n++) {
      form[`fundingSource${n}`] = "";
      form[`fundingAmount${n}`] = "";
    }
    const result = await updateProject(database.db, rennesAgent, rennesProjectId, form);
    expect(result).toEqual({ version: before.version + 1, changed: true });

    const after = (await readProject(database.db, rennesProjectId))!;
    expect(after.input.title).toBe("Coopération hydraulique Rennes–Kaolack : forages solaires");
    // Amounts are kept exactly, to the cent.
    expect(after.input.totalBudgetCents).toBe(25_000_050);
    expect(after.input.fundings).toEqual([
      { sourceCode: "fonds_propres", amountCents: 12_000_025 },
    ]);

    const [version] = await database.db
      .select()
      .from(atlasVersions)
      .where(
        and(eq(atlasVersions.entityType, "project"), eq(atlasVersions.entityId, rennesProjectId)),
      );
    expect(version.version).toBe(before.version + 1);
    expect(version.actorLabel).toContain("agent-35238@example.org");
    expect(Object.keys(version.changes)).toEqual(
      expect.arrayContaining(["title", "totalBudgetCents", "fundings"]),
    );
    expect(version.changes.title).toEqual({ before: before.input.title, after: after.input.title });

    const journal = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, "atlas_project"),
          eq(auditLog.entityId, String(rennesProjectId)),
        ),
      );
    expect(journal).toHaveLength(1);

    // The public search sees the new title at once (accents ignored).
    expect(await matching("q=forages solaires kaolack")).toBe(1);
  });

  it("keeps the version when nothing changed", async () => {
    const stored = (await readProject(database.db, rennesProjectId))!;
    const result = await updateProject(
      database.db,
      rennesAgent,
      rennesProjectId,
      await formOf(rennesProjectId),
    );
    expect(result).toEqual({ version: stored.version, changed: false });
  });

  it("refuses a save made on an outdated form and overwrites nothing", async () => {
    const opened = await formOf(rennesProjectId);
    await updateProject(database.db, daect, rennesProjectId, {
      ...opened,
      description: "Description complétée par la DAECT.",
    });
    const error = await errorOf(
      updateProject(database.db, rennesAgent, rennesProjectId, {
        ...opened,
        description: "Description réécrite par la commune.",
        volunteers: "4",
      }),
    );
    expect(error).toBeInstanceOf(StaleVersion);
    const conflict = (error as StaleVersion).current;
    expect(conflict.version).toBe(Number(opened.version) + 1);
    expect(conflict.changedBy).toContain("daect@example.org");
    expect(conflict.snapshot.description).toBe("Description complétée par la DAECT.");
    expect(conflict.typed.description).toBe("Description réécrite par la commune.");

    const stored = (await readProject(database.db, rennesProjectId))!;
    expect(stored.input.description).toBe("Description complétée par la DAECT.");
    expect(stored.version).toBe(conflict.version);

    const rows = compareSnapshots(
      "project",
      conflict.snapshot,
      conflict.typed,
      await atlasLabels(database.db),
    );
    expect(rows.map((row) => row.label)).toEqual(["Description", "Volontaires"]);
    expect(rows[0]).toMatchObject({
      before: "Description complétée par la DAECT.",
      after: "Description réécrite par la commune.",
    });
  });

  it("names every bad field in French and changes nothing", async () => {
    const before = (await readProject(database.db, rennesProjectId))!;
    const error = await errorOf(
      updateProject(
        database.db,
        rennesAgent,
        rennesProjectId,
        await formOf(rennesProjectId, {
          title: "  ",
          themes: ["eau-assainissement", "theme-inconnu"],
          countries: [],
          startYear: "2024",
          endYear: "2019",
          fundingSource1: "fonds_propres",
          fundingAmount1: "12,345",
          totalBudgetCents: "douze euros",
        }),
      ),
    );
    expect(error).toBeInstanceOf(Invalid);
    const fields = (error as Invalid).fieldErrors;
    expect(fields.title).toBe("Le titre est obligatoire.");
    expect(fields.themes).toBe("La liste des thématiques contient une valeur inconnue.");
    expect(fields.countries).toBe("Choisissez au moins un pays concerné.");
    expect(fields.endYear).toBe("L'année de fin (2019) précède l'année de début (2024).");
    expect(fields.fundingAmount1).toMatch(/^Le montant du financement n° 1 doit être un montant/);
    expect(fields.totalBudgetCents).toMatch(/^Le budget total doit être un montant en euros/);
    expect(await readProject(database.db, rennesProjectId)).toEqual(before);
  });

  it("refuses a partnership of another collectivité", async () => {
    const [{ id: foreignPartnership }] = rowsOf<{ id: number }>(
      await database.db.execute(sql`
        SELECT partnership_id AS id FROM atlas_partnership_collectivites
         WHERE collectivite_id <> ${rennesId} LIMIT 1`),
    );
    const error = await errorOf(
      updateProject(
        database.db,
        rennesAgent,
        rennesProjectId,
        await formOf(rennesProjectId, { partnershipIds: [String(foreignPartnership)] }),
      ),
    );
    expect((error as Invalid).fieldErrors.partnershipIds).toMatch(/collectivité porteuse/);
  });

  it("lets agents edit their own collectivité's projects only; the DAECT edits all", async () => {
    expect(await errorOf(editableProject(database.db, rennesAgent, otherProjectId))).toBeInstanceOf(
      Forbidden,
    );
    expect(
      await errorOf(
        updateProject(database.db, rennesAgent, otherProjectId, await formOf(otherProjectId)),
      ),
    ).toBeInstanceOf(Forbidden);
    expect(await editableProject(database.db, daect, otherProjectId)).toMatchObject({
      id: otherProjectId,
    });
    expect(
      await errorOf(editableProject(database.db, senegalEmbassy, rennesProjectId)),
    ).toBeInstanceOf(Forbidden);
  });
});

describe("creating a project", () => {
  it("adds a project led by the agent's collectivité, searchable at once, with version 1", async () => {
    const { projectId } = await createProject(database.db, rennesAgent, rennesId, {
      title: "Jardins partagés et compostage à Diourbel",
      domainCode: "environnement-climat-energie",
      themes: ["dechets", "agriculture"],
      sdgs: ["11", "12"],
      countries: ["SN"],
      status: "en_projet",
      startYear: "2027",
      totalBudgetCents: "18 000",
      fundingSource1: "fonds_propres",
      fundingAmount1: "9 000",
    });
    const stored = (await readProject(database.db, projectId))!;
    expect(stored).toMatchObject({ version: 1, leadCollectiviteId: rennesId });
    expect(stored.input.themes).toEqual(["agriculture", "dechets"]);
    expect(await matching("q=jardins partages diourbel&country=SN&theme=dechets")).toBe(1);
    const versions = await database.db
      .select()
      .from(atlasVersions)
      .where(and(eq(atlasVersions.entityType, "project"), eq(atlasVersions.entityId, projectId)));
    expect(versions.map((v) => v.version)).toEqual([1]);
    const funding = await database.db
      .select()
      .from(projectFundings)
      .where(eq(projectFundings.projectId, projectId));
    expect(funding.map((line) => line.amountCents)).toEqual([900_000]);
  });

  it("refuses a project for another collectivité", async () => {
    const [{ id: otherCollectivite }] = await database.db
      .select({ id: projects.leadCollectiviteId })
      .from(projects)
      .where(eq(projects.id, otherProjectId));
    expect(
      await errorOf(
        createProject(database.db, rennesAgent, otherCollectivite!, { title: "Projet" }),
      ),
    ).toBeInstanceOf(Forbidden);
  });
});

describe("remarks of embassies and operators", () => {
  it("lets the embassy complete a project of its country, signed by the embassy", async () => {
    const [{ id: senegalProject }] = rowsOf<{ id: number }>(
      await database.db.execute(
        sql`SELECT project_id AS id FROM atlas_project_countries WHERE country_code = 'SN' LIMIT 1`,
      ),
    );
    const versionBefore = await dataVersion(database.db, "atlas");
    await addProjectRemark(database.db, senegalEmbassy, senegalProject, {
      body: "Projet suivi par le service de coopération ; visite prévue en mars.",
    });
    const remarks = await database.db
      .select()
      .from(projectRemarks)
      .where(eq(projectRemarks.projectId, senegalProject));
    expect(remarks).toHaveLength(1);
    expect(remarks[0].organisationId).toBe(senegalEmbassy.memberships[0].organisationId);
    // The fiche shows the remark: its cached copies must be revalidated.
    expect(await dataVersion(database.db, "atlas")).toBe(versionBefore + 1);
  });

  it("refuses a remark outside the embassy's country, and an empty remark", async () => {
    expect(
      await errorOf(addProjectRemark(database.db, senegalEmbassy, otherProjectId, { body: "x" })),
    ).toBeInstanceOf(Forbidden);
    const daectRemark = await errorOf(
      addProjectRemark(database.db, daect, otherProjectId, { body: " " }),
    );
    expect((daectRemark as Invalid).fieldErrors.body).toBe(
      "Le texte de la remarque est obligatoire.",
    );
  });
});

describe("editing a collectivité's profile", () => {
  const profile = (version: number, changes: Record<string, string> = {}) => ({
    version: String(version),
    hasInternationalService: "oui",
    contactName: "Camille Exemple-Fictif",
    contactEmail: "Relations.Internationales@Rennes.example.org",
    contactPhone: "02 99 00 00 00",
    staffFte: "2,5",
    yearlyBudgetCents: "350 000",
    website: "https://metropole.rennes.fr",
    presentation: "Ville jumelée avec Diourbel depuis 1986.",
    ...changes,
  });

  it("saves the profile, then refuses a save made on the older version", async () => {
    const opened = await editableCollectivite(database.db, rennesAgent, rennesId);
    const saved = await updateCollectiviteProfile(
      database.db,
      rennesAgent,
      rennesId,
      profile(opened.version),
    );
    expect(saved).toEqual({ version: opened.version + 1, changed: true });
    const now = await editableCollectivite(database.db, rennesAgent, rennesId);
    expect(now.profile).toMatchObject({
      contactEmail: "relations.internationales@rennes.example.org",
      staffFte: "2.50",
      yearlyBudgetCents: 35_000_000,
      hasInternationalService: true,
    });
    const stale = await errorOf(
      updateCollectiviteProfile(
        database.db,
        daect,
        rennesId,
        profile(opened.version, { presentation: "Autre texte." }),
      ),
    );
    expect(stale).toBeInstanceOf(StaleVersion);
    expect((await editableCollectivite(database.db, daect, rennesId)).profile.presentation).toBe(
      "Ville jumelée avec Diourbel depuis 1986.",
    );
  });

  it("names bad fields and keeps other collectivités out", async () => {
    const opened = await editableCollectivite(database.db, rennesAgent, rennesId);
    const error = await errorOf(
      updateCollectiviteProfile(
        database.db,
        rennesAgent,
        rennesId,
        profile(opened.version, { contactEmail: "pas-une-adresse", website: "rennes.fr" }),
      ),
    );
    expect(Object.keys((error as Invalid).fieldErrors).sort()).toEqual(["contactEmail", "website"]);
    const [{ id: other }] = await database.db
      .select({ id: collectivites.id })
      .from(collectivites)
      .where(sql`${collectivites.id} <> ${rennesId}`)
      .limit(1);
    expect(await errorOf(editableCollectivite(database.db, rennesAgent, other))).toBeInstanceOf(
      Forbidden,
    );
  });
});

describe("partner countries", () => {
  it("are foreign countries only: no France, no French overseas, no land without inhabitants", async () => {
    const { partnerCountry } = await atlasLabels(database.db);
    for (const code of ["FR", "GP", "RE", "NC", "AQ", "BV"])
      expect(partnerCountry.has(code)).toBe(false);
    for (const code of ["SN", "DE", "NU", "HT"]) expect(partnerCountry.has(code)).toBe(true);
    expect([...(await requestCountries(database.db)).keys()].sort()).toEqual(
      [...partnerCountry.keys()].sort(),
    );
  });

  it("refuses a partnership with a French overseas authority, naming the field", async () => {
    const error = await errorOf(
      checkNewPartnership(database.db, rennesAgent, rennesId, {
        autorite_partenaire: "Basse-Terre",
        type_autorite: "Municipalité",
        pays: "Guadeloupe",
        ville: "Basse-Terre",
        type_partenariat: "Jumelage",
        statut: "Active",
      }),
    );
    expect((error as Invalid).fieldErrors.pays).toBe(
      "« Guadeloupe » n'est pas un pays partenaire connu (la France et l'outre-mer français n'en sont pas).",
    );
  });
});
