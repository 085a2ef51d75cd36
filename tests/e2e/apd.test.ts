import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Download, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  browserForTestFile,
  newPage,
  seriousViolations,
  signedInPage,
  tabTo,
} from "../support/browser";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();
const chromium = browserForTestFile();

const url = (pathname: string) => `${served.portal.baseUrl}${pathname}`;

async function downloaded(download: Download) {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Presses Enter on the focused control and waits for the page the form or link leads to. */
async function enterAndLoad(page: Page) {
  await Promise.all([page.waitForNavigation({ waitUntil: "load" }), page.keyboard.press("Enter")]);
}

const lineCount = (page: Page) =>
  page.locator("#lignes-titre + * tbody tr, #lignes-titre ~ .fr-table tbody tr").count();

describe("e-APD journey in a real browser", () => {
  it("the DAECT opens a campaign; an agent declares by form and by file, submits and downloads the receipt; the DAECT accepts", async () => {
    // The DAECT opens the campaign; a past deadline is explained on its field, typing kept.
    const daect = await signedInPage(chromium.browser, served.portal.baseUrl, "daect@example.org");
    await daect.goto(url("/admin/apd"));
    expect(await seriousViolations(daect)).toEqual([]);
    await daect.locator("#champ-message").fill("Merci de déclarer avant la date limite.");
    await daect.locator("#champ-closesOn").fill("2020-06-30");
    await Promise.all([
      daect.waitForNavigation({ waitUntil: "load" }),
      daect.getByRole("button", { name: "Ouvrir la campagne" }).click(),
    ]);
    expect(await daect.locator("#champ-closesOn").getAttribute("aria-invalid")).toBe("true");
    expect(await daect.locator("main").textContent()).toContain(
      "La date limite doit être postérieure à la date d'ouverture.",
    );
    expect(await daect.locator("#champ-message").inputValue()).toBe(
      "Merci de déclarer avant la date limite.",
    );
    expect(await seriousViolations(daect)).toEqual([]);
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await daect.locator("#champ-closesOn").fill(inAMonth);
    const year = await daect.locator("#champ-year").inputValue();
    await Promise.all([
      daect.waitForURL(/\/admin\/apd\/\d+$/),
      daect.getByRole("button", { name: "Ouvrir la campagne" }).click(),
    ]);
    const campaignUrl = daect.url();
    expect(await daect.locator("main h1").textContent()).toContain(year);
    expect(await seriousViolations(daect)).toEqual([]);

    // The agent of Rennes goes from Mon compte to the declaration with the keyboard.
    const agent = await signedInPage(
      chromium.browser,
      served.portal.baseUrl,
      "agent-35238@example.org",
    );
    await agent.goto(url("/compte"));
    await tabTo(agent, (element) => element.textContent?.trim() === "Déclarations APD");
    await enterAndLoad(agent);
    expect(agent.url()).toMatch(/\/apd\/collectivites\/\d+$/);
    expect(await seriousViolations(agent)).toEqual([]);
    await tabTo(
      agent,
      (element, label) => element.textContent?.trim() === label,
      `Commencer la déclaration ${year}`,
    );
    await enterAndLoad(agent);
    expect(agent.url()).toMatch(/\/apd\/declarations\/\d+$/);
    expect(await agent.locator("main h1").textContent()).toContain(`Déclaration APD ${year}`);
    expect(await seriousViolations(agent)).toEqual([]);

    // One line typed with the keyboard: a wrong amount is explained, the choices are kept.
    await tabTo(agent, (element) => element.id === "champ-recipientCode");
    await agent.keyboard.type("Mali");
    await tabTo(agent, (element) => element.id === "champ-purposeCode");
    await agent.keyboard.type("14030");
    await tabTo(agent, (element) => element.id === "champ-amount");
    await agent.keyboard.type("-12");
    await tabTo(agent, (element) => element.id === "champ-channel");
    await agent.keyboard.type("Par une association");
    await tabTo(agent, (element) => element.textContent?.trim() === "Ajouter la ligne");
    await enterAndLoad(agent);
    expect(await agent.locator("#champ-amount").getAttribute("aria-invalid")).toBe("true");
    expect(await agent.locator("#champ-recipientCode").inputValue()).toBe("ML");
    expect(await agent.locator("#champ-purposeCode").inputValue()).toBe("14030");
    expect(await agent.locator("#champ-channel").inputValue()).toBe("ong");
    expect(await seriousViolations(agent)).toEqual([]);
    await tabTo(agent, (element) => element.id === "champ-amount");
    await agent.keyboard.press("Control+A");
    await agent.keyboard.type("12 500,50");
    await tabTo(agent, (element) => element.textContent?.trim() === "Ajouter la ligne");
    await enterAndLoad(agent);
    expect(await agent.locator("main").textContent()).toContain("La ligne est ajoutée.");
    expect(await lineCount(agent)).toBe(1);

    // A file with bad lines imports nothing and lists each one; a good file imports.
    const folder = await mkdtemp(path.join(tmpdir(), "apd-e2e-"));
    const header = "pays;code_secteur;montant;type_flux;canal;projet_atlas;description";
    const badFile = path.join(folder, "lignes-erronees.csv");
    await writeFile(
      badFile,
      `${header}\nML;12220;8000;don;direct;;Centre de santé\nFR;12220;8000;don;direct;;\nBF;99999;-3;don;direct;;\n`,
    );
    await agent.locator("#champ-fichier").setInputFiles(badFile);
    await Promise.all([
      agent.waitForNavigation({ waitUntil: "load" }),
      agent.getByRole("button", { name: "Importer le fichier" }).click(),
    ]);
    const errors = (await agent.locator("#erreurs-import tbody").textContent()) ?? "";
    expect(await agent.locator("#erreurs-import tbody tr").count()).toBeGreaterThanOrEqual(3);
    expect(errors).toContain("pays");
    expect(errors).toContain("code_secteur");
    expect(errors).toContain("montant");
    expect(await lineCount(agent)).toBe(1);
    expect(await seriousViolations(agent)).toEqual([]);
    const goodFile = path.join(folder, "lignes.csv");
    await writeFile(
      goodFile,
      `${header}\nML;12220;8000;don;direct;;Centre de santé de Kayes\n298;15150;1500,25;don;collectivite;;Réseau des villes africaines\n`,
    );
    await agent.locator("#champ-fichier").setInputFiles(goodFile);
    await Promise.all([
      agent.waitForNavigation({ waitUntil: "load" }),
      agent.getByRole("button", { name: "Importer le fichier" }).click(),
    ]);
    expect(await agent.locator("main").textContent()).toContain("2 lignes importées.");
    expect(await lineCount(agent)).toBe(3);

    // Submit with the keyboard; the receipt is a PDF naming the declaration.
    await tabTo(agent, (element) => element.id === "champ-declaration");
    await enterAndLoad(agent);
    const main = (await agent.locator("main").textContent()) ?? "";
    expect(main).toContain("La déclaration est transmise (version 1");
    expect(main).toMatch(/Version 1 transmise .* : 22\s000,75\s€/);
    expect(await seriousViolations(agent)).toEqual([]);
    const [download] = await Promise.all([
      agent.waitForEvent("download"),
      agent.getByRole("link", { name: "Télécharger l'accusé de réception (PDF)" }).click(),
    ]);
    const pdf = await downloaded(download);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // The DAECT finds it in the campaign's list and accepts it.
    await daect.goto(`${campaignUrl}?state=declared&q=Rennes`);
    await daect.getByRole("link", { name: "Rennes", exact: true }).click();
    await daect.waitForURL(/\/apd\/declarations\/\d+$/);
    expect(daect.url()).toBe(agent.url());
    expect(await seriousViolations(daect)).toEqual([]);
    await daect.getByText("Accepter la déclaration").click();
    await Promise.all([
      daect.waitForNavigation({ waitUntil: "load" }),
      daect.getByRole("button", { name: "Enregistrer la décision" }).click(),
    ]);
    expect(await daect.locator("main").textContent()).toContain("La déclaration est acceptée");
    await agent.reload();
    expect(await agent.locator("main .fr-badge").first().textContent()).toMatch(/accept/i);
    // A long journey (three people, nine accessibility audits): on a loaded two-core machine
    // it takes minutes, not the default minute and a half.
  }, 300_000);

  for (const pathname of ["/apd", "/apd?year=2018&groupBy=sector", "/apd?year=2018&region=53"]) {
    it(`has no serious accessibility violation on ${pathname}`, async () => {
      const page = await newPage(chromium.browser);
      const response = await page.goto(url(pathname));
      expect(response?.status()).toBe(200);
      expect(await page.locator("main h1").count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
