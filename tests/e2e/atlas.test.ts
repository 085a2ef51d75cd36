import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { rowsOf } from "../../src/platform/db/client";
import { describe, expect, it } from "vitest";
import {
  browserForTestFile,
  newPage as openPage,
  seriousViolations,
  signedInPage,
  tabTo,
} from "../support/browser";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();
const chromium = browserForTestFile();

const newPage = () => openPage(chromium.browser);

async function resultCount(page: Page) {
  const heading = (await page.locator("#resultats").textContent()) ?? "";
  return Number(heading.replace(/\D/g, ""));
}

/**
 * Clicks the place picker's map at a point given as fractions of the outline's box, and
 * reads back the latitude and longitude the click wrote into the form.
 */
async function clickOnPicker(page: Page, across: number, down: number) {
  const picker = page.locator(".atlas-place-picker");
  await picker.scrollIntoViewIfNeeded();
  const box = (await picker.locator("svg path").boundingBox())!;
  await page.mouse.click(box.x + box.width * across, box.y + box.height * down);
  const read = async (field: string) =>
    Number((await page.locator(`#champ-${field}`).inputValue()).replace(",", "."));
  return { latitude: await read("latitude"), longitude: await read("longitude") };
}

describe("Atlas journey in a real browser", () => {
  it("search → filter → map → fiche → export, with the keyboard alone and no serious axe violation", async () => {
    const page = await newPage();
    await page.goto(`${served.portal.baseUrl}/`);
    // Home: the Atlas search box, reached and used with the keyboard.
    await tabTo(page, (element) => element.id === "recherche-atlas");
    await page.keyboard.type("eau potable");
    await Promise.all([page.waitForURL(/\/atlas\/projets\?q=eau/), page.keyboard.press("Enter")]);
    expect(await seriousViolations(page)).toEqual([]);
    const all = await resultCount(page);
    expect(all).toBeGreaterThan(0);

    // Filter by continent: the choice shows its count, and the result matches it.
    await tabTo(page, (element) => element.id === "champ-continent");
    const africaOption = page.locator("#champ-continent option", { hasText: "Afrique" });
    const optionText = (await africaOption.textContent()) ?? "";
    const announced = Number(optionText.replace(/\D/g, ""));
    await page.selectOption("#champ-continent", "Afrique");
    await tabTo(page, (element) => element.textContent?.trim() === "Rechercher");
    await Promise.all([page.waitForURL(/continent=Afrique/), page.keyboard.press("Enter")]);
    const filtered = await resultCount(page);
    expect(filtered).toBe(announced);
    expect(filtered).toBeLessThan(all);
    expect(await page.locator("#champ-q").inputValue()).toBe("eau potable");

    // The back button returns to the unfiltered search: the URL holds the whole query.
    await page.goBack();
    expect(await resultCount(page)).toBe(all);
    await page.goForward();
    expect(await resultCount(page)).toBe(filtered);

    // The same results on the map: reached with the keyboard, its table gives the counts.
    await tabTo(
      page,
      (element) => element.textContent?.trim() === "Afficher ces résultats sur la carte",
    );
    await Promise.all([page.waitForURL(/\/atlas\/carte\?/), page.keyboard.press("Enter")]);
    expect(page.url()).toContain("continent=Afrique");
    expect(await page.locator("svg[role=img] path").count()).toBeGreaterThan(150);
    const mapped = await page
      .locator("figure details tbody td")
      .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent?.replace(/\D/g, ""))));
    // Every project concerns at least one country: the countries' counts cover the results.
    expect(mapped.reduce((sum, value) => sum + value, 0)).toBeGreaterThanOrEqual(filtered);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goBack();

    // Open the first project's fiche with the keyboard.
    const firstTitle = (await page.locator(".fr-card__title a").first().textContent()) ?? "";
    await tabTo(page, (element) => element.closest(".fr-card__title") !== null);
    await Promise.all([page.waitForURL(/\/atlas\/projets\/\d+$/), page.keyboard.press("Enter")]);
    expect(await page.locator("main h1").textContent()).toBe(firstTitle);
    expect(await seriousViolations(page)).toEqual([]);

    // Back to the results and download the CSV export.
    await page.goBack();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^atlas-projets-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await download.createReadStream();
    let text = "";
    for await (const chunk of csv) text += chunk.toString();
    expect(text.trim().split("\r\n").length - 1).toBe(filtered);
  });

  it("on a phone shows the results first and the filters under « Filtrer », beside them on a wide screen", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${served.portal.baseUrl}/atlas/projets?q=eau`);
    const filter = page.locator("summary", { hasText: "Filtrer" });
    expect(await filter.isVisible()).toBe(true);
    expect(await page.locator("#champ-q").isVisible()).toBe(false);
    // The results start on the first screen, right under the button.
    const results = await page.locator("#resultats").boundingBox();
    expect(results!.y).toBeLessThan(844);
    await tabTo(page, (element) => element.tagName === "SUMMARY");
    await page.keyboard.press("Enter");
    expect(await page.locator("#champ-q").isVisible()).toBe(true);
    expect(await page.locator("#champ-q").inputValue()).toBe("eau");
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${served.portal.baseUrl}/atlas/projets?q=eau`);
    expect(await page.locator("#champ-q").isVisible()).toBe(true);
    expect(await filter.isVisible()).toBe(false);
  });

  it("explains a bad year on its field and keeps the query", async () => {
    const page = await newPage();
    await page.goto(`${served.portal.baseUrl}/atlas/projets?q=jumelage&yearFrom=deux`);
    expect(await page.locator("#champ-yearFrom").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("main").textContent()).toContain(
      "L'année de début doit être une année",
    );
    expect(await page.locator("#champ-q").inputValue()).toBe("jumelage");
    expect(await page.locator("#champ-yearFrom").inputValue()).toBe("deux");
  });

  it("edits a project with the keyboard, and shows both versions when someone saved in between", async () => {
    const signIn = (email: string) => signedInPage(chromium.browser, served.portal.baseUrl, email);
    const agent = await signIn("agent-35238@example.org");
    const [{ id: projectId }] = rowsOf<{ id: number }>(
      await served.database.db.execute(sql`
        SELECT p.id FROM atlas_projects p JOIN register_collectivites c ON c.id = p.lead_collectivite_id
         WHERE c.unit_id = 'commune:35238' ORDER BY p.id LIMIT 1`),
    );
    await agent.goto(`${served.portal.baseUrl}/atlas/projets/${projectId}`);
    await tabTo(agent, (element) => element.textContent?.trim() === "Modifier le projet");
    await Promise.all([agent.waitForURL(/\/modifier$/), agent.keyboard.press("Enter")]);
    expect(await seriousViolations(agent)).toEqual([]);

    // Someone else saves the same project meanwhile.
    const daect = await signIn("daect@example.org");
    await daect.goto(agent.url());
    await daect.locator("#champ-objectives").fill("Objectifs précisés par la DAECT.");
    await Promise.all([
      daect.waitForURL(/\?version=/),
      daect.getByRole("button", { name: "Enregistrer les modifications" }).click(),
    ]);

    // The agent saves with the keyboard: refused, both versions shown, nothing typed lost.
    await tabTo(agent, (element) => element.id === "champ-objectives");
    await agent.keyboard.press("Control+A");
    await agent.keyboard.type("Objectifs précisés par la commune.");
    await tabTo(
      agent,
      (element) => element.textContent?.trim() === "Enregistrer les modifications",
    );
    await agent.keyboard.press("Enter");
    await agent.waitForSelector("#conflit");
    const conflict = (await agent.locator("#conflit").textContent()) ?? "";
    expect(conflict).toContain("Modifié entre-temps");
    expect(conflict).toContain("Objectifs précisés par la DAECT.");
    expect(conflict).toContain("Objectifs précisés par la commune.");
    expect(await agent.locator("#champ-objectives").inputValue()).toBe(
      "Objectifs précisés par la commune.",
    );
    expect(await seriousViolations(agent)).toEqual([]);

    // Saving again, knowingly, replaces the stored version.
    await Promise.all([
      agent.waitForURL(/\?version=/),
      agent.getByRole("button", { name: "Enregistrer les modifications" }).click(),
    ]);
    expect(await agent.locator("main").textContent()).toContain(
      "Objectifs précisés par la commune.",
    );
  });

  it("explores the map: a click drills down, the keyboard pans and zooms, and without JavaScript the drawing and its table remain", async () => {
    const page = await newPage();
    await page.goto(`${served.portal.baseUrl}/atlas/carte?vue=regions`);
    const explorer = page.locator(".atlas-map__explorer[data-ready]");
    await explorer.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A click on Bretagne shows its départements, fitted; one on the Finistère shows it alone.
    await Promise.all([
      page.waitForURL(/vue=departements&region=53$/),
      page.locator('svg.atlas-map__drawing path[data-code="53"]').click(),
    ]);
    await explorer.waitFor();
    const drawn = await page
      .locator('svg.atlas-map__drawing path[data-count]:not([data-count="0"])')
      .evaluateAll((paths) => paths.map((path) => path.getAttribute("data-code")).sort());
    expect(drawn).toEqual(["22", "29", "35", "56"]);
    await Promise.all([
      page.waitForURL(/departement=29$/),
      page.locator('svg.atlas-map__drawing path[data-code="29"]').click(),
    ]);
    await explorer.waitFor();

    // With the keyboard: the map takes the focus, + zooms in, an arrow moves the view.
    const size = async () => (await page.locator("svg.atlas-map__drawing").boundingBox())!;
    const settled = async () => {
      let last = await size();
      for (;;) {
        await page.waitForTimeout(150);
        const now = await size();
        if (now.x === last.x && now.y === last.y && now.width === last.width) return now;
        last = now;
      }
    };
    const before = await size();
    await tabTo(page, (element) => element.classList.contains("atlas-map__explorer"));
    await page.keyboard.press("+");
    await expect.poll(async () => (await size()).width).toBeGreaterThan(before.width * 1.2);
    // The zoom is animated: measure once the drawing has stopped moving.
    const zoomed = await settled();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await size()).x).toBeGreaterThan(zoomed.x);
    // A drag is not a click: the page stays.
    const box = (await explorer.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 20, { steps: 5 });
    await page.mouse.up();
    expect(page.url()).toMatch(/departement=29$/);
    // The area alone on the map opens its fiche.
    await Promise.all([
      page.waitForURL(/\/atlas\/departements\/29$/),
      page.locator('svg.atlas-map__drawing path[data-code="29"]').click(),
    ]);

    // Without JavaScript: the same drawing, and its table leads one level down.
    const context = await chromium.browser.newContext({
      locale: "fr-FR",
      javaScriptEnabled: false,
    });
    const still = await context.newPage();
    await still.goto(`${served.portal.baseUrl}/atlas/carte?vue=regions`);
    expect(await still.locator(".atlas-map__explorer").count()).toBe(0);
    expect(await still.locator('svg.atlas-map__drawing path[data-code="53"]').count()).toBe(1);
    await still.locator("summary", { hasText: "Tableau des données de la carte" }).click();
    await Promise.all([
      still.waitForURL(/region=53$/),
      still.locator("table a", { hasText: "Bretagne" }).click(),
    ]);
    expect(await still.locator('svg.atlas-map__drawing path[data-code="29"]').count()).toBe(1);
    await context.close();
  });

  it("places a partner authority by a click on its country's map, which fills its coordinates", async () => {
    const [own] = rowsOf<{ id: number }>(
      await served.database.db.execute(sql`
        SELECT fa.id FROM register_foreign_authorities fa
          JOIN memberships m ON m.organisation_id = fa.organisation_id
          JOIN users u ON u.id = m.user_id WHERE u.email = 'autorite-sn-2@example.org'`),
    );
    const page = await signedInPage(
      chromium.browser,
      served.portal.baseUrl,
      "autorite-sn-2@example.org",
    );
    await page.goto(`${served.portal.baseUrl}/atlas/partenaires/${own.id}/modifier`);
    const picker = page.locator(".atlas-place-picker");
    await picker.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Near the middle of Senegal's outline.
    const { latitude, longitude } = await clickOnPicker(page, 0.5, 0.45);
    expect(latitude).toBeGreaterThan(12);
    expect(latitude).toBeLessThan(17);
    expect(longitude).toBeGreaterThan(-18);
    expect(longitude).toBeLessThan(-11);
    await page.locator("#champ-city").fill("Lieu-dit inconnu");
    await Promise.all([
      page.waitForLoadState("load"),
      page.getByRole("button", { name: "Enregistrer la fiche" }).click(),
    ]);
    expect(await page.locator("main").textContent()).toContain("Fiche enregistrée");
    const [stored] = rowsOf<{ latitude: number; longitude: number }>(
      await served.database.db.execute(
        sql`SELECT latitude, longitude FROM register_foreign_authorities WHERE id = ${own.id}`,
      ),
    );
    expect(stored.latitude).toBeCloseTo(latitude, 3);
    expect(stored.longitude).toBeCloseTo(longitude, 3);
  });

  it("places a new partner by a click on the map of the country chosen in the form", async () => {
    const [rennes] = rowsOf<{ id: number }>(
      await served.database.db.execute(
        sql`SELECT id FROM register_collectivites WHERE unit_id = 'commune:35238'`,
      ),
    );
    const page = await signedInPage(
      chromium.browser,
      served.portal.baseUrl,
      "agent-35238@example.org",
    );
    await page.goto(
      `${served.portal.baseUrl}/atlas/collectivites/${rennes.id}/nouveau-partenariat`,
    );
    const picker = page.locator(".atlas-place-picker");
    // No country yet: no map.
    expect(await picker.isHidden()).toBe(true);
    await page.locator("#champ-autorite_partenaire").fill("Commune rurale de Sanankoroba");
    await page.locator("#champ-pays").selectOption("ML");
    await picker.waitFor();
    expect(await picker.locator("title").textContent()).toBe("Carte : Mali");
    expect(await seriousViolations(page)).toEqual([]);
    // In the south-west of Mali, where Bamako is.
    const { latitude, longitude } = await clickOnPicker(page, 0.3, 0.8);
    expect(latitude).toBeGreaterThan(10);
    expect(latitude).toBeLessThan(16);
    expect(longitude).toBeGreaterThan(-12);
    expect(longitude).toBeLessThan(-3);
    await page.locator("#champ-ville").fill("Quartier fictif de Sanankoroba");
    await page.locator("#champ-type_partenariat").selectOption({ index: 1 });
    await Promise.all([
      page.waitForURL(/partenariat=\d+/),
      page.getByRole("button", { name: "Ajouter le partenariat" }).click(),
    ]);
    const [stored] = rowsOf<{ latitude: number; longitude: number }>(
      await served.database.db.execute(
        sql`SELECT latitude, longitude FROM register_foreign_authorities
             WHERE name = 'Commune rurale de Sanankoroba'`,
      ),
    );
    expect(stored.latitude).toBeCloseTo(latitude, 3);
    expect(stored.longitude).toBeCloseTo(longitude, 3);
  });

  for (const path of [
    "/atlas/carte?vue=departements",
    "/atlas/statistiques?groupBy=theme",
    "/atlas/statistiques?continent=Afrique&groupBy=country&crossBy=domain",
    "/atlas/pays/SN",
    "/atlas/collectivites/1",
  ]) {
    it(`has no serious accessibility violation on ${path}`, async () => {
      const page = await newPage();
      const response = await page.goto(`${served.portal.baseUrl}${path}`);
      expect(response?.status()).toBe(200);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
