import { describe, expect, it } from "vitest";
import { atlasTotals } from "../../src/modules/atlas/stats-queries";
import { AUDITED_PAGES, RGAA_GRID } from "../../src/platform/accessibility/rgaa-grid";
import { COMPLIANCE_IN_FRENCH, auditSummary } from "../../src/platform/accessibility/statement";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();

describe("the home page", () => {
  it("leads to every module, each page answering", async () => {
    const html = await (await fetch(`${served.portal.baseUrl}/`)).text();
    const tiles = [...html.matchAll(/<h3 class="fr-tile__title"><a href="([^"]+)">/g)].map(
      (match) => match[1],
    );
    expect(tiles).toEqual(
      expect.arrayContaining([
        "/atlas/projets",
        "/atlas/carte",
        "/atlas/statistiques",
        "/apd",
        "/bourse",
        "/mon-espace",
      ]),
    );
    for (const href of tiles) {
      const response = await fetch(`${served.portal.baseUrl}${href}`, { redirect: "manual" });
      // Mon espace asks a visitor to sign in first.
      if (href === "/mon-espace") expect(response.headers.get("location")).toMatch(/^\/connexion/);
      else expect(response.status, href).toBe(200);
    }
  });

  it("gives distinct counts and says what they count", async () => {
    const html = await (await fetch(`${served.portal.baseUrl}/`)).text();
    const totals = await atlasTotals(served.database.db);
    const shown = (label: string) =>
      Number(
        new RegExp(`<p class="fr-h3 fr-mb-1v">([\\d\\s\u202f]+)</p><p class="fr-mb-0">${label}`)
          .exec(html)![1]
          .replace(/\D/g, ""),
      );
    expect(shown("collectivités territoriales françaises engagées")).toBe(totals.collectivites);
    expect(shown("autorités locales partenaires")).toBe(totals.authorities);
    expect(shown("pays partenaires")).toBe(totals.countries);
    expect(html).toContain("est compté une fois, même s&#x27;il coopère sur plusieurs continents");
  });
});

describe("the accessibility statement", () => {
  it("publishes the audit grid's own result, and the footer says the same", async () => {
    const summary = auditSummary();
    const status = COMPLIANCE_IN_FRENCH[summary.compliance];
    const html = await (await fetch(`${served.portal.baseUrl}/accessibilite`)).text();
    expect(html).toContain(`<strong>${status}</strong>`);
    expect(html).toContain(`${summary.rate.toLocaleString("fr-FR")}\u00a0% des critères`);
    expect(html).toContain(`${summary.applicable} critères applicables`);
    // Each criterion of the grid is in the page, with its result.
    const rows = [...html.matchAll(/<th scope="row">(\d+\.\d+)<\/th>/g)].map((match) => match[1]);
    expect(rows).toEqual(RGAA_GRID.flatMap((theme) => theme.criteria.map((c) => c.id)));
    const home = await (await fetch(`${served.portal.baseUrl}/`)).text();
    expect(home).toContain(`Accessibilité : ${status}`);
  });

  it("links to the audited pages, each of which answers", async () => {
    const html = await (await fetch(`${served.portal.baseUrl}/accessibilite`)).text();
    for (const page of AUDITED_PAGES) {
      expect(html).toContain(`href="${page.path}"`);
      const response = await fetch(`${served.portal.baseUrl}${page.path}`, { redirect: "manual" });
      if (response.status === 302)
        expect(response.headers.get("location"), page.path).toMatch(/^\/connexion\?retour=/);
      else expect(response.status, page.path).toBe(200);
    }
  });
});
