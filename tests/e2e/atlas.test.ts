import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, seriousViolations } from "../support/browser";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", acceptDownloads: true });
  return context.newPage();
}

/** Moves the focus forward with Tab until the element matching the test has it. */
async function tabTo(page: Page, matches: (element: Element) => boolean, maxSteps = 80) {
  const test = `(${matches.toString()})(document.activeElement)`;
  for (let step = 0; step < maxSteps; step += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(test)) return;
  }
  throw new Error("Élément jamais atteint au clavier");
}

async function resultCount(page: Page) {
  const heading = (await page.locator("#resultats").textContent()) ?? "";
  return Number(heading.replace(/\D/g, ""));
}

describe("Atlas journey in a real browser", () => {
  it("search → filter → fiche → export, with the keyboard alone and no serious axe violation", async () => {
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

  for (const path of [
    "/atlas/statistiques?groupBy=theme",
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
