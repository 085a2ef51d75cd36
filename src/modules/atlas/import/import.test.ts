import { count, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../../tests/support/actors";
import { openTestDatabase, type TestDatabase } from "../../../../tests/support/database";
import type { SignedInActor } from "../../../platform/auth/actor";
import { Forbidden, Invalid } from "../../../platform/errors";
import { partnerships, projectFundings, projects } from "../schema";
import { parseProjectFilters } from "../search/filters";
import { countProjects } from "../search/project-search";
import { importReport, startImport } from "./import-commands";
import { importTemplate } from "./template-file";
import { foreignAuthorities } from "../../register/index";

let database: TestDatabase;
let daect: SignedInActor;

beforeAll(async () => {
  database = await openTestDatabase();
  daect = await actorFor(database.db, "daect@example.org");
});
afterAll(() => database.close());

const HEADER =
  "type_collectivite;code_collectivite;titre;domaine;thematiques;pays;statut;annee_debut;budget_total;financement_1_source;financement_1_montant;odd";
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`);

const projectCount = async () => (await database.db.select({ n: count() }).from(projects))[0].n;

async function imported(kind: string, filename: string, content: Buffer) {
  const started = await startImport(database.db, daect, { kind, filename, content });
  await started.done;
  return importReport(database.db, daect, started.id);
}

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => null,
    (caught: unknown) => caught,
  );
}

describe("bulk import of projects", () => {
  const good = [
    "commune;35238;Maraîchage solidaire à Diourbel;Économie durable;Agriculture et sécurité alimentaire;SN;En cours;2025;84 000,50;Fonds propres de la collectivité;30 000,25;2, 12",
    "region;53;Formation des agents municipaux de Mopti;education-social-recherche;Gouvernance locale et appui institutionnel, jeunesse-formation;Mali;en_projet;2026;;;;16",
    "departement;35;Échanges culturels avec Kaolack;Culture et patrimoine;Culture et échanges artistiques;SN, BF;Terminé;2019;;;;",
  ];

  it("imports nothing when one line is bad, and lists every bad line with its column", async () => {
    const before = await projectCount();
    const report = await imported(
      "projects",
      "projets.csv",
      csv(
        good[0],
        "commune;99999;Projet d'une commune inconnue;Économie durable;Tourisme;SN;En cours;2025;;;;",
        good[1],
        "commune;35238;Projet aux montants faux;Économie durable;Tourisme, Thème imaginaire;SN;En cours;2025;dix euros;Fonds propres de la collectivité;;",
        good[2],
      ),
    );
    expect(report.status).toBe("invalid");
    expect(report.errors).toEqual([
      {
        line: 3,
        column: "code_collectivite",
        message: "Aucune collectivité de l'Atlas n'a le type « commune » et le code « 99999 ».",
      },
      {
        line: 5,
        column: "thematiques",
        message: "« Thème imaginaire » n'est pas une thématique connue.",
      },
      {
        line: 5,
        column: "budget_total",
        message: "Le budget total doit être un montant en euros, par exemple 12 500,50.",
      },
      {
        line: 5,
        column: "financement_1_montant",
        message: "Indiquez le montant du financement n° 1.",
      },
    ]);
    expect(await projectCount()).toBe(before);
  });

  it("imports a valid file in one go: exact amounts, searchable at once", async () => {
    const before = await projectCount();
    const report = await imported("projects", "projets.csv", csv(...good));
    expect(report).toMatchObject({ status: "done", importedRows: 3, summary: { projects: 3 } });
    expect(await projectCount()).toBe(before + 3);
    const [created] = await database.db
      .select()
      .from(projects)
      .where(eq(projects.title, "Maraîchage solidaire à Diourbel"));
    expect(created.totalBudgetCents).toBe(8_400_050);
    const fundings = await database.db
      .select()
      .from(projectFundings)
      .where(eq(projectFundings.projectId, created.id));
    expect(fundings.map((line) => [line.sourceCode, line.amountCents])).toEqual([
      ["fonds_propres", 3_000_025],
    ]);
    const found = await countProjects(
      database.db,
      parseProjectFilters(new URLSearchParams("q=maraichage diourbel&theme=agriculture&sdg=12")),
      false,
    );
    expect(found.total).toBe(1);
  });

  it("accepts its own templates, CSV and Excel", async () => {
    for (const format of ["csv", "xlsx"] as const) {
      const template = await importTemplate("projects", format);
      const report = await imported("projects", template.filename, template.body);
      expect(report, format).toMatchObject({ status: "done", summary: { projects: 1 } });
    }
  });

  it("refuses an unreadable file or wrong columns at once, naming the file field", async () => {
    const fileError = async (filename: string, content: Buffer) => {
      const error = await errorOf(
        startImport(database.db, daect, { kind: "projects", filename, content }),
      );
      expect(error).toBeInstanceOf(Invalid);
      return (error as Invalid).fieldErrors.fichier;
    };
    expect(await fileError("projets.pdf", Buffer.from("x"))).toBe(
      "Le fichier doit être au format CSV (.csv) ou Excel (.xlsx).",
    );
    expect(await fileError("projets.csv", Buffer.alloc(0))).toBe("Le fichier est vide.");
    expect(await fileError("projets.csv", Buffer.from("titre;couleur\r\nProjet;bleu\r\n"))).toBe(
      "Ligne 1 (noms des colonnes) : la colonne « couleur » n'est pas une colonne du modèle ; la colonne obligatoire « type_collectivite » manque ; la colonne obligatoire « code_collectivite » manque ; la colonne obligatoire « domaine » manque ; la colonne obligatoire « thematiques » manque ; la colonne obligatoire « pays » manque ; la colonne obligatoire « statut » manque. Partez du modèle à télécharger.",
    );
    expect(await fileError("projets.xlsx", Buffer.from("pas un classeur"))).toBe(
      "Le fichier Excel ne peut pas être lu : enregistrez-le au format .xlsx.",
    );
  });

  it("is for the DAECT only", async () => {
    const agent = await actorFor(database.db, "agent-35238@example.org");
    expect(
      await errorOf(
        startImport(database.db, agent, {
          kind: "projects",
          filename: "p.csv",
          content: csv(good[0]),
        }),
      ),
    ).toBeInstanceOf(Forbidden);
  });
});

describe("bulk import of partnerships (Excel)", () => {
  async function workbookWithPoints(rows: string[][]) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Partenariats");
    sheet.addRow([
      "type_collectivite",
      "code_collectivite",
      "autorite_partenaire",
      "type_autorite",
      "pays",
      "ville",
      "latitude",
      "longitude",
      "type_partenariat",
      "date_signature",
      "statut",
    ]);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  async function workbook(rows: string[][]) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Partenariats");
    sheet.addRow([
      "type_collectivite",
      "code_collectivite",
      "autorite_partenaire",
      "type_autorite",
      "pays",
      "ville",
      "type_partenariat",
      "date_signature",
      "statut",
    ]);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it("creates partnerships and new foreign authorities placed on their city", async () => {
    const before = (await database.db.select({ n: count() }).from(partnerships))[0].n;
    const report = await imported(
      "partnerships",
      "partenariats.xlsx",
      await workbook([
        [
          "commune",
          "35238",
          "Municipalité de Saint-Louis",
          "Municipalité",
          "Sénégal",
          "Saint-Louis",
          "Jumelage",
          "12/05/2021",
          "Active",
        ],
        [
          "region",
          "53",
          "Province de Kénitra",
          "Province ou région",
          "MA",
          "Kenitra",
          "convention",
          "2018-03-01",
          "",
        ],
      ]),
    );
    expect(report).toMatchObject({ status: "done", summary: { partnerships: 2, authorities: 2 } });
    expect((await database.db.select({ n: count() }).from(partnerships))[0].n).toBe(before + 2);
    const [saintLouis] = await database.db
      .select()
      .from(foreignAuthorities)
      .where(eq(foreignAuthorities.name, "Municipalité de Saint-Louis"));
    expect(saintLouis.countryCode).toBe("SN");
    expect(saintLouis.latitude).toBeCloseTo(16.0, 0);
  });

  it("places a new authority at its city, or at the point typed, and never without a place", async () => {
    const before = (await database.db.select({ n: count() }).from(partnerships))[0].n;
    const lines = (keurMoussa: string[]) =>
      workbookWithPoints([
        [
          "commune",
          "35238",
          "Commune de Keur Moussa",
          "Municipalité",
          "SN",
          "Keur Moussa",
          ...keurMoussa,
          "Jumelage",
          "",
          "",
        ],
        [
          "commune",
          "35238",
          "Commune de Ndiaganiao",
          "Municipalité",
          "SN",
          "",
          "",
          "",
          "Jumelage",
          "",
          "",
        ],
        [
          "commune",
          "35238",
          "Ville de Kaolack",
          "Municipalité",
          "SN",
          "",
          "",
          "",
          "Jumelage",
          "",
          "",
        ],
      ]);
    const refused = await imported(
      "partnerships",
      "partenariats.xlsx",
      await lines(["14,77", "nord"]),
    );
    expect(refused.status).toBe("invalid");
    expect(refused.errors.map((error) => [error.line, error.column])).toEqual([
      [2, "longitude"],
      [3, "ville"],
    ]);
    expect(refused.errors[1].message).toContain("placez-la par sa latitude et sa longitude");
    expect((await database.db.select({ n: count() }).from(partnerships))[0].n).toBe(before);

    const accepted = await imported(
      "partnerships",
      "partenariats.xlsx",
      await workbookWithPoints([
        [
          "commune",
          "35238",
          "Commune de Keur Moussa",
          "Municipalité",
          "SN",
          "Keur Moussa",
          "14,7712",
          "-17,1167",
          "Jumelage",
          "",
          "",
        ],
        [
          "commune",
          "35238",
          "Ville de Kaolack",
          "Municipalité",
          "SN",
          "",
          "",
          "",
          "Jumelage",
          "",
          "",
        ],
      ]),
    );
    expect(accepted).toMatchObject({ status: "done", summary: { partnerships: 2 } });
    const placed = await database.db
      .select({
        name: foreignAuthorities.name,
        latitude: foreignAuthorities.latitude,
        cityId: foreignAuthorities.cityId,
      })
      .from(foreignAuthorities)
      .where(sql`${foreignAuthorities.name} IN ('Commune de Keur Moussa', 'Ville de Kaolack')`)
      .orderBy(foreignAuthorities.name);
    expect(placed[0]).toEqual({ name: "Commune de Keur Moussa", latitude: 14.7712, cityId: null });
    expect(placed[1].cityId).not.toBeNull();
    expect(placed[1].latitude).toBeCloseTo(14.15, 1);
  });

  it("reports a partnership repeated in the file or already in the Atlas, and bad dates", async () => {
    const before = (await database.db.select({ n: count() }).from(partnerships))[0].n;
    const report = await imported(
      "partnerships",
      "partenariats.xlsx",
      await workbook([
        [
          "commune",
          "35238",
          "Municipalité de Saint-Louis",
          "Municipalité",
          "SN",
          "",
          "Jumelage",
          "",
          "",
        ],
        [
          "commune",
          "35238",
          "Ville de Tombouctou",
          "Municipalité",
          "ML",
          "",
          "Jumelage",
          "31/02/2020",
          "",
        ],
        ["commune", "35238", "Ville de Hué", "Municipalité", "VN", "Hué", "Jumelage", "", ""],
        [
          "commune",
          "35238",
          "ville de hue",
          "Municipalité",
          "vietnam",
          "Hué",
          "jumelage",
          "",
          "Active",
        ],
      ]),
    );
    expect(report.status).toBe("invalid");
    expect(report.errors.map((error) => [error.line, error.column])).toEqual([
      [2, "autorite_partenaire"],
      [3, "date_signature"],
      [5, "autorite_partenaire"],
    ]);
    expect(report.errors[2].message).toBe("Ce partenariat est déjà à la ligne 4.");
    expect((await database.db.select({ n: count() }).from(partnerships))[0].n).toBe(before);
    const [{ n: hue }] = await database.db
      .select({ n: count() })
      .from(foreignAuthorities)
      .where(sql`${foreignAuthorities.name} ILIKE 'ville de hu%'`);
    expect(hue).toBe(0);
  });
});
