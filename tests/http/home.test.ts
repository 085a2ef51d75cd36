import { describe, expect, it } from "vitest";
import { atlasTotals } from "../../src/modules/atlas/stats-queries";
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
