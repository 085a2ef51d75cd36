import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createRequest } from "../../src/modules/bourse/index";
import { visitor } from "../../src/platform/auth/actor";
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
const TITLE = "Gestion des déchets du marché central de Ziguinchor";

const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

describe("Bourse-partenariats journey in a real browser", () => {
  it("a foreign authority posts a request, the embassy publishes it, a collectivité answers and records the partnership in the Atlas", async () => {
    // The authority of Senegal writes its request; a missing title is explained, typing kept.
    const author = await signedInPage(
      chromium.browser,
      served.portal.baseUrl,
      "autorite-sn-1@example.org",
    );
    await author.goto(url("/bourse/demandes/nouvelle"));
    expect(await seriousViolations(author)).toEqual([]);
    await tabTo(author, (element) => element.id === "champ-cityName");
    await author.keyboard.type("Ziguinchor");
    await author
      .locator("#champ-description")
      .fill(
        "Le marché central produit chaque jour plusieurs tonnes de déchets : la commune veut organiser la collecte, le tri et le compostage avec les commerçants.",
      );
    await tabTo(author, (element) => (element as HTMLInputElement).value === "dechets");
    await author.keyboard.press("Space");
    await tabTo(author, (element) => (element as HTMLInputElement).value === "fr");
    await author.keyboard.press("Space");
    await author.locator("#champ-contactName").fill("Fatou Sarr-Exemple");
    await author.locator("#champ-contactEmail").fill("f.sarr@ziguinchor.example.org");
    await tabTo(
      author,
      (element, text) => element.textContent?.trim() === text,
      "Envoyer la demande",
    );
    await pressAndLoad(author);
    expect(await author.locator("#champ-title").getAttribute("aria-invalid")).toBe("true");
    expect(await mainText(author)).toContain("Le titre du projet est obligatoire.");
    expect(await author.locator("#champ-cityName").inputValue()).toBe("Ziguinchor");
    expect(await author.locator('input[value="dechets"]').isChecked()).toBe(true);
    expect(await seriousViolations(author)).toEqual([]);
    await tabTo(author, (element) => element.id === "champ-title");
    await author.keyboard.type(TITLE);
    await tabTo(
      author,
      (element, text) => element.textContent?.trim() === text,
      "Envoyer la demande",
    );
    await pressAndLoad(author);
    // Sent in one step: the page says so, and "Mes demandes" lists it.
    expect(author.url()).toMatch(/\/bourse\/demandes\/\d+\?fait=transmise$/);
    const requestUrl = author.url().replace(/\?.*$/, "");
    expect(await mainText(author)).toContain("La demande est transmise");
    expect(await seriousViolations(author)).toEqual([]);
    await author.goto(url("/mon-espace"));
    expect(await author.locator("#mes-demandes + .fr-table").textContent()).toContain(TITLE);
    expect(await author.locator("#mes-demandes + .fr-table").textContent()).toContain(
      "Transmise, à examiner",
    );
    expect(await seriousViolations(author)).toEqual([]);

    // The embassy finds it among its tasks, sees suggested collectivités, and publishes it.
    const embassy = await signedInPage(
      chromium.browser,
      served.portal.baseUrl,
      "ambassade-sn@example.org",
    );
    await embassy.goto(url("/mon-espace"));
    expect(await seriousViolations(embassy)).toEqual([]);
    await tabTo(embassy, (element, text) => element.textContent?.trim() === text, TITLE);
    await pressAndLoad(embassy);
    expect(embassy.url()).toBe(requestUrl);
    expect(await embassy.locator("#suggestions-titre").count()).toBe(1);
    expect(await embassy.locator("#suggestions-titre + p + ol li").count()).toBeGreaterThan(0);
    expect(await seriousViolations(embassy)).toEqual([]);
    await tabTo(embassy, (element) => (element as HTMLInputElement).value === "publish");
    await embassy.keyboard.press("Space");
    await tabTo(
      embassy,
      (element, text) => element.textContent?.trim() === text,
      "Enregistrer la décision",
    );
    await pressAndLoad(embassy);
    expect(await mainText(embassy)).toContain("La décision est enregistrée");

    // Rennes finds it on the public Bourse and says it is interested: the contact appears.
    const agent = await signedInPage(
      chromium.browser,
      served.portal.baseUrl,
      "agent-35238@example.org",
    );
    await agent.goto(url("/bourse"));
    expect(await seriousViolations(agent)).toEqual([]);
    await tabTo(agent, (element) => element.id === "champ-q");
    await agent.keyboard.type("Ziguinchor marché");
    await pressAndLoad(agent);
    await tabTo(agent, (element, text) => element.textContent?.trim() === text, TITLE);
    await pressAndLoad(agent);
    expect(agent.url()).toBe(requestUrl);
    expect(await mainText(agent)).not.toContain("f.sarr@ziguinchor.example.org");
    await tabTo(agent, (element) => element.id === "champ-message");
    await agent.keyboard.type(
      "Rennes Métropole gère un centre de tri et peut accueillir vos agents.",
    );
    await tabTo(
      agent,
      (element, text) => element.textContent?.trim() === text,
      "Manifester notre intérêt",
    );
    await pressAndLoad(agent);
    expect(await mainText(agent)).toContain("f.sarr@ziguinchor.example.org");
    expect(await seriousViolations(agent)).toEqual([]);

    // The partnership is agreed: the Atlas form comes pre-filled; a wrong date is explained.
    await tabTo(
      agent,
      (element, text) => element.textContent?.trim() === text,
      "Conclure le partenariat",
    );
    await pressAndLoad(agent);
    expect(agent.url()).toMatch(/\/partenariat\?collectivite=\d+$/);
    // The signed-in authority's own name, and the city it typed.
    const authority = await agent.locator("#champ-autorite_partenaire").inputValue();
    expect(authority.length).toBeGreaterThan(0);
    expect(await agent.locator("#champ-ville").inputValue()).toBe("Ziguinchor");
    expect(await agent.locator("#champ-pays").inputValue()).toBe("SN");
    expect(await seriousViolations(agent)).toEqual([]);
    await tabTo(agent, (element) => element.id === "champ-date_signature");
    await agent.keyboard.type("32/13/2026");
    await tabTo(
      agent,
      (element, text) => element.textContent?.trim() === text,
      "Enregistrer le partenariat dans l'Atlas",
    );
    await pressAndLoad(agent);
    expect(await agent.locator("#champ-date_signature").getAttribute("aria-invalid")).toBe("true");
    expect(await agent.locator("#champ-autorite_partenaire").inputValue()).toBe(authority);
    await tabTo(agent, (element) => element.id === "champ-date_signature");
    await agent.keyboard.press("Control+A");
    await agent.keyboard.type("20/11/2026");
    await tabTo(
      agent,
      (element, text) => element.textContent?.trim() === text,
      "Enregistrer le partenariat dans l'Atlas",
    );
    await pressAndLoad(agent);
    expect(agent.url()).toBe(requestUrl);
    expect(await mainText(agent)).toContain("Partenariat conclu");
    expect(await seriousViolations(agent)).toEqual([]);
    await tabTo(agent, (element, text) => element.textContent?.trim() === text, "Rennes");
    await pressAndLoad(agent);
    expect(agent.url()).toMatch(/\/atlas\/collectivites\/\d+$/);
    expect(await mainText(agent)).toContain(authority);
  }, 240_000);

  it("the offer pages pass the accessibility checks", async () => {
    const agent = await signedInPage(
      chromium.browser,
      served.portal.baseUrl,
      "agent-35238@example.org",
    );
    await agent.goto(url("/bourse/offres/nouvelle"));
    expect(await seriousViolations(agent)).toEqual([]);
    const daect = await signedInPage(chromium.browser, served.portal.baseUrl, "daect@example.org");
    await daect.goto(url("/admin/bourse"));
    expect(await seriousViolations(daect)).toEqual([]);
    const offer = await daect
      .locator('main a[href^="/bourse/offres/"]')
      .first()
      .getAttribute("href");
    await daect.goto(url(offer!));
    expect(daect.url()).toMatch(/\/bourse\/offres\/\d+$/);
    expect(await seriousViolations(daect)).toEqual([]);
  }, 120_000);

  it("the DAECT asks the opinions on an offer and the prefecture gives its own with the keyboard", async () => {
    const offer = await builders(served.database.db).offer({ status: "submitted" });
    const path = url(`/bourse/offres/${offer.id}`);
    const daect = await signedInPage(chromium.browser, served.portal.baseUrl, "daect@example.org");
    await daect.goto(path);
    const dueOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await daect.locator("#champ-dueOn").fill(dueOn);
    await tabTo(daect, (element) => (element as HTMLInputElement).value === "confidential");
    await daect.keyboard.press("ArrowDown");
    expect(await daect.locator('input[value="shared"]').isChecked()).toBe(true);
    await tabTo(
      daect,
      (element, text) => element.textContent?.trim() === text,
      "Demander les avis",
    );
    await pressAndLoad(daect);
    expect(await mainText(daect)).toContain("Les avis sont demandés");
    expect(await seriousViolations(daect)).toEqual([]);

    const prefecture = await signedInPage(
      chromium.browser,
      served.portal.baseUrl,
      "prefecture-53@example.org",
    );
    await prefecture.goto(path);
    expect(await seriousViolations(prefecture)).toEqual([]);
    // Sent without a reasoning: explained on its field, the verdict kept.
    await tabTo(prefecture, (element) => (element as HTMLInputElement).value === "favourable");
    await prefecture.keyboard.press("ArrowDown");
    await tabTo(
      prefecture,
      (element, text) => element.textContent?.trim() === text,
      "Rendre l'avis",
    );
    await pressAndLoad(prefecture);
    expect(await mainText(prefecture)).toContain("Motivez votre avis");
    expect(
      await prefecture.locator('input[value="favourable_with_reservations"]').isChecked(),
    ).toBe(true);
    await tabTo(prefecture, (element) => element.id === "champ-reasoning");
    await prefecture.keyboard.type("Favorable si le syndicat de traitement est associé au projet.");
    await tabTo(
      prefecture,
      (element, text) => element.textContent?.trim() === text,
      "Rendre l'avis",
    );
    await pressAndLoad(prefecture);
    expect(await mainText(prefecture)).toContain("Votre avis est enregistré");
    expect(await mainText(prefecture)).toContain("Favorable avec réserves");
  }, 120_000);

  it("an author without an account confirms its address with the page's button, and asks for a new link, with the keyboard", async () => {
    const created = await createRequest(
      served.database.db,
      visitor,
      {
        authorityName: "Commune de Saint-Louis",
        authorityKind: "municipality",
        countryCode: "SN",
        cityName: "Saint-Louis",
        contactName: "Moussa Ba-Exemple",
        contactEmail: "m.ba@saint-louis.example.org",
        title: "Réhabilitation de la bibliothèque municipale de Saint-Louis",
        description:
          "La commune veut rénover sa bibliothèque, former deux bibliothécaires et ouvrir un fonds en pulaar et en français pour les écoles.",
        contactFunction: "Secrétaire municipal",
        themes: ["culture"],
        partnerKind: "commune",
        partnerSize: "medium",
        budget: "45 000",
        languages: ["fr"],
      },
      [],
      served.portal.baseUrl,
    );
    const author = await newPage(chromium.browser);
    await author.goto(created.followUrl!);
    expect(await mainText(author)).toContain("Confirmer votre adresse");
    expect(await seriousViolations(author)).toEqual([]);
    await tabTo(
      author,
      (element, text) => element.textContent?.trim() === text,
      "Confirmer et transmettre",
    );
    await pressAndLoad(author);
    expect(await mainText(author)).toContain("Adresse confirmée");
    expect(await mainText(author)).not.toContain("Confirmer votre adresse");

    await author.goto(url("/bourse/suivi"));
    expect(await seriousViolations(author)).toEqual([]);
    await tabTo(author, (element) => element.id === "champ-contactEmail");
    await author.keyboard.type("m.ba@saint-louis.example.org");
    await author.keyboard.press("Enter");
    await author.waitForLoadState("load");
    await expect
      .poll(() => mainText(author))
      .toContain("un nouveau lien privé vient d'y être envoyé");
    expect(await seriousViolations(author)).toEqual([]);
  }, 120_000);
});
