import { desc, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { bourseTexts } from "../../src/modules/bourse/texts/index";
import type { PageLanguage } from "../../src/platform/i18n/languages";
import { portalTexts } from "../../src/platform/i18n/portal-texts";
import { mailOutbox } from "../../src/platform/mail/schema";
import {
  browserForTestFile,
  newPage,
  pressAndLoad,
  seriousViolations,
  tabTo,
} from "../support/browser";
import { deliveredText } from "../support/outbox";
import { untranslatedTexts } from "../support/page-language";
import { portalForTestFile } from "../support/portal";

const served = portalForTestFile();
const chromium = browserForTestFile();
const url = (pathname: string) => `${served.portal.baseUrl}${pathname}`;

interface Journey {
  lang: Exclude<PageLanguage, "fr">;
  country: string;
  countryName: string;
  city: string;
  typed: Record<"authorityName" | "title" | "description" | "contactName" | "contactEmail", string>;
  confirmSubject: string;
}

const journeys: Journey[] = [
  {
    lang: "en",
    country: "GH",
    countryName: "Ghana",
    city: "Kumasi",
    typed: {
      authorityName: "Kumasi Metropolitan Assembly",
      title: "Drainage of the flood-prone districts of Kumasi",
      description:
        "Three districts flood at every rainy season; the assembly wants to drain them and train a municipal team to maintain the canals.",
      contactName: "Ama Mensah-Example",
      contactEmail: "a.mensah@kumasi.example.org",
    },
    confirmSubject: "Confirm your address – Bourse-partenariats",
  },
  {
    lang: "es",
    country: "PE",
    countryName: "Perú",
    city: "Cusco",
    typed: {
      authorityName: "Municipalidad Provincial del Cusco",
      title: "Recolección selectiva de residuos en el centro histórico del Cusco",
      description:
        "El centro histórico recibe miles de visitantes cada día; la municipalidad quiere organizar la recolección selectiva con los comerciantes y formar a su personal.",
      contactName: "Lucía Quispe-Ejemplo",
      contactEmail: "l.quispe@cusco.example.org",
    },
    confirmSubject: "Confirme su dirección – Bourse-partenariats",
  },
];

/** Every visible text of the page is in the journey's language, and axe finds nothing serious. */
async function readsIn(page: Page, journey: Journey, typed: string[] = []) {
  expect(await page.locator("html").getAttribute("lang")).toBe(journey.lang);
  expect(await untranslatedTexts(page, journey.lang, typed)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
}

const byText = (element: Element, text: string) => element.textContent?.trim() === text;

describe("the Bourse request journey in English and in Spanish", () => {
  for (const journey of journeys)
    it(`a foreign authority files its request in ${journey.lang}, corrects a field and follows it`, async () => {
      const t = bourseTexts(journey.lang);
      const page = await newPage(chromium.browser);
      // From the French form, the language switch leads to the reader's language.
      await page.goto(url("/bourse/demandes/nouvelle"));
      await tabTo(page, (element, lang) => element.getAttribute("hreflang") === lang, journey.lang);
      await pressAndLoad(page);
      await readsIn(page, journey);
      expect(await page.title()).toBe(
        `${t("pages.newRequest")} – Bourse-partenariats – Portail AECT`,
      );
      await page.locator("#champ-pays").selectOption(journey.country);
      await tabTo(page, byText, portalTexts(journey.lang)("form.continue"));
      await pressAndLoad(page);
      await readsIn(page, journey);

      // Everything but the title: the error names the field in the reader's language.
      await tabTo(page, (element) => element.id === "champ-authorityName");
      await page.keyboard.type(journey.typed.authorityName);
      await tabTo(page, (element) => element.id === "champ-cityName");
      await page.keyboard.type(journey.city);
      await page.locator("#champ-description").fill(journey.typed.description);
      await tabTo(page, (element) => (element as HTMLInputElement).value === "dechets");
      await page.keyboard.press("Space");
      await tabTo(
        page,
        (element, lang) => (element as HTMLInputElement).value === lang,
        journey.lang,
      );
      await page.keyboard.press("Space");
      await page.locator("#champ-contactName").fill(journey.typed.contactName);
      await page.locator("#champ-contactEmail").fill(journey.typed.contactEmail);
      await tabTo(page, byText, t("form.submit"));
      await pressAndLoad(page);
      expect(await page.locator("#champ-title").getAttribute("aria-invalid")).toBe("true");
      const required = portalTexts(journey.lang)("validation.required", {
        subject: t("fields.title.subject"),
      });
      // The message is the field's own description, read out with it.
      const described = await page.locator("#champ-title").getAttribute("aria-describedby");
      const messages = await Promise.all(
        (described ?? "").split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()),
      );
      expect(messages.join(" ")).toContain(required);
      expect(await page.locator("#champ-authorityName").inputValue()).toBe(
        journey.typed.authorityName,
      );
      await readsIn(page, journey, Object.values(journey.typed));

      await tabTo(page, (element) => element.id === "champ-title");
      await page.keyboard.type(journey.typed.title);
      await tabTo(page, byText, t("form.submit"));
      await pressAndLoad(page);
      await readsIn(page, journey, [t("form.sentText", { email: journey.typed.contactEmail })]);

      // The mail in the author's language leads to the private page, then the request leaves.
      const [mail] = await served.database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.recipient, journey.typed.contactEmail))
        .orderBy(desc(mailOutbox.id));
      expect(mail.subject).toBe(journey.confirmSubject);
      const link = /\/bourse\/suivi\/[\w-]+/.exec(deliveredText(mail))![0];
      await page.goto(url(link));
      const shown = [
        journey.typed.title,
        journey.typed.description,
        journey.typed.authorityName,
        `${journey.city}, ${journey.countryName}`,
      ];
      await readsIn(page, journey, shown);
      await tabTo(page, byText, t("follow.confirmButton"));
      await pressAndLoad(page);
      expect(await page.locator("main").textContent()).toContain(t("follow.confirmed"));
      await readsIn(page, journey, shown);
    }, 180_000);
});
