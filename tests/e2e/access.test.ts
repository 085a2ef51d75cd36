import { describe, expect, it } from "vitest";
import {
  browserForTestFile,
  newPage,
  seriousViolations,
  signedInPage,
  pressAndLoad,
  tabTo,
} from "../support/browser";
import { builders } from "../support/build";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();
const chromium = browserForTestFile();
const url = (pathname: string) => `${served.portal.baseUrl}${pathname}`;

describe("access requests in a real browser", () => {
  it("lists the organisations as the first letters are typed, keeping what was typed below", async () => {
    const page = await newPage(chromium.browser);
    await page.goto(url("/inscription?groupe=collectivite&q=brest"));
    await page.locator("#champ-givenName").fill("Gwenn");
    await page.locator("#champ-q").fill("");
    await page.locator("#champ-q").pressSequentially("renne", { delay: 30 });
    // No form was sent: the list changed in place and the count is announced.
    await page.locator('input[name="organisation"][value^="collectivite:"]').first().waitFor();
    await page.waitForFunction(() =>
      document
        .getElementById("resultats-organisations")
        ?.textContent?.includes("Ille-et-Vilaine (35)"),
    );
    expect(await page.locator("#recherche-statut").textContent()).toMatch(
      /^\d+ organisations? trouvées?$/,
    );
    expect(await page.locator("#champ-givenName").inputValue()).toBe("Gwenn");
    expect(new URL(page.url()).searchParams.get("q")).toBe("renne");
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it("a visitor asks for an account with the keyboard, step by step; the approver's page passes the checks", async () => {
    const page = await newPage(chromium.browser);
    await page.goto(url("/connexion"));
    await tabTo(page, (element, text) => element.textContent?.trim() === text, "Demander un accès");
    await pressAndLoad(page);
    expect(page.url()).toMatch(/\/inscription$/);
    expect(await seriousViolations(page)).toEqual([]);
    // 1. The kind of organisation, by the keyboard.
    await tabTo(page, (element) => (element as HTMLInputElement).value === "collectivite");
    await page.keyboard.press("Space");
    await tabTo(page, (element, text) => element.textContent?.trim() === text, "Continuer");
    await pressAndLoad(page);
    // 2. The organisation, by the first letters of its name.
    await tabTo(page, (element) => element.id === "champ-q");
    await page.keyboard.type("rennes");
    await pressAndLoad(page);
    expect(await page.locator("main").textContent()).toContain("Ille-et-Vilaine (35)");
    expect(await seriousViolations(page)).toEqual([]);
    // 3. The organisation (Rennes comes first), then who asks; a missing e-mail is
    // explained, what was typed kept.
    await tabTo(page, (element) => (element as HTMLInputElement).name === "organisation");
    await page.keyboard.press("Space");
    await page.locator("#champ-personFunction").selectOption("charge_relations_internationales");
    await page.locator("#champ-givenName").fill("Noé");
    await page.locator("#champ-familyName").fill("Exemple-Fictif");
    await tabTo(
      page,
      (element, text) => element.textContent?.trim() === text,
      "Envoyer la demande",
    );
    await pressAndLoad(page);
    expect(await page.locator("#champ-email").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#champ-givenName").inputValue()).toBe("Noé");
    expect(await page.locator('input[name="organisation"]:checked').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator("#champ-email").fill("noe.exemple@rennes.example.org");
    await tabTo(
      page,
      (element, text) => element.textContent?.trim() === text,
      "Envoyer la demande",
    );
    await pressAndLoad(page);
    expect(await page.locator("main").textContent()).toContain("Demande enregistrée");

    const pending = await builders(served.database.db).accessRequest({ status: "pending" });
    const daect = await signedInPage(chromium.browser, served.portal.baseUrl, "daect@example.org");
    await daect.goto(url(`/demandes-acces/${pending.id}`));
    expect(await daect.locator("main h1").textContent()).toContain("Demande d'accès");
    expect(await seriousViolations(daect)).toEqual([]);
  }, 120_000);
});
