import { eq, sql } from "drizzle-orm";
import { mailOutbox } from "../../src/platform/mail/schema";
import { deliveredText } from "../support/outbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/platform/db/client";
import {
  browserForTestFile,
  newPage,
  pressAndLoad,
  seriousViolations,
  signedInPage,
  tabTo,
} from "../support/browser";
import { builders } from "../support/build";
import { portalForTestFile } from "../support/portal";
import {
  type TestIdentity,
  type TestProvider,
  startProConnectProvider,
} from "../support/proconnect";

/**
 * ProConnect in a real browser, through a real OpenID Connect provider on loopback, and the
 * pages where people run their account and their organisation, by the keyboard.
 */
const identities: TestIdentity[] = [
  {
    label: "Camille Martin-Exemple (Rennes)",
    sub: "navigateur-rennes",
    given_name: "Camille",
    usual_name: "Martin-Exemple",
    email: "agent-35238@example.org",
    uid: "1",
    siret: "21350238800017",
  },
  {
    label: "Yann Le Goff-Exemple (Brest)",
    sub: "navigateur-brest",
    given_name: "Yann",
    usual_name: "Le Goff-Exemple",
    email: "yann.legoff-exemple@brest.example.org",
    uid: "2",
    siret: "21290019500012",
  },
  {
    label: "Alix Bernard-Démo (Ille-et-Vilaine)",
    sub: "navigateur-departement",
    given_name: "Alix",
    usual_name: "Bernard-Démo",
    email: "agent-35@example.org",
    uid: "3",
    siret: "22350001800013",
  },
];

let provider: TestProvider;
beforeAll(async () => {
  provider = await startProConnectProvider(identities);
});
const served = portalForTestFile(() => ({
  OIDC_ISSUER_URL: provider.issuer,
  OIDC_CLIENT_ID: provider.clientId,
  OIDC_CLIENT_SECRET: provider.clientSecret,
}));
beforeAll(() => {
  provider.allowPortal(served.portal.baseUrl);
});
afterAll(async () => {
  await provider?.close();
});
const chromium = browserForTestFile();
const url = (pathname: string) => `${served.portal.baseUrl}${pathname}`;
const byText = (element: Element, text: string) => element.textContent?.trim() === text;

/** From /connexion, the ProConnect button by the keyboard, then the identity at the provider. */
async function proConnectAs(page: import("playwright-core").Page, label: string) {
  await page.goto(url("/connexion"));
  expect(await seriousViolations(page)).toEqual([]);
  await tabTo(page, (element) => element.classList.contains("pro-connect"));
  await pressAndLoad(page);
  expect(page.url().startsWith(provider.issuer)).toBe(true);
  await page.getByLabel(label).check();
  await Promise.all([
    page.waitForURL((address) => address.href.startsWith(served.portal.baseUrl)),
    page.getByRole("button", { name: "Continuer" }).click(),
  ]);
}

describe("ProConnect in a browser", () => {
  it("a new person lands on the access request with Brest chosen and their name filled in", async () => {
    const page = await newPage(chromium.browser);
    await proConnectAs(page, "Yann Le Goff-Exemple (Brest)");
    expect(new URL(page.url()).pathname).toBe("/inscription");
    expect(await page.locator('input[name="organisation"]:checked').count()).toBe(1);
    expect(await page.locator("#champ-givenName").inputValue()).toBe("Yann");
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator("#champ-personFunction").selectOption("charge_cooperation");
    await tabTo(page, byText, "Envoyer la demande");
    await pressAndLoad(page);
    expect(await page.locator("main").textContent()).toContain("Demande enregistrée");
  }, 120_000);

  it("an existing person links the account with the password, then reaches Mon compte", async () => {
    const page = await newPage(chromium.browser);
    await proConnectAs(page, "Camille Martin-Exemple (Rennes)");
    expect(new URL(page.url()).pathname).toBe("/connexion/proconnect/lier");
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, (element) => element.id === "champ-password");
    await page.keyboard.type("Demo-AECT-2026!");
    await pressAndLoad(page);
    // Signed in, where a person's tasks are.
    expect(new URL(page.url()).pathname).toBe("/mon-espace");
    await page.goto(url("/compte"));
    expect(await page.locator("main").textContent()).toContain("Mes sessions ouvertes");
  }, 120_000);

  it("an existing person may link by a mailed link, whose page passes the checks", async () => {
    const page = await newPage(chromium.browser);
    await proConnectAs(page, "Alix Bernard-Démo (Ille-et-Vilaine)");
    await tabTo(page, byText, "Recevoir un lien par courriel");
    await pressAndLoad(page);
    expect(await page.locator("main").textContent()).toContain("Courriel envoyé");
    expect(await seriousViolations(page)).toEqual([]);
    const [mail] = await served.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, "proconnect-link"));
    await page.goto(url(/\/connexion\/proconnect\/lier\/[\w-]+/.exec(deliveredText(mail))![0]));
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, byText, "Relier mon compte et me connecter");
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe("/mon-espace");
  }, 120_000);

  it("a forged callback is explained on a page of the portal", async () => {
    const page = await newPage(chromium.browser);
    const response = await page.goto(url("/connexion/proconnect/retour?code=faux&state=faux"));
    expect(response?.status()).toBe(400);
    expect(await page.locator("main h1").textContent()).toBe(
      "Connexion avec ProConnect impossible",
    );
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});

describe("a collectivité missing from the list", () => {
  it("is asked from the search by the keyboard; a wrong code is told on its field", async () => {
    const page = await newPage(chromium.browser);
    await page.goto(url("/inscription?groupe=collectivite&q=zzzzzz"));
    await tabTo(page, byText, "Ma collectivité n'est pas dans la liste");
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe("/inscription/organisation-absente");
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator("#champ-kind").selectOption("commune");
    await page.locator("#champ-code").fill("2901");
    await page.locator("#champ-name").fill("Commune nouvelle fictive");
    await tabTo(page, byText, "Envoyer la demande");
    await pressAndLoad(page);
    expect(await page.locator("#champ-code").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#champ-name").inputValue()).toBe("Commune nouvelle fictive");
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);
});

describe("my account and my organisation, by the keyboard", () => {
  it("changes the function on Mon compte; an administrator promotes a colleague; the closing page passes the checks", async () => {
    const { db } = served.database;
    // A colleague to promote.
    await builders(db).colleague("agent-35238@example.org");
    const page = await signedInPage(
      chromium.browser,
      served.portal.baseUrl,
      "agent-35238@example.org",
    );
    await page.goto(url("/compte"));
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, (element) => element.id === "champ-personFunction");
    await page.locator("#champ-personFunction").selectOption("autre");
    await tabTo(page, byText, "Enregistrer mon nom et ma fonction");
    await pressAndLoad(page);
    // "Autre" without its wording: told on the field, the choice kept.
    expect(await page.locator("#champ-functionOther").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#champ-personFunction").inputValue()).toBe("autre");
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator("#champ-functionOther").fill("Cheffe de projet jumelages");
    await tabTo(page, byText, "Enregistrer mon nom et ma fonction");
    await pressAndLoad(page);
    expect(await page.locator("main").textContent()).toContain("ont été enregistrés");

    const [{ id }] = rowsOf<{ id: number }>(
      await db.execute(sql`
        SELECT m.organisation_id AS id FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE u.email = 'agent-35238@example.org'`),
    );
    await page.goto(url(`/organisations/${id}/membres`));
    expect(await page.locator("main").textContent()).toContain("Cheffe de projet jumelages");
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(
      page,
      (element, who) => element.textContent?.includes(who) ?? false,
      `Nommer administrateur : Dominique Collègue`,
    );
    await pressAndLoad(page);
    expect(await page.locator("main").textContent()).toContain("est désormais administrateur");

    await page.goto(url("/compte/fermer"));
    expect(await seriousViolations(page)).toEqual([]);

    // A new address: the page of the mailed link passes the checks too.
    await page.goto(url("/compte"));
    await page.locator("#champ-newEmail").fill("camille.martin@rennes-nouvelle.example.org");
    await page.locator("#champ-adresse-currentPassword").fill("Demo-AECT-2026!");
    await tabTo(page, byText, "Changer d'adresse");
    await pressAndLoad(page);
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, "email-change-confirm"));
    const link = /\/compte\/adresse\/[\w-]+/.exec(deliveredText(mail))![0];
    await page.goto(url(link));
    expect(await page.locator("main h1").textContent()).toBe("Confirmer votre nouvelle adresse");
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);
});
