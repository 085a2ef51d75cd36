import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bourseOffers } from "../../src/modules/bourse/schema";
import { organisations } from "../../src/platform/auth/schema";
import { consultations } from "../../src/platform/consultation/schema";
import { parisDay } from "../../src/platform/french-format";
import { mailOutbox } from "../../src/platform/mail/schema";
import { FormClient } from "../support/browserless";
import { builders } from "../support/build";
import { portalForTestFile } from "../support/portal";
import { taskLinks } from "../support/tasks";

/** A French collectivité's offer through its pages, from the draft to its publication. */
const served = portalForTestFile();

const offerFields = {
  intent: "offer",
  title: "Appui à la gestion des déchets ménagers",
  summary:
    "Rennes accueille deux agents en formation au centre de tri, envoie une mission d'appui par an et partage ses outils de collecte sur trois ans.",
  themes: ["dechets"],
  countryCodes: ["SN", "", ""],
  experience: "Coopération avec Diourbel depuis 1999.",
};

const inDays = (days: number) => parisDay(new Date(Date.now() + days * 86_400_000));

async function versionOf(id: number) {
  const [offer] = await served.database.db
    .select({ version: bourseOffers.version, status: bourseOffers.status })
    .from(bourseOffers)
    .where(eq(bourseOffers.id, id));
  return offer;
}

describe("an offer from a French collectivité", () => {
  it("is written, sent, given its opinions and published, each step explained on its field when wrong", async () => {
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    const form = await agent.get("/bourse/offres/nouvelle");
    expect(form.status).toBe(200);
    expect(form.html).toContain("Premier pays visé");

    // A too short presentation is named on its field; what was typed stays.
    const refused = await agent.post("/bourse/offres/nouvelle", {
      ...offerFields,
      summary: "Trop court.",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("80 caractères au moins");
    expect(refused.html).toContain('value="Appui à la gestion des déchets ménagers"');
    expect(refused.html).toMatch(/<option value="SN" selected="">/);

    const created = await agent.post("/bourse/offres/nouvelle", offerFields);
    expect(created.status).toBe(302);
    const path = created.location!;
    const id = Number(/\/bourse\/offres\/(\d+)$/.exec(path)![1]);
    expect((await versionOf(id)).status).toBe("draft");

    // A draft is its collectivité's business only.
    expect((await new FormClient(served.portal.baseUrl).get(path)).status).toBe(404);
    const ownPage = await agent.get(path);
    expect(ownPage.html).toContain("Modifier l&#x27;offre");
    const sent = await agent.post(path, {
      intent: "submit",
      version: String((await versionOf(id)).version),
    });
    expect(sent.status).toBe(200);
    expect((await versionOf(id)).status).toBe("submitted");

    // The DAECT asks for the opinions by a date to come: a task in its space.
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    expect(taskLinks((await daect.get("/mon-espace")).html, "Demander les avis")).toContain(path);
    const received = await daect.get(path);
    expect(received.html).toContain("Demander les avis");
    const past = await daect.post(path, {
      intent: "opinions",
      dueOn: inDays(-1),
      version: String((await versionOf(id)).version),
    });
    expect(past.status).toBe(400);
    expect(past.html).toContain("La date limite des avis doit être à venir.");
    expect((await versionOf(id)).status).toBe("submitted");
    const asked = await daect.post(path, {
      intent: "opinions",
      dueOn: inDays(14),
      version: String((await versionOf(id)).version),
    });
    expect(asked.status).toBe(200);
    const mails = await served.database.db
      .select({ recipient: mailOutbox.recipient })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, "bourse-opinion-requested"),
          like(mailOutbox.idempotencyKey, `bourse:offer:${id}:opinion-requested:${inDays(14)}%`),
        ),
      );
    expect(mails.map((mail) => mail.recipient)).toEqual(
      expect.arrayContaining(["prefecture-53@example.org", "ambassade-sn@example.org"]),
    );

    // Too early to decide while opinions are awaited.
    const early = await daect.post(path, {
      intent: "decide",
      decision: "publish",
      version: String((await versionOf(id)).version),
    });
    expect(early.status).toBe(400);
    expect(early.html).toContain("2 avis sont attendus");

    // The prefecture of Bretagne and the embassy in Senegal answer; another embassy cannot.
    const morocco = new FormClient(served.portal.baseUrl);
    await morocco.signIn("ambassade-ma@example.org");
    expect((await morocco.get(path)).status).toBe(404);
    const prefecture = new FormClient(served.portal.baseUrl);
    await prefecture.signIn("prefecture-53@example.org");
    expect(taskLinks((await prefecture.get("/mon-espace")).html, "Rendre un avis")).toContain(path);
    const toAnswer = await prefecture.get(path);
    expect(toAnswer.html).toContain("Votre avis");
    const unreasoned = await prefecture.post(path, {
      intent: "opinion",
      verdict: "favourable",
      reasoning: "Oui.",
    });
    expect(unreasoned.status).toBe(400);
    expect(unreasoned.html).toContain("Motivez votre avis");
    expect(
      (
        await prefecture.post(path, {
          intent: "opinion",
          verdict: "favourable",
          reasoning: "La ville a l'expérience et les services pour ce partenariat.",
        })
      ).status,
    ).toBe(200);
    const embassy = new FormClient(served.portal.baseUrl);
    await embassy.signIn("ambassade-sn@example.org");
    await embassy.get(path);
    expect(
      (
        await embassy.post(path, {
          intent: "opinion",
          verdict: "favourable",
          reasoning: "Le projet répond à un besoin du ministère des collectivités territoriales.",
        })
      ).status,
    ).toBe(200);
    // The embassy sees its own opinion, not the prefecture's.
    const embassyView = await embassy.get(path);
    expect(embassyView.html).toContain("besoin du ministère");
    expect(embassyView.html).not.toContain("les services pour ce partenariat");

    expect(taskLinks((await prefecture.get("/mon-espace")).html, "Rendre un avis")).not.toContain(
      path,
    );
    expect(taskLinks((await daect.get("/mon-espace")).html, "Décider")).toContain(path);

    // The DAECT reads both and publishes; the offer is on the public Bourse.
    const decided = await daect.get(path);
    expect(decided.html).toContain("les services pour ce partenariat");
    expect(decided.html).toContain("besoin du ministère");
    const published = await daect.post(path, {
      intent: "decide",
      decision: "publish",
      version: String((await versionOf(id)).version),
    });
    expect(published.status).toBe(200);
    expect((await versionOf(id)).status).toBe("published");
    const visitor = new FormClient(served.portal.baseUrl);
    const bourse = await visitor.get("/bourse");
    expect(bourse.html).toContain(`href="/bourse/offres/${id}"`);
    const publicView = await visitor.get(path);
    expect(publicView.status).toBe(200);
    expect(publicView.html).not.toContain("Motivez");
    expect(publicView.html).not.toContain("besoin du ministère");
    expect(publicView.html).toContain("Se connecter");
  });

  it("is listed with every request for the DAECT in the administration, by state", async () => {
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const all = await daect.get("/admin/bourse");
    expect(all.status).toBe(200);
    const total = Number(/<caption>(\d+) demandes<\/caption>/.exec(all.html)?.[1]);
    const submitted = await daect.get("/admin/bourse?statut=submitted");
    const some = Number(/<caption>(\d+) demandes?<\/caption>/.exec(submitted.html)?.[1]);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(total);
    expect(submitted.html).toContain("<td>Transmise, à examiner</td>");
    expect(submitted.html).not.toContain("<td>Publiée</td>");
    const bad = await daect.get("/admin/bourse?statut=perdue");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("L&#x27;état choisi n&#x27;est pas un état de demande connu.");
  });

  it("is refused to a reader who is not an agent of a collectivité", async () => {
    const embassy = new FormClient(served.portal.baseUrl);
    await embassy.signIn("ambassade-sn@example.org");
    const page = await embassy.get("/bourse/offres/nouvelle");
    expect(page.status).toBe(403);
    expect(page.html).toContain("Seuls les agents d&#x27;une collectivité française");
    // Nor is the form offered to it, on the Bourse or in the site map (the policy decides).
    for (const path of ["/bourse", "/plan-du-site"])
      expect((await embassy.get(path)).html).not.toContain('href="/bourse/offres/nouvelle"');
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    expect((await agent.get("/bourse")).html).toContain('href="/bourse/offres/nouvelle"');
    const visitor = await new FormClient(served.portal.baseUrl).get("/bourse/offres/nouvelle");
    expect(visitor.status).toBe(302);
    expect(visitor.location).toContain("/connexion?retour=");
  });

  it("goes out for opinions with others from the administration list; an opinion's document is downloaded by the DAECT; an unanswered request is withdrawn", async () => {
    const db = served.database.db;
    const build = builders(db);
    const [first, second] = [
      await build.offer({ status: "submitted" }),
      await build.offer({ status: "submitted", countryCodes: ["MA"] }),
    ];
    const daect = new FormClient(served.portal.baseUrl);
    await daect.signIn("daect@example.org");
    const list = await daect.get("/admin/bourse");
    expect(list.html).toContain(`value="${first.id}:${first.version}"`);
    const none = await daect.post("/admin/bourse", { dueOn: inDays(10) });
    expect(none.status).toBe(400);
    expect(none.html).toContain("Cochez au moins une offre");
    const asked = await daect.post("/admin/bourse", {
      offres: [`${first.id}:${first.version}`, `${second.id}:${second.version}`],
      dueOn: inDays(10),
      visibility: "shared",
    });
    expect(asked.status).toBe(200);
    expect(asked.html).toContain("Avis demandés sur 2 offres");
    expect((await versionOf(first.id)).status).toBe("consultation");
    expect((await versionOf(second.id)).status).toBe("consultation");

    // The prefecture of Bretagne answers on the first with a document (multipart form).
    const prefecture = new FormClient(served.portal.baseUrl);
    await prefecture.signIn("prefecture-53@example.org");
    const path = `/bourse/offres/${first.id}`;
    expect((await prefecture.get(path)).html).toContain("Favorable avec réserves");
    const form = new FormData();
    form.set("intent", "opinion");
    form.set("verdict", "favourable_with_reservations");
    form.set("reasoning", "Favorable si la collectivité associe le syndicat de traitement.");
    form.set(
      "piece",
      new File(
        [Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")],
        "avis-prefecture.pdf",
      ),
    );
    expect((await prefecture.postMultipart(path, form)).status).toBe(200);
    const read = await daect.get(path);
    expect(read.html).toContain("Favorable avec réserves");
    const link = /href="(\/avis\/\d+\/piece-jointe)"/.exec(read.html)?.[1];
    expect(link).toBeDefined();
    const file = await daect.get(link!);
    expect(file.status).toBe(200);
    expect(file.html).toContain("%PDF-1.4");
    // Shared: the embassy consulted on the same offer reads it, the collectivité does not.
    const embassy = new FormClient(served.portal.baseUrl);
    await embassy.signIn("ambassade-sn@example.org");
    expect((await embassy.get(path)).html).toContain("associe le syndicat");
    expect((await embassy.get(link!)).status).toBe(200);
    const agent = new FormClient(served.portal.baseUrl);
    await agent.signIn("agent-35238@example.org");
    expect((await agent.get(path)).html).not.toContain("associe le syndicat");
    expect((await agent.get(link!)).status).toBe(404);

    // The DAECT withdraws the embassy's unanswered request; the embassy no longer answers.
    const [awaited] = await db
      .select({ id: consultations.id })
      .from(consultations)
      .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
      .where(
        and(
          eq(consultations.subjectId, first.id),
          eq(consultations.subjectType, "bourse_offer"),
          eq(organisations.kind, "embassy"),
        ),
      );
    await daect.get(path);
    const withdrawn = await daect.post(path, {
      intent: "revoke-opinion",
      consultation: String(awaited.id),
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.html).toContain("Demande retirée");
    await embassy.get(path);
    const late = await embassy.post(path, {
      intent: "opinion",
      verdict: "favourable",
      reasoning: "Le poste soutient ce partenariat avec la commune.",
    });
    expect([403, 404]).toContain(late.status);
  });
});
