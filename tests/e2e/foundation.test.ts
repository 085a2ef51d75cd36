import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForTestFile, newPage as openPage, seriousViolations } from "../support/browser";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();
const chromium = browserForTestFile();

const newPage = () => openPage(chromium.browser);

/** Signs in with the keyboard only: skip link, Tab between fields, Enter to submit. */
async function signInWithKeyboard(page: Page, email: string, password = "Demo-AECT-2026!") {
  await page.goto(`${served.portal.baseUrl}/connexion`);
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Contenu");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("champ-email");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("champ-password");
  await page.keyboard.type(password);
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press("Enter")]);
}

describe("foundation journeys in a real browser", () => {
  it("signs in and out with the keyboard alone", async () => {
    const page = await newPage();
    await signInWithKeyboard(page, "agent-35238@example.org");
    // A person lands on Mon espace, where their tasks are; their account is one link away.
    expect(new URL(page.url()).pathname).toBe("/mon-espace");
    expect(await page.locator("main").textContent()).toContain("Mes tâches");
    await page.goto(new URL("/compte", page.url()).toString());
    await expect.poll(() => page.locator("main h1").textContent()).toBe("Mon compte");
    expect(await page.locator("main").textContent()).toContain("Rennes");
    await page.getByRole("button", { name: "Se déconnecter" }).first().focus();
    await Promise.all([page.waitForURL(/\/\?deconnecte=1/), page.keyboard.press("Enter")]);
    expect(await page.getByRole("link", { name: "Se connecter" }).first().isVisible()).toBe(true);
  });

  it("explains a wrong sign-in on the field and keeps the typed address", async () => {
    const page = await newPage();
    await signInWithKeyboard(page, "daect@example.org", "pas-le-bon");
    const field = page.locator("#champ-password");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#champ-password-messages-group").textContent()).toContain(
      "Adresse électronique ou mot de passe incorrect.",
    );
    expect(await page.locator("#champ-email").inputValue()).toBe("daect@example.org");
  });

  const publicPages = [
    "/",
    "/connexion",
    "/mot-de-passe/oubli",
    "/accessibilite",
    "/mentions-legales",
    "/plan-du-site",
    "/page-inconnue",
  ];
  for (const path of publicPages) {
    it(`has no serious accessibility violation on ${path}`, async () => {
      const page = await newPage();
      await page.goto(`${served.portal.baseUrl}${path}`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it("has no serious accessibility violation on the signed-in pages and administration", async () => {
    const page = await newPage();
    await signInWithKeyboard(page, "daect@example.org");
    for (const path of [
      "/compte",
      "/admin",
      "/admin/utilisateurs",
      "/admin/organisations",
      "/admin/courriels",
      "/admin/journal",
    ]) {
      await page.goto(`${served.portal.baseUrl}${path}`);
      expect(await page.locator("main h1").count(), path).toBeGreaterThan(0);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.goto(`${served.portal.baseUrl}/admin/organisations`);
    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.locator('a[href^="/organisations/"]').first().click(),
    ]);
    expect(new URL(page.url()).pathname).toMatch(/^\/organisations\/\d+\/membres$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows a form with errors without serious accessibility violations", async () => {
    const page = await newPage();
    await page.goto(`${served.portal.baseUrl}/connexion`);
    await page.locator("#champ-email").fill("pas-une-adresse");
    await Promise.all([
      page.waitForNavigation({ waitUntil: "load" }),
      page.locator("main").getByRole("button", { name: "Se connecter" }).click(),
    ]);
    expect(await page.locator("#champ-email-messages-group").textContent()).toContain(
      "n'est pas valide",
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});
