import { deliveredText } from "../support/outbox";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bourseRequests } from "../../src/modules/bourse/schema";
import { themeLabels } from "../../src/modules/bourse/index";
import { publicRequestStatuses } from "../../src/modules/bourse/codes";
import { countries } from "../../src/reference/schema";
import { mailOutbox } from "../../src/platform/mail/schema";
import { FormClient } from "../support/browserless";
import { portalForTestFile } from "../support/portal";

/** The Bourse through its pages, as a browser without JavaScript uses them. */
const served = portalForTestFile();
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

const requestForm = (overrides: Record<string, string> = {}) => {
  const form = new FormData();
  const fields: Record<string, string> = {
    intent: "request",
    langue: "en",
    countryCode: "SN",
    authorityName: "Municipalité de Kaolack",
    authorityKind: "municipality",
    cityName: "kaolack",
    title: "Assainissement des quartiers inondables de Kaolack",
    description:
      "La commune veut drainer trois quartiers inondés à chaque hivernage et former une équipe municipale à l'entretien des canaux.",
    budget: "240 000",
    partnerKind: "commune",
    partnerSize: "medium",
    contactName: "Moussa Ndiaye-Exemple",
    contactEmail: "m.ndiaye@kaolack.example.org",
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.append("themes", "eau-assainissement");
  form.append("languages", "fr");
  form.append("languages", "en");
  return form;
};

describe("the public Bourse", () => {
  it("lists the published requests with their figures, filters them, and explains a bad filter on its field", async () => {
    const visitor = new FormClient(served.portal.baseUrl);
    const page = await visitor.get("/bourse");
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/137<\/p><p>demandes publiées/);
    expect(page.html).toMatch(/<h2 id="resultats">137 demandes publiées<\/h2>/);
    expect(page.html).not.toContain("@municipalite.example.org");
    const senegal = await visitor.get("/bourse?country=SN");
    const count = Number(/<h2 id="resultats">(\d+) demande/.exec(senegal.html)?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(137);
    const bad = await visitor.get("/bourse?country=SN&from=hier");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("La date de début doit être une date au format JJ/MM/AAAA.");
    expect(bad.html).toContain("Format attendu : JJ/MM/AAAA");
    // Where a browser shows a plain text field, the date is typed as a French reader writes it.
    const typed = await visitor.get("/bourse?country=SN&from=01/01/2020");
    expect(typed.status).toBe(200);
    expect(Number(/<h2 id="resultats">(\d+) demande/.exec(typed.html)?.[1])).toBe(
      Number(
        /<h2 id="resultats">(\d+) demande/.exec(
          (await visitor.get("/bourse?country=SN&from=2020-01-01")).html,
        )?.[1],
      ),
    );
    expect(bad.html).toMatch(
      /id="champ-from"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="champ-from"/,
    );
  });

  it("places the published requests at their authority's city on the map, fitted to a country", async () => {
    const visitor = new FormClient(served.portal.baseUrl);
    const placed = (html: string) =>
      [...html.matchAll(/<title>(\d+) demandes?<\/title><desc translate="no">/g)].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    const located = async (country?: string) =>
      (
        await served.database.db
          .select({ id: bourseRequests.id })
          .from(bourseRequests)
          .where(
            and(
              inArray(bourseRequests.status, [...publicRequestStatuses]),
              isNotNull(bourseRequests.latitude),
              country ? eq(bourseRequests.countryCode, country) : undefined,
            ),
          )
      ).length;
    const world = await visitor.get("/bourse");
    expect(await located()).toBeGreaterThan(100);
    expect(placed(world.html)).toBe(await located());
    expect(world.html).toContain(
      "lieu d&#x27;une demande (le nombre indique plusieurs demandes proches)",
    );
    const senegal = await visitor.get("/bourse?country=SN");
    expect(placed(senegal.html)).toBe(await located("SN"));
    const shown = /<svg viewBox="([^"]+)" data-whole="0 0 960 470"/.exec(senegal.html)![1];
    expect(Number(shown.split(" ")[2])).toBeLessThan(960 / 4);
  });

  it("never fails on arbitrary filters: a 200 or a 400 with a French message", async () => {
    const visitor = new FormClient(served.portal.baseUrl);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          q: fc.string({ maxLength: 80 }),
          country: fc.string({ maxLength: 4 }),
          from: fc.string({ maxLength: 12 }),
          theme: fc.string({ maxLength: 20 }),
          page: fc.string({ maxLength: 8 }),
        }),
        async (filters) => {
          const response = await visitor.get(`/bourse?${new URLSearchParams(filters)}`);
          expect([200, 400]).toContain(response.status);
          if (response.status === 400) expect(response.html).toContain("fr-alert--error");
        },
      ),
      { numRuns: 25, seed: 2026 },
    );
  });
});

describe("requests written in English or Spanish", () => {
  it("are found by a French search on their thème and country, and read in French around the author's words", async () => {
    const { db } = served.database;
    const written = await db
      .select()
      .from(bourseRequests)
      .where(and(eq(bourseRequests.formLanguage, "es"), eq(bourseRequests.status, "published")))
      .orderBy(bourseRequests.id)
      .limit(1);
    expect(written).toHaveLength(1);
    const [request] = written;
    const [{ name }] = await db
      .select({ name: countries.nameFr })
      .from(countries)
      .where(eq(countries.code, request.countryCode));
    const theme = themeLabels.get(request.themes[0])!;
    // The Spanish text shares no word with the French query: the coded fields answer it.
    const visitor = new FormClient(served.portal.baseUrl);
    const found = await visitor.get(`/bourse?${new URLSearchParams({ q: `${theme} ${name}` })}`);
    expect(found.status).toBe(200);
    expect(found.html).toContain(`<a href="/bourse/demandes/${request.id}" lang="es">`);
    expect(found.html).toContain("Rédigée en espagnol");

    const page = await visitor.get(`/bourse/demandes/${request.id}`);
    expect(page.html).toContain('<html lang="fr"');
    expect(page.html).toContain(`<h1 lang="es">${request.title}</h1>`);
    expect(page.html).toContain("rédigé en espagnol ; les autres informations de la demande");
    expect(page.html).toContain(theme);
  });
});

describe("a signed-in foreign authority", () => {
  it("sends its request in one step and finds its requests, in every state, in Mon espace", async () => {
    const authority = new FormClient(served.portal.baseUrl);
    await authority.signIn("autorite-sn-1@example.org");
    const form = await authority.get("/bourse/demandes/nouvelle");
    expect(form.status).toBe(200);
    const body = requestForm({
      langue: "fr",
      title: "Éclairage solaire des écoles de Ziguinchor",
      contactEmail: "cooperation@ziguinchor.example.org",
    });
    const sent = await authority.postMultipart("/bourse/demandes/nouvelle", body);
    expect(sent.status).toBe(302);
    const location = sent.headers.get("location")!;
    expect(location).toMatch(/^\/bourse\/demandes\/\d+\?fait=transmise$/);
    const id = Number(/\d+/.exec(location)![0]);
    const [stored] = await served.database.db
      .select()
      .from(bourseRequests)
      .where(eq(bourseRequests.id, id));
    expect(stored.status).toBe("submitted");
    expect((await authority.get(location)).html).toContain(
      "La demande est transmise à l&#x27;ambassade de France et à la DAECT.",
    );

    const mine = await served.database.db
      .select()
      .from(bourseRequests)
      .where(eq(bourseRequests.authorOrganisationId, stored.authorOrganisationId!));
    const workspace = await authority.get("/mon-espace");
    expect(workspace.html).toContain("Mes demandes de partenariat");
    for (const request of mine)
      expect(workspace.html).toContain(`<a href="/bourse/demandes/${request.id}">`);
    expect(workspace.html).toContain("Transmise, à examiner");

    // A reader who files no request has no such section.
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    expect((await agent.get("/mon-espace")).html).not.toContain("Mes demandes de partenariat");
  });
});

describe("a request from the public form to a collectivité's interest", () => {
  it("keeps what was typed on a mistake, sends after the address check, is triaged by the embassy and answered by a collectivité", async () => {
    const author = new FormClient(served.portal.baseUrl);
    const chooser = await author.get("/bourse/demandes/nouvelle?langue=en");
    expect(chooser.html).toContain('lang="en"');
    const form = await author.get("/bourse/demandes/nouvelle?langue=en&pays=SN");
    expect(form.html).toContain("Project title");
    expect(form.html).toContain('<option value="Kaolack">');

    // A mistake: the missing title is named, the rest is kept.
    const refused = await author.postMultipart(
      "/bourse/demandes/nouvelle?langue=en&pays=SN",
      requestForm({ title: "" }),
    );
    expect(refused.status).toBe(400);
    // The page, its frame and its messages are in the language of the form.
    expect(refused.html).toContain('<html lang="en"');
    expect(refused.html).toContain("The project title is required.");
    expect(refused.html).toContain("The form contains errors.");
    expect(refused.html).toContain(
      "<title>Post a partnership request – Bourse-partenariats – Portail AECT</title>",
    );
    expect(refused.html).toContain(">Sign in<");
    expect(refused.html).toContain('value="Municipalité de Kaolack"');
    expect(refused.html).toContain("drainer trois quartiers");

    const withFile = requestForm();
    withFile.append("pieces", new File([pdf], "plan-de-drainage.pdf", { type: "application/pdf" }));
    const sent = await author.postMultipart(
      "/bourse/demandes/nouvelle?langue=en&pays=SN",
      withFile,
    );
    expect(sent.status).toBe(200);
    expect(sent.html).toContain("m.ndiaye@kaolack.example.org");
    const [confirmation] = await served.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, "m.ndiaye@kaolack.example.org"))
      .orderBy(desc(mailOutbox.id));
    // The first mail only asks to confirm the address: nothing typed in the form is in it.
    expect(confirmation.subject).toBe("Confirm your address – Bourse-partenariats");
    expect(deliveredText(confirmation)).not.toContain("Kaolack");
    const link = /\/bourse\/suivi\/[\w-]+/.exec(deliveredText(confirmation))![0];
    // Opening the link (a mail scanner would) confirms nothing: a button does.
    const opened = await author.get(link);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain("Confirm and send");
    expect(opened.html).toContain('<html lang="en"');
    const [draft] = await served.database.db
      .select()
      .from(bourseRequests)
      .where(eq(bourseRequests.contactEmail, "m.ndiaye@kaolack.example.org"));
    expect(draft.status).toBe("draft");
    const confirmed = await author.post(link, { intent: "confirm" });
    expect(confirmed.status).toBe(200);
    expect(confirmed.html).toContain("Address confirmed");
    // The author sees which French collectivités might answer, each with its reasons.
    expect(confirmed.html).toContain("French local governments likely to answer");
    expect(confirmed.html).toMatch(
      /<li><a href="\/atlas\/collectivites\/\d+" lang="fr">[^<]+<\/a><p class="fr-text--sm fr-mb-1w"><span>[^<]+<\/span>/,
    );
    const [request] = await served.database.db
      .select()
      .from(bourseRequests)
      .where(eq(bourseRequests.contactEmail, "m.ndiaye@kaolack.example.org"));
    expect(request.status).toBe("submitted");
    expect(request.cityName).toBe("Kaolack");
    const path = `/bourse/demandes/${request.id}`;

    // Not public yet: another embassy and visitors do not find it.
    const morocco = new FormClient(served.portal.baseUrl);
    await morocco.signIn("ambassade-ma@example.org");
    expect((await morocco.get(path)).status).toBe(404);
    expect((await new FormClient(served.portal.baseUrl).get(path)).status).toBe(404);

    // The embassy of Senegal sees the contact and the file, and publishes.
    const embassy = new FormClient(served.portal.baseUrl);
    await embassy.signIn("ambassade-sn@example.org");
    const toTriage = await embassy.get(path);
    expect(toTriage.html).toContain("m.ndiaye@kaolack.example.org");
    const fileLink = /href="(\/bourse\/demandes\/\d+\/pieces\/\d+)"/.exec(toTriage.html)![1];
    const file = await fetch(`${served.portal.baseUrl}${fileLink}`, {
      headers: { cookie: `aect_session=${embassy.cookie("aect_session")}` },
    });
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(file.headers.get("x-content-type-options")).toContain("nosniff");
    const noDecision = await embassy.post(path, {
      intent: "triage",
      version: String(request.version),
    });
    expect(noDecision.status).toBe(400);
    const published = await embassy.post(path, {
      intent: "triage",
      decision: "publish",
      version: String(request.version),
    });
    expect(published.status).toBe(200);
    expect(published.html).toContain("La décision est enregistrée");

    // Public now, without the contact; a collectivité answers and gets the contact.
    const visitorView = await new FormClient(served.portal.baseUrl).get(path);
    expect(visitorView.status).toBe(200);
    expect(visitorView.html).not.toContain("m.ndiaye@kaolack.example.org");
    expect(visitorView.html).not.toContain("susceptibles de répondre");
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const before = await agent.get(path);
    expect(before.html).toContain("Manifester notre intérêt");
    expect(before.html).not.toContain("m.ndiaye@kaolack.example.org");
    const [current] = await served.database.db
      .select({ version: bourseRequests.version })
      .from(bourseRequests)
      .where(eq(bourseRequests.id, request.id));
    const answered = await agent.post(path, {
      intent: "interest",
      version: String(current.version),
      message: "Rennes a conduit un programme semblable à Diourbel.",
    });
    expect(answered.status).toBe(200);
    expect(answered.html).toContain("m.ndiaye@kaolack.example.org");
    expect(answered.html).not.toContain("Manifester notre intérêt");

    // The partnership is decided: the Atlas form comes pre-filled from the request.
    const matchPath = /href="(\/bourse\/demandes\/\d+\/partenariat\?collectivite=\d+)"/.exec(
      answered.html,
    )![1];
    const matchForm = await agent.get(matchPath);
    expect(matchForm.status).toBe(200);
    expect(matchForm.html).toContain('value="Municipalité de Kaolack"');
    expect(matchForm.html).toContain('value="Kaolack"');
    expect(matchForm.html).toMatch(/<option value="SN" selected="">/);
    const target = matchPath.split("?")[0];
    const prefilled = {
      autorite_partenaire: "Municipalité de Kaolack",
      type_autorite: "Municipalité",
      pays: "SN",
      ville: "Kaolack",
      type_partenariat: "convention",
      statut: "active",
    };
    const badDate = await agent.post(target, { ...prefilled, date_signature: "31/02/2026" });
    expect(badDate.status).toBe(400);
    expect(badDate.html).toContain("n&#x27;est pas une date valide");
    expect(badDate.html).toContain('value="31/02/2026"');
    const matched = await agent.post(target, { ...prefilled, date_signature: "12/10/2026" });
    expect(matched.status).toBe(302);
    expect(matched.location).toBe(path);
    const after = await agent.get(path);
    expect(after.html).toContain("Partenariat conclu");
    const fiche = /href="(\/atlas\/collectivites\/\d+)"/.exec(
      after.html.slice(after.html.indexOf("Partenariat conclu")),
    )![1];
    const atlas = await new FormClient(served.portal.baseUrl).get(fiche);
    expect(atlas.html).toContain("Municipalité de Kaolack");
    // Matched, the request cannot be matched twice.
    expect((await agent.get(target)).status).toBe(403);
  });
});
