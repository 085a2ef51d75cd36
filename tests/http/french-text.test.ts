import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accessMails } from "../../src/modules/accounts/access-request-mails";
import { accountMails } from "../../src/modules/accounts/mails";
import { apdMails } from "../../src/modules/apd/mails";
import { campaignMails } from "../../src/modules/atlas/campaigns/mails";
import { bourseMails, offerMails } from "../../src/modules/bourse/mails";
import { offerConsultation } from "../../src/modules/bourse/offer-consultation";
import { consultationMails } from "../../src/platform/consultation/mails";
import { rowsOf } from "../../src/platform/db/client";
import type { MailContent } from "../../src/platform/mail/outbox";
import { FormClient } from "../support/browserless";
import { frenchFaults, readableFrenchText } from "../support/french-text";
import { portalForTestFile } from "../support/portal";
import { rgaaFaults } from "../support/rgaa-checks";

describe("the French-text scan", () => {
  it("finds articles not merged, de not elided, counts that do not agree and (s)", () => {
    for (const wrong of [
      "Projets de le Finistère",
      "Voir les projets à les Comores",
      "Collectivités de Les Abymes",
      "Département de Ille-et-Vilaine",
      "La fiche de Angers",
      "1 projets trouvés",
      "12 ligne importée",
      "1 234 demande",
      "2 ligne(s) importée(s).",
    ])
      expect(frenchFaults(wrong), wrong).not.toEqual([]);
  });

  it("accepts what is correct", () => {
    for (const right of [
      "Projets du Finistère, de la Manche et d'Ille-et-Vilaine",
      "Avant de le transmettre, vérifiez-le ; pensez à les relire.",
      "1 projet, 2 projets, aucune demande, 1 pays, 3 pays, 1 avis",
      "1 234 demandes, 2026 demande",
      "Version 2 ; 10,5 ligne",
      "de Yaoundé, d'Haïti, de l'AFD, de 2026",
    ])
      expect(frenchFaults(right), right).toEqual([]);
  });

  it("reads the French of a page, not its scripts or its English and Spanish parts", () => {
    const text = readableFrenchText(
      '<html lang="fr"><body><p title="Titre">Bonjour</p><script>de le</script>' +
        '<p lang="es">Solicitud de asociación</p><img alt="Carte"></body></html>',
    );
    expect(text).toContain("Bonjour");
    expect(text).toContain("Titre");
    expect(text).toContain("Carte");
    expect(text).not.toContain("de le");
    expect(text).not.toContain("Solicitud");
  });
});

describe("the RGAA checks of a page", () => {
  const page = (title: string, body: string) =>
    `<!DOCTYPE html><html lang="fr"><head><title>${title}</title></head><body>` +
    '<div class="fr-skiplinks"><a href="#contenu">Contenu</a></div>' +
    `<header></header><main id="contenu">${body}</main><footer></footer></body></html>`;

  it("pass a page built as the portal builds them", () => {
    expect(
      rgaaFaults(
        page(
          "Accueil – Portail AECT",
          '<h1>Accueil</h1><label for="q">Rechercher</label><input id="q" name="q">' +
            '<table><caption>Projets</caption><tr><th scope="col">Pays</th></tr></table>' +
            '<a href="/x" target="_blank" title="Licence - nouvelle fenêtre">Licence</a>',
        ),
      ),
    ).toEqual([]);
  });

  it("name each fault by its criterion", () => {
    const faults = rgaaFaults(
      page(
        "Portail AECT",
        '<h1>Un</h1><h1 id="contenu">Deux</h1><input name="displayName"><img src="a.png">' +
          '<table><tr><td>1</td></tr></table><a href="/x" target="_blank">Licence</a>',
      ).replace('lang="fr"', 'lang="français"'),
    );
    for (const criterion of [
      "8.2",
      "8.3",
      "8.5/8.6",
      "9.1",
      "1.1",
      "5.4",
      "5.6",
      "11.1",
      "11.13",
      "13.2",
    ])
      expect(
        faults.some((fault) => fault.startsWith(`${criterion} `)),
        criterion,
      ).toBe(true);
  });
});

const served = portalForTestFile();

/** Who reads the portal, and where each starts; the crawl follows the links from there. */
const READERS: Record<string, string | null> = {
  visiteur: null,
  "agent d'une commune": "agent-35238@example.org",
  daect: "daect@example.org",
  ambassade: "ambassade-sn@example.org",
  préfecture: "prefecture-53@example.org",
  "autorité étrangère": "autorite-sn-1@example.org",
};
const START = ["/", "/plan-du-site", "/mon-espace", "/compte", "/admin"];
const PAGES_PER_READER = 90;
/** Pages of one route read at most this often (another project fiche says nothing new). */
const PER_ROUTE = 3;

/** Same-site page links, without downloads, APIs, anchors or signing out. */
const pageLinks = (html: string) =>
  [...html.matchAll(/href="(\/[^"#]*)"/g)]
    .map((match) => match[1].replace(/&amp;/g, "&"))
    .filter(
      (href) =>
        !/^\/(api|dsfr|assets)\/|\.(csv|pdf|xlsx|json|geojson|xml|ics|zip)(\?|$)|\/pdf$|deconnexion|\/telecharger/.test(
          href,
        ),
    );

const routeOf = (path: string) => path.split("?")[0].replace(/\/\d+(?=\/|$)/g, "/#");

describe("every page of the demo portal, as each reader crawls it", () => {
  for (const [reader, email] of Object.entries(READERS))
    it(`reads in correct French and passes the RGAA checks (${reader})`, {
      timeout: 240_000,
    }, async () => {
      const client = new FormClient(served.portal.baseUrl);
      if (email) await client.signIn(email);
      const queue = [...START];
      const seen = new Set<string>();
      const perRoute = new Map<string, number>();
      const faults: string[] = [];
      while (queue.length > 0 && seen.size < PAGES_PER_READER) {
        const path = queue.shift()!;
        const route = routeOf(path);
        if (seen.has(path) || (perRoute.get(route) ?? 0) >= PER_ROUTE) continue;
        seen.add(path);
        perRoute.set(route, (perRoute.get(route) ?? 0) + 1);
        const page = await client.get(path);
        if (page.status !== 200 || !page.headers.get("content-type")?.includes("text/html"))
          continue;
        for (const fault of frenchFaults(readableFrenchText(page.html)))
          faults.push(`${path} : « ${fault.replace(/\s+/g, " ").trim()} »`);
        for (const fault of rgaaFaults(page.html)) faults.push(`${path} : RGAA ${fault}`);
        queue.push(...pageLinks(page.html));
      }
      expect(seen.size).toBeGreaterThan(20);
      expect(faults).toEqual([]);
    });
});

/** Every template of every module, written for one collectivité and one State service. */
function everyMail(collectivite: string, service: string, authority: string) {
  const url = "https://portail.example.org/lien";
  const action = { label: "Ouvrir", url };
  const about = {
    kind: offerConsultation,
    subject: { title: "Jumelage", from: collectivite, href: "/" },
    url,
  };
  const dates = { opensOn: "2026-03-01", closesOn: "2026-06-30" };
  const mails: Record<string, Record<string, MailContent>> = {
    apd: {
      campaignOpened: apdMails.campaignOpened({
        year: 2025,
        collectivite,
        ...dates,
        message: "",
        action,
        notice: null,
      }),
      reminder: apdMails.reminder({
        year: 2025,
        collectivite,
        closesOn: dates.closesOn,
        action,
        notice: null,
      }),
      receipt: apdMails.receipt({
        year: 2025,
        collectivite,
        reference: "APD-2025-1",
        number: 1,
        isNil: false,
        totalCents: 1_250_000,
        lineCount: 1,
        late: false,
        url,
      }),
      returned: apdMails.returned({
        year: 2025,
        collectivite,
        comment: "Montant à préciser.",
        url,
      }),
      accepted: apdMails.accepted({ year: 2025, collectivite, url }),
    },
    campaign: {
      opened: campaignMails.opened({
        title: "Atlas 2026",
        message: "",
        collectivite,
        closesOn: dates.closesOn,
        action,
        notice: null,
      }),
      reminder: campaignMails.reminder({
        title: "Atlas 2026",
        collectivite,
        closesOn: dates.closesOn,
        action,
        notice: null,
      }),
    },
    bourse: {
      confirmAddress: bourseMails.confirmAddress({ lang: "fr", url }),
      newFollowLink: bourseMails.newFollowLink({ lang: "fr", title: "Jumelage", url }),
      requestToTriage: bourseMails.requestToTriage({
        title: "Jumelage",
        authority,
        country: "Sénégal",
        city: "Dakar",
        resubmitted: false,
        url,
      }),
      published: bourseMails.published({
        lang: "fr",
        title: "Jumelage",
        expiresOn: "1er juin 2027",
        url,
      }),
      informationRequested: bourseMails.informationRequested({
        lang: "fr",
        title: "Jumelage",
        message: "Précisez le budget.",
        url,
      }),
      declined: bourseMails.declined({ lang: "fr", title: "Jumelage", reason: "Hors champ.", url }),
      interestToAuthor: bourseMails.interestToAuthor({
        lang: "fr",
        title: "Jumelage",
        collectivite,
        contactName: "Anne Exemple",
        contactEmail: "anne@example.org",
        message: "",
        url,
      }),
      interestToFollowers: bourseMails.interestToFollowers({
        title: "Jumelage",
        collectivite,
        country: "Sénégal",
        url,
      }),
      matchedToAuthor: bourseMails.matchedToAuthor({
        lang: "fr",
        title: "Jumelage",
        collectivite,
        url,
      }),
      matchedToFollowers: bourseMails.matchedToFollowers({
        title: "Jumelage",
        collectivite,
        country: "Sénégal",
        url,
      }),
      expiryReminder: bourseMails.expiryReminder({
        lang: "fr",
        title: "Jumelage",
        expiresOn: "1er juin 2027",
        url,
      }),
    },
    offer: {
      received: offerMails.received({ title: "Jumelage", collectivite, url }),
      decided: offerMails.decided({ title: "Jumelage", published: true, comment: "", url }),
    },
    access: {
      confirm: accessMails.confirm({ organisation: collectivite, url, validHours: 48 }),
      toApprove: accessMails.toApprove({ person: "Anne Exemple", organisation: collectivite, url }),
      approved: accessMails.approved({
        organisation: collectivite,
        url,
        firstPassword: true,
        validDays: 7,
      }),
      refused: accessMails.refused({ organisation: collectivite, reason: "Fonction à préciser." }),
    },
    account: {
      passwordReset: accountMails.passwordReset({
        displayName: "Anne Exemple",
        url,
        validHours: 1,
      }),
      invitation: accountMails.invitation({
        organisationName: collectivite,
        invitedBy: "Anne Exemple",
        url,
        validDays: 14,
      }),
      membershipEnded: accountMails.membershipEnded({
        displayName: "Anne Exemple",
        organisationName: collectivite,
      }),
      emailChangeConfirm: accountMails.emailChangeConfirm({
        displayName: "Anne Exemple",
        url,
        validHours: 48,
      }),
      emailChangeNotice: accountMails.emailChangeNotice({
        displayName: "Anne Exemple",
        newEmail: "anne@example.org",
      }),
      accountClosed: accountMails.accountClosed({ displayName: "Anne Exemple" }),
      proConnectLink: accountMails.proConnectLink({
        displayName: "Anne Exemple",
        url,
        validMinutes: 30,
      }),
      signInAlert: accountMails.signInAlert({ displayName: "Anne Exemple", failures: 10 }),
    },
    consultation: {
      requested: consultationMails.requested(about, { asker: "la DAECT", dueOn: "1er juin 2026" }),
      reminder: consultationMails.reminder(about, { dueOn: "1er juin 2026" }),
      given: consultationMails.given(about, { organisation: service, verdict: "Favorable" }),
      overdue: consultationMails.overdue(about, { missing: [service] }),
      revoked: consultationMails.revoked(about, { reason: "" }),
    },
  };
  return mails;
}

const TEMPLATE_SETS = {
  apd: apdMails,
  campaign: campaignMails,
  bourse: bourseMails,
  offer: offerMails,
  access: accessMails,
  account: accountMails,
  consultation: consultationMails,
};

describe("every mail template, written with the demo's names", () => {
  it("reads in correct French", async () => {
    // Names of every shape: a région, départements with le/la/les/l'/d', communes with their
    // article or a vowel, an intercommunality; State services as the demo names them.
    const collectivites = rowsOf<{ name: string }>(
      await served.database.db.execute(sql`
        (SELECT DISTINCT ON (c.kind, u.tncc) c.name FROM register_collectivites c
           JOIN ref_territorial_units u ON u.id = c.unit_id ORDER BY c.kind, u.tncc, c.id)
        UNION (SELECT name FROM register_collectivites WHERE name ~ '^[AEIOUÉ]' ORDER BY id LIMIT 1)`),
    ).map((row) => row.name);
    const services = rowsOf<{ name: string }>(
      await served.database.db.execute(sql`
        (SELECT name FROM organisations WHERE kind = 'prefecture' ORDER BY id LIMIT 1)
        UNION (SELECT name FROM organisations WHERE kind = 'embassy' ORDER BY id LIMIT 1)`),
    ).map((row) => row.name);
    const [authority] = rowsOf<{ name: string }>(
      await served.database.db.execute(
        sql`SELECT name FROM register_foreign_authorities WHERE kind = 'province' ORDER BY id LIMIT 1`,
      ),
    );
    expect(collectivites.length).toBeGreaterThan(6);
    expect(services.length).toBe(2);

    const faults = new Set<string>();
    for (const collectivite of collectivites)
      for (const service of services) {
        const mails = everyMail(collectivite, service, authority.name);
        // A template added to a module without being written here fails the test.
        for (const [set, templates] of Object.entries(TEMPLATE_SETS))
          expect(Object.keys(mails[set]).sort(), set).toEqual(Object.keys(templates).sort());
        for (const [set, written] of Object.entries(mails))
          for (const [template, mail] of Object.entries(written))
            for (const fault of frenchFaults(`${mail.subject}\n${mail.text}`))
              faults.add(`${set}.${template} : « ${fault.replace(/\s+/g, " ").trim()} »`);
      }
    expect([...faults]).toEqual([]);
  });
});
