import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { projects } from "../../src/modules/atlas/schema";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";

/** The DAECT's bulk import through the pages: template, upload, progress, report. */
const served = portalForTestFile();

async function waitForReport(client: FormClient, path: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const page = await client.get(path);
    if (!/Vérification en cours|Enregistrement en cours/.test(page.html)) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The import did not finish");
}

describe("bulk import pages", () => {
  it("downloads the template, refuses a file with a bad line listing it, then imports", async () => {
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const template = await fetch(`${served.portal.baseUrl}/admin/imports/modeles/projects/csv`, {
      headers: { cookie: `aect_session=${daect.cookie("aect_session")}` },
    });
    expect(template.status).toBe(200);
    expect(template.headers.get("content-disposition")).toContain("modele-import-projets.csv");
    const templateText = await template.text();
    const [header, example] = templateText
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header.split(";")).toContain("financement_1_montant");

    const before = (await served.database.db.select({ n: count() }).from(projects))[0].n;
    await daect.get("/admin/imports");
    const bad = new FormData();
    bad.set("kind", "projects");
    bad.set(
      "fichier",
      new File(
        [`${header}\r\n${example}\r\n${example.replace(";SN;", ";XX;")}\r\n`],
        "projets.csv",
        {
          type: "text/csv",
        },
      ),
    );
    const refused = await daect.postMultipart("/admin/imports", bad);
    expect(refused.status).toBe(302);
    const report = await waitForReport(daect, refused.location!);
    expect(report.html).toContain("Rien n&#x27;a été importé : 1 erreur");
    expect(report.html).toMatch(
      /<td>3<\/td><td>pays<\/td><td>« XX » n&#x27;est pas un pays partenaire connu/,
    );
    expect((await served.database.db.select({ n: count() }).from(projects))[0].n).toBe(before);

    await daect.get("/admin/imports");
    const good = new FormData();
    good.set("kind", "projects");
    good.set("fichier", new File([templateText], "projets.csv", { type: "text/csv" }));
    const accepted = await daect.postMultipart("/admin/imports", good);
    const done = await waitForReport(daect, accepted.location!);
    expect(done.html).toContain("Import terminé");
    expect(done.html).toContain("1 projet ajouté");
    expect((await served.database.db.select({ n: count() }).from(projects))[0].n).toBe(before + 1);
  });

  it("names the file field when no file is sent, keeping the chosen kind", async () => {
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    await daect.get("/admin/imports");
    const form = new FormData();
    form.set("kind", "partnerships");
    const response = await daect.postMultipart("/admin/imports", form);
    expect(response.status).toBe(400);
    expect(response.html).toContain("Choisissez le fichier à importer (CSV ou Excel).");
    expect(response.html).toMatch(/name="kind" checked="" value="partnerships"/);
  });
});
