import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/client";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";

/**
 * Refusals found by crawling every form as every role: each is now said on its field (and
 * the field marked invalid), never as a page-level "Requête invalide", and changes nothing.
 */
const served = portalForTestFile();

/** The field is marked invalid and its message is in the page. */
function expectOnField(html: string, id: string, message: RegExp) {
  expect(html).toMatch(
    new RegExp(`id="${id}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${id}"`),
  );
  expect(html).toMatch(message);
  expect(html).not.toContain("Requête invalide");
}

describe("values that a form does not offer", () => {
  it("refuses a checkbox value other than ticked or not (invitation, saved search)", async () => {
    const admin = new FormClient(served.portal.baseUrl);
    await admin.signIn("agent-35238@example.org");
    const account = await admin.get("/compte");
    const members = /href="(\/organisations\/\d+\/membres)"/.exec(account.html)![1];
    await admin.get(members);
    const invitation = await admin.post(members, {
      email: "personne.exemple@example.org",
      asAdmin: "asAdmin",
    });
    expect(invitation.status).toBe(400);
    expect(invitation.html).toContain("Administrateur : valeur inattendue");

    await admin.get("/atlas/projets?country=SN");
    const search = await admin.post("/mon-espace", {
      intent: "enregistrer-recherche",
      query: "country=SN",
      name: "Sénégal",
      alert: "alert",
    });
    expect(search.status).toBe(400);
    // A checkbox group announces its error on its fieldset.
    expect(search.html).toMatch(/id="champ-alert"><fieldset[^>]*fr-fieldset--error/);
    expect(search.html).toContain("L&#x27;alerte : valeur inattendue");
  });

  it("says a name too long and an unknown format on their field in Mon espace, keeping the query", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35@example.org");
    await agent.get("/atlas/projets");
    const name = await agent.post("/mon-espace", {
      intent: "enregistrer-recherche",
      query: "country=MA",
      name: "n".repeat(100_000),
    });
    expect(name.status).toBe(400);
    expectOnField(name.html, "champ-name", /Le nom de la recherche dépasse 120 caractères/);
    expect(name.html).toContain('name="query" value="country=MA"');
    const format = await agent.post("/mon-espace", {
      intent: "garder-extraction",
      query: "country=MA",
      format: "docx",
    });
    expect(format.status).toBe(400);
    expectOnField(format.html, "champ-format", /Le format doit être l&#x27;une des valeurs/);
  });
});

describe("dates", () => {
  it("refuses a campaign closing in 9999 and a day that does not exist, on the field", async () => {
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    await daect.get("/admin/campagnes");
    const far = await daect.post("/admin/campagnes", {
      title: "Campagne lointaine",
      message: "Vérifiez vos données.",
      closesOn: "9999-12-31",
    });
    expect(far.status).toBe(400);
    expectOnField(far.html, "champ-closesOn", /La date de clôture est trop lointaine/);
    const impossible = await daect.post("/admin/campagnes", {
      title: "Campagne impossible",
      message: "Vérifiez vos données.",
      closesOn: `${new Date().getFullYear() + 1}-02-30`,
    });
    expect(impossible.status).toBe(400);
    expectOnField(impossible.html, "champ-closesOn", /n&#x27;existe pas dans le calendrier/);
  });

  it("explains 31 February on the Bourse filters and in its API, with a 400", async () => {
    const page = await fetch(`${served.portal.baseUrl}/bourse?from=2026-02-30&to=2026-02-30`);
    expect(page.status).toBe(400);
    expectOnField(await page.text(), "champ-from", /La date de début n&#x27;existe pas/);
    const api = await fetch(`${served.portal.baseUrl}/api/v1/bourse/requests?from=2020-02-31`);
    expect(api.status).toBe(400);
    expect((await api.json()).fieldErrors.from).toContain("n'existe pas");
  });
});

describe("filters of the e-APD pages", () => {
  it("says a wrong year or grouping on its field of /apd, and still shows the figures", async () => {
    const page = await fetch(`${served.portal.baseUrl}/apd?year=deux-mille&groupBy=planete`);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toMatch(/aria-invalid="true"/);
    expect(html).toContain("Chiffres clés");
    expect(html).not.toContain("Requête invalide");
  });

  it("says a wrong state filter on its field of a campaign's follow-up", async () => {
    const [campaign] = rowsOf<{ id: number }>(
      await served.database.db.execute(sql`SELECT min(id) AS id FROM apd_campaigns`),
    );
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const page = await daect.get(`/admin/apd/${campaign.id}?state=inconnu`);
    expect(page.status).toBe(400);
    expectOnField(page.html, "champ-state", /./);
    expect(page.html).toContain("Déclarations");
  });
});
