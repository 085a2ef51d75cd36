import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/client";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";

/** The maps are drawn by the portal itself, and each one's table gives the same figures. */
const served = portalForTestFile();

const apiTotal = async (query: string) => {
  const response = await fetch(`${served.portal.baseUrl}/api/v1/projects?${query}&limit=1`);
  return ((await response.json()) as { total: number }).total;
};

/** The figure the map's table gives for an area, by its name. */
function tableFigure(html: string, name: string): number {
  const row = new RegExp(
    `>${name}</a></th><td class="fr-cell--right">([\\d\\s\\u202f]+)</td>`,
  ).exec(html);
  if (!row) throw new Error(`No row for ${name}`);
  return Number(row[1].replace(/\D/g, ""));
}

describe("Atlas maps", () => {
  const visitor = () => new FormClient(served.portal.baseUrl);

  it("draws the world coloured by projects per country, with the same figures in its table", async () => {
    const page = await visitor().get("/atlas/carte");
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<svg viewBox="0 0 960 470" data-whole="0 0 960 470" role="img"/);
    expect((page.html.match(/<path d="M/g) ?? []).length).toBeGreaterThan(150);
    expect(tableFigure(page.html, "Sénégal")).toBe(await apiTotal("country=SN"));
    expect(tableFigure(page.html, "Maroc")).toBe(await apiTotal("country=MA"));
    // No external map server: nothing is loaded from another host.
    expect(page.html).not.toMatch(/tile|openstreetmap|mapbox/i);
  });

  it("draws France by région and by département for any search", async () => {
    const regions = await visitor().get("/atlas/carte?vue=regions&theme=eau-assainissement");
    expect(regions.status).toBe(200);
    expect(tableFigure(regions.html, "Bretagne")).toBe(
      await apiTotal("region=53&theme=eau-assainissement"),
    );
    const departements = await visitor().get("/atlas/carte?vue=departements&continent=Afrique");
    expect(tableFigure(departements.html, "Ille-et-Vilaine")).toBe(
      await apiTotal("departement=35&continent=Afrique"),
    );
  });

  it("places a small search's projects as clustered points", async () => {
    const query = "country=SN";
    const total = await apiTotal(query);
    expect(total).toBeGreaterThan(0);
    const page = await visitor().get(`/atlas/carte?${query}`);
    expect(page.status).toBe(200);
    const circles = [...page.html.matchAll(/<circle[^>]*r="([\d.]+)"/g)];
    expect(circles.length).toBeGreaterThan(0);
    const counted = [
      ...page.html.matchAll(/<title>(\d+) projets?<\/title><desc translate="no">/g),
    ].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(counted).toBe(total);
  });

  it("drills down from an area: région, its départements, one département, its fiche", async () => {
    const areaLink = (html: string, code: string) => {
      const link = new RegExp(`data-code="${code}" data-count="\\d+" data-href="([^"]+)"`).exec(
        html,
      );
      if (!link) throw new Error(`No link on area ${code}`);
      return link[1].replaceAll("&amp;", "&");
    };
    const regions = await visitor().get("/atlas/carte?vue=regions&theme=eau-assainissement");
    // The drawing, its table and the script that makes it explorable are all in the page.
    expect(regions.html).toContain('<script src="/js/carte.js" async="">');
    expect(regions.html).toContain("<table><caption>Projets par région");
    const bretagne = areaLink(regions.html, "53");
    expect(bretagne).toBe("/atlas/carte?theme=eau-assainissement&vue=departements&region=53");
    // The table holds the same link, for keyboards and without JavaScript.
    expect(regions.html).toContain(`<a href="${bretagne.replaceAll("&", "&amp;")}">Bretagne</a>`);

    const drilled = await visitor().get(bretagne);
    expect(drilled.status).toBe(200);
    // Fitted to Brittany's four départements: a part of the drawing, shown closer.
    const [, shown, whole] = /<svg viewBox="([^"]+)" data-whole="([^"]+)"/.exec(drilled.html)!;
    expect(shown).not.toBe(whole);
    expect(Number(shown.split(" ")[2])).toBeLessThan(Number(whole.split(" ")[2]) / 3);
    const listed = [...drilled.html.matchAll(/<th scope="row"><a href="[^"]*">([^<]+)<\/a>/g)].map(
      (row) => row[1],
    );
    expect(listed.sort()).toEqual([
      "Côtes-d&#x27;Armor",
      "Finistère",
      "Ille-et-Vilaine",
      "Morbihan",
    ]);
    expect(drilled.html).toContain('href="/atlas/regions/53">Fiche : Bretagne</a>');

    const finistere = areaLink(drilled.html, "29");
    expect(finistere).toBe("/atlas/carte?theme=eau-assainissement&vue=departements&departement=29");
    const alone = await visitor().get(finistere);
    expect(tableFigure(alone.html, "Finistère")).toBe(
      await apiTotal("departement=29&theme=eau-assainissement"),
    );
    // The area alone on the map opens its fiche.
    expect(areaLink(alone.html, "29")).toBe("/atlas/departements/29");
  });

  it("drills down the world to a country, fitted, with its projects' places, then to its fiche", async () => {
    const world = await visitor().get("/atlas/carte");
    const senegal = /data-code="SN" data-count="\d+" data-href="([^"]+)"/
      .exec(world.html)![1]
      .replaceAll("&amp;", "&");
    expect(senegal).toBe("/atlas/carte?vue=monde&country=SN");
    const page = await visitor().get(senegal);
    const shown = /<svg viewBox="([^"]+)"/.exec(page.html)![1].split(" ").map(Number);
    expect(shown[2]).toBeLessThan(960 / 4);
    expect(page.html).toMatch(/data-code="SN"[^>]*><title>/);
    expect(page.html).toMatch(/data-code="SN" data-count="\d+" data-href="\/atlas\/pays\/SN"/);
    expect(page.html).toContain("Revenir au monde entier");
  });

  it("draws overseas France beside the metropolis, by région and by département", async () => {
    const departements = await visitor().get("/atlas/carte?vue=departements");
    for (const code of ["971", "972", "973", "974", "976"])
      expect(departements.html).toMatch(
        new RegExp(`<path d="M[^"]+" fill="#[0-9a-f]{6}" data-code="${code}"`),
      );
    const regions = await visitor().get("/atlas/carte?vue=regions");
    for (const code of ["01", "02", "03", "04", "06"])
      expect(regions.html).toMatch(new RegExp(`data-code="${code}" data-count="\\d+"`));
    // Each in its own box, and the overseas projects are coloured like any other.
    expect((regions.html.match(/<rect /g) ?? []).length).toBe(5);
    const reunion = await apiTotal("region=04");
    expect(reunion).toBeGreaterThan(0);
    expect(regions.html).toContain(`data-code="04" data-count="${reunion}"`);
  });

  it("refuses a bad filter on the map with the field's message", async () => {
    const page = await visitor().get("/atlas/carte?yearFrom=deux-mille");
    expect(page.status).toBe(400);
    expect(page.html).toContain("année");
  });

  it("gives the outline of the country a form chooses, with its projection, for the picker", async () => {
    const response = await fetch(`${served.portal.baseUrl}/atlas/pays/ML/contour.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("public");
    const map = (await response.json()) as {
      viewBox: string;
      outline: string;
      scale: number;
      translate: [number, number];
    };
    expect(map.outline).toMatch(/^M/);
    // Bamako (12.65° N, 8.0° W) falls inside the drawing, by the Mercator it gives.
    const radians = Math.PI / 180;
    const x = map.translate[0] + map.scale * -8.0 * radians;
    const y =
      map.translate[1] - map.scale * Math.log(Math.tan(Math.PI / 4 + (12.65 * radians) / 2));
    const [, , width, height] = map.viewBox.split(" ").map(Number);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(height);
    for (const unknown of ["XX", "ml", "FRA"])
      expect(
        (await fetch(`${served.portal.baseUrl}/atlas/pays/${unknown}/contour.json`)).status,
      ).toBe(404);
    // The new-partnership form carries the picker, drawn by the script once a country is chosen.
    const agent = visitor();
    await agent.signIn("agent-35238@example.org");
    const [rennes] = rowsOf<{ id: number }>(
      await served.database.db.execute(
        sql`SELECT id FROM register_collectivites WHERE unit_id = 'commune:35238'`,
      ),
    );
    const form = await agent.get(`/atlas/collectivites/${rennes.id}/nouveau-partenariat`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('data-country-field="champ-pays"');
  });

  it("shows a country's partner authorities as points and its French départements", async () => {
    const page = await visitor().get("/atlas/pays/SN");
    expect(page.status).toBe(200);
    const placed = [
      ...page.html.matchAll(/<title>(\d+) autorités? partenaires?<\/title><desc translate="no">/g),
    ].reduce((sum, match) => sum + Number(match[1]), 0);
    const figure =
      /<p class="fr-h3 fr-mb-0">([\d\s\u202f]+)<\/p><p>Autorités locales partenaires/.exec(
        page.html,
      );
    expect(placed).toBe(Number(figure![1].replace(/\D/g, "")));
    expect(page.html).toContain(
      "Projets avec ce pays, par département des collectivités françaises",
    );
  });
});

describe("région and département fiches", () => {
  it("give the figures of a territory, its collectivités and a map of its partner countries", async () => {
    const client = new FormClient(served.portal.baseUrl);
    const region = await client.get("/atlas/regions/53");
    expect(region.status).toBe(200);
    expect(region.html).toContain(
      "La coopération décentralisée des collectivités de la région Bretagne",
    );
    const projects = Number(
      /<p class="fr-h3 fr-mb-0">([\d\s\u202f]+)<\/p><p>Projets/
        .exec(region.html)![1]
        .replace(/\D/g, ""),
    );
    expect(projects).toBe(await apiTotal("region=53"));
    expect(region.html).toContain('href="/atlas/collectivites/');
    // The région's first partner country, as the open data ranks them.
    const byCountry = (await (
      await fetch(`${served.portal.baseUrl}/api/v1/stats?groupBy=country&region=53`)
    ).json()) as { key: string; label: string; projects: number }[];
    const first = byCountry.sort((a, b) => b.projects - a.projects)[0];
    expect(first.projects).toBeGreaterThan(0);
    expect(tableFigure(region.html, first.label)).toBe(
      await apiTotal(`region=53&country=${first.key}`),
    );

    const departement = await client.get("/atlas/departements/35");
    expect(departement.html).toContain(
      "des collectivités du département d&#x27;Ille-et-Vilaine (35)",
    );
    expect((await client.get("/atlas/departements/29")).html).toContain(
      "du département du Finistère (29)",
    );
    expect((await client.get("/atlas/departements/2A")).status).toBe(200);
    expect((await client.get("/atlas/regions/99")).status).toBe(404);
  });
});
