import { describe, expect, it } from "vitest";
import { pageLanguages } from "../../platform/i18n/languages";
import { bourseMails } from "./mails";

const url = "https://portail.example.org/bourse/suivi/lien";
const title = "Gestion des déchets à Ziguinchor";

/** Every mail to a request's author, written in one language. */
const authorMails = (lang: (typeof pageLanguages)[number]) => ({
  confirmAddress: bourseMails.confirmAddress({ lang, url }),
  newFollowLink: bourseMails.newFollowLink({ lang, title, url }),
  published: bourseMails.published({ lang, title, expiresOn: "1er juin 2027", url }),
  informationRequested: bourseMails.informationRequested({
    lang,
    title,
    message: "Précisez le budget.",
    url,
  }),
  declined: bourseMails.declined({ lang, title, reason: "Hors champ.", url }),
  interestToAuthor: bourseMails.interestToAuthor({
    lang,
    title,
    collectivite: "Région Bretagne",
    contactName: "Camille Exemple",
    contactEmail: "camille@example.org",
    message: "Rencontrons-nous en mars.",
    url,
  }),
  matchedToAuthor: bourseMails.matchedToAuthor({
    lang,
    title,
    collectivite: "Région Bretagne",
    url,
  }),
  expiryReminder: bourseMails.expiryReminder({ lang, title, expiresOn: "1er juin 2027", url }),
});

const GREETINGS = { fr: "Bonjour,", en: "Hello,", es: "Buenos días:" };

describe("the mails to a request's author", () => {
  it("are written from the dictionaries of the author's language, every value put in", () => {
    for (const lang of pageLanguages)
      for (const [name, mail] of Object.entries(authorMails(lang))) {
        expect(mail.html, `${lang} ${name}`).toContain(`<html lang="${lang}">`);
        expect(mail.text.startsWith(GREETINGS[lang]), `${lang} ${name}`).toBe(true);
        expect(mail.text, `${lang} ${name}`).toContain(url);
        expect(`${mail.subject} ${mail.text}`, `${lang} ${name}`).not.toMatch(/\{\{|\}\}/);
        if (name !== "confirmAddress") expect(mail.text, `${lang} ${name}`).toContain(title);
      }
  });

  it("name the collectivité as each language does, and keep the reviewer's own words", () => {
    expect(authorMails("fr").interestToAuthor.text).toContain(
      "La Région Bretagne s'intéresse à votre demande",
    );
    expect(authorMails("en").interestToAuthor.text).toContain(
      "Région Bretagne (France) is interested",
    );
    expect(authorMails("fr").matchedToAuthor.subject).toBe(
      `Partenariat conclu avec la Région Bretagne : ${title}`,
    );
    expect(authorMails("es").interestToAuthor.text).toContain(
      "Su mensaje: Rencontrons-nous en mars.",
    );
    const complement = authorMails("en").informationRequested.text.split("\n\n");
    expect(complement).toContain("Précisez le budget.");
    expect(complement).toContain("Please edit your request and send it again.");
  });
});
