import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/client";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();

/** The HTML of one section of a page, from its heading id. */
const sectionOf = (html: string, id: string) =>
  html.slice(
    html.indexOf(`id="${id}-titre"`),
    html.indexOf("</section>", html.indexOf(`id="${id}-titre"`)),
  );

describe("e-APD public statistics while a campaign is open", () => {
  it("show the latest closed year, keep the open one apart as provisional, and never add years up", async () => {
    // The demo's campaigns are all closed: reopen the latest, as in May of a campaign year.
    const [{ year: latest }] = rowsOf<{ year: number }>(
      await served.database.db.execute(
        sql`UPDATE apd_campaigns SET closed_at = NULL
             WHERE year = (SELECT max(year) FROM apd_campaigns) RETURNING year`,
      ),
    );
    const html = await (await fetch(`${served.portal.baseUrl}/apd`)).text();
    expect(html).toContain(`Chiffres clés ${latest - 1}</h2>`);
    expect(html).toContain(`<option value="${latest}">${latest} (campagne en cours)</option>`);
    const evolution = sectionOf(html, "evolution");
    expect(evolution).toContain(`<th scope="row">${latest - 1}</th>`);
    expect(evolution).not.toContain(`<th scope="row">${latest}</th>`);
    expect(evolution).not.toContain("<tfoot>");
    expect(html).toMatch(
      new RegExp(`Campagne ${latest} en cours : [\\d\\s,]+\\s€ déclarés à ce jour`),
    );

    const open = await (await fetch(`${served.portal.baseUrl}/apd?year=${latest}`)).text();
    expect(open).toContain(`Chiffres clés ${latest} (campagne en cours)`);
    expect(open).toContain("ces chiffres sont provisoires");
    const byYear = await (await fetch(`${served.portal.baseUrl}/apd?groupBy=year`)).text();
    expect(sectionOf(byYear, "repartition")).not.toContain("<tfoot>");
  });
});

describe("e-APD maps", () => {
  const page = async (query: string) => {
    const response = await fetch(`${served.portal.baseUrl}/apd${query}`);
    return { status: response.status, html: await response.text() };
  };
  /** The areas of one map that carry a figure, with where a click leads. */
  const areas = (html: string, id: string) => {
    const figure = html.slice(html.indexOf(`id="${id}-titre"`));
    const drawing = figure.slice(0, figure.indexOf("</svg>"));
    return [...drawing.matchAll(/<path[^>]*data-code="([^"]+)"[^>]*>/g)]
      .filter((match) => !/data-count="0"/.test(match[0]))
      .map((match) => ({ code: match[1], href: /data-href="([^"]+)"/.exec(match[0])?.[1] }));
  };

  it("drill down: a country opens its fiche, a région its départements, a département its fiche", async () => {
    const france = await page("?year=2018");
    expect(france.status).toBe(200);
    const world = areas(france.html, "carte-monde");
    expect(world.find((area) => area.code === "SN")?.href).toBe("/atlas/pays/SN");
    const brittany = areas(france.html, "carte-france").find((area) => area.code === "53");
    expect(brittany?.href?.replace(/&amp;/g, "&")).toBe("/apd?year=2018&region=53#carte-france");

    // Every country the map links to has its fiche; aid to a whole region links nowhere.
    const linked = new Set(world.map((area) => area.href).filter(Boolean));
    const tableLinks = [
      ...france.html
        .slice(france.html.indexOf('id="carte-monde-titre"'))
        .matchAll(/<th scope="row"><a href="(\/atlas\/pays\/[^"]+)">/g),
    ].map((match) => match[1]);
    expect(tableLinks.length).toBeGreaterThan(50);
    for (const href of new Set([...linked, ...tableLinks]))
      expect((await fetch(`${served.portal.baseUrl}${href}`)).status, href).toBe(200);

    const region = await page("?year=2018&region=53");
    expect(region.status).toBe(200);
    expect(region.html).toContain(
      "APD 2018 des collectivités de Bretagne, par département (en milliers d&#x27;euros)",
    );
    const departements = areas(region.html, "carte-france");
    expect(departements.length).toBeGreaterThan(0);
    for (const area of departements) {
      expect(["22", "29", "35", "56"]).toContain(area.code);
      expect(area.href).toBe(`/atlas/departements/${area.code}`);
    }
    expect(region.html).toContain("Revenir à toute la France");

    const unknown = await page("?year=2018&region=99");
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain(
      "La région « 99 » n&#x27;existe pas : choisissez-en une sur la carte.",
    );
  });
});
