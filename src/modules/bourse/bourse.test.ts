import { and, count, desc, eq, sql } from "drizzle-orm";
import { deliveredText } from "../../../tests/support/outbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../tests/support/actors";
import { type TestDatabase, openTestDatabase } from "../../../tests/support/database";
import { startSmtpServer } from "../../../tests/support/smtp";
import { type Actor, type SignedInActor, visitor } from "../../platform/auth/actor";
import { rowsOf } from "../../platform/db/client";
import { Forbidden, Invalid, TooManyRequests } from "../../platform/errors";
import { storedFiles } from "../../platform/files/stored-files-schema";
import { auditLog } from "../../platform/audit/schema";
import { recordHistory } from "../../platform/workflow/history";
import { requestWorkflow } from "./request-workflow";
import { mailOutbox } from "../../platform/mail/schema";
import { createSmtpTransport, deliverDueMails } from "../../platform/mail/worker";
import {
  closeOffer,
  createOffer,
  createRequest,
  decideOffer,
  giveOpinion,
  requestOpinions,
  runOpinionDeadlines,
  submitOffer,
  expressInterest,
  matchFormValues,
  matchRequest,
  confirmAuthorLink,
  mailNewFollowLinks,
  openAuthorLink,
  renewRequest,
  resubmitRequest,
  bourseTasks,
  publishedOffers,
  runRequestExpiry,
  triageRequest,
  updateRequest,
} from "./index";
import { consultations } from "../../platform/consultation/schema";
import { bourseAuthorLinks, bourseOffers, bourseRequests } from "./schema";

const URL = "http://portail.test";
let database: TestDatabase;
let daect: SignedInActor;
let embassySn: SignedInActor;
let embassyMa: SignedInActor;
let rennesAgent: SignedInActor;
let metropoleAgent: SignedInActor;

const goodRequest = {
  authorityName: "Commune de Matam",
  authorityKind: "municipality",
  countryCode: "SN",
  cityName: "Matam",
  contactName: "Awa Diop-Exemple",
  contactFunction: "Secrétaire générale",
  contactEmail: "awa.diop@commune-matam.example.org",
  contactPhone: "+221 33 000 00 00",
  title: "Adduction d'eau potable des quartiers périphériques de Matam",
  description:
    "La commune souhaite étendre le réseau d'eau potable à trois quartiers périphériques (environ 6 000 habitants) et former les agents du service des eaux à la maintenance.",
  themes: ["eau-assainissement", "gouvernance"],
  partnerKind: "commune",
  partnerSize: "medium",
  expertise: "Régie de l'eau, maîtrise d'ouvrage de réseaux",
  budget: "180 000",
  languages: ["fr"],
};

const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");
const followToken = (url: string | null) => (url ?? "").split("/bourse/suivi/")[1] ?? "";
const mailsTo = async (template: string) =>
  (
    await database.db
      .select({
        recipient: mailOutbox.recipient,
        bodyText: mailOutbox.bodyText,
        sealedSecrets: mailOutbox.sealedSecrets,
      })
      .from(mailOutbox)
      .where(eq(mailOutbox.template, template))
  )
    .map((mail) => ({ recipient: mail.recipient, body: deliveredText(mail) }))
    .sort((a, b) => a.recipient.localeCompare(b.recipient));
/** The private link of the author's latest mail about a request: each new one ends the older. */
async function latestFollowToken(requestId: number) {
  const mails = await database.db
    .select({ bodyText: mailOutbox.bodyText, sealedSecrets: mailOutbox.sealedSecrets })
    .from(mailOutbox)
    .where(eq(mailOutbox.recipient, goodRequest.contactEmail as string))
    .orderBy(desc(mailOutbox.id));
  for (const mail of mails) {
    const text = deliveredText(mail);
    const link = /\/bourse\/suivi\/([\w-]+)/.exec(text)?.[1];
    if (
      link &&
      (await openAuthorLink(database.db, link).catch(() => null))?.request.id === requestId
    )
      return link;
  }
  throw new Error(`no live follow link for request ${requestId}`);
}

/** The version a page would put in its form: the record's current one. */
const versionIn = (table: typeof bourseRequests | typeof bourseOffers) => async (id: number) => {
  const [row] = await database.db
    .select({ version: table.version })
    .from(table)
    .where(eq(table.id, id));
  return String(row.version);
};
const requestVersion = versionIn(bourseRequests);
const offerVersion = versionIn(bourseOffers);

const requestCount = async () =>
  (await database.db.select({ n: count() }).from(bourseRequests))[0].n;

/** A request from the public form, confirmed by its author's link: it is then "submitted". */
async function sentRequest(overrides: Record<string, string | string[]> = {}) {
  const created = await createRequest(
    database.db,
    visitor,
    { ...goodRequest, ...overrides },
    [],
    URL,
  );
  const request = await confirmAuthorLink(database.db, followToken(created.followUrl), URL);
  return { request, token: followToken(created.followUrl) };
}

beforeAll(async () => {
  database = await openTestDatabase();
  daect = await actorFor(database.db, "daect@example.org");
  embassySn = await actorFor(database.db, "ambassade-sn@example.org");
  embassyMa = await actorFor(database.db, "ambassade-ma@example.org");
  rennesAgent = await actorFor(database.db, "agent-35238@example.org");
  metropoleAgent = await actorFor(database.db, "agent-243500139@example.org");
});
afterAll(() => database.close());

describe("a request from the public form", () => {
  it("is sent when its author confirms the address, and reaches exactly the right embassy and the DAECT over SMTP", async () => {
    const smtp = await startSmtpServer();
    try {
      await database.db.execute(
        sql`UPDATE mail_outbox SET status = 'held' WHERE status = 'pending'`,
      );
      const created = await createRequest(
        database.db,
        visitor,
        goodRequest,
        [{ name: "note-de-présentation.pdf", content: pdf }],
        URL,
      );
      expect(created.request.status).toBe("draft");
      expect(created.request.latitude).not.toBeNull();
      // Nothing goes to the embassy before the address is confirmed.
      expect(await mailsTo("bourse-request-to-triage")).toEqual([]);

      // Opening the link (as a mail scanner would) confirms nothing: the page asks.
      const opened = await openAuthorLink(database.db, followToken(created.followUrl));
      expect(opened.awaitsConfirmation).toBe(true);
      expect(await mailsTo("bourse-request-to-triage")).toEqual([]);
      const confirmed = await confirmAuthorLink(database.db, followToken(created.followUrl), URL);
      expect(confirmed.status).toBe("submitted");
      await deliverDueMails(database.db, createSmtpTransport(smtp.url), {
        from: "portail@example.org",
      });
      // Three mails: the author's confirmation link, then the embassy of Senegal and the DAECT.
      expect(smtp.received.flatMap((mail) => mail.to).sort()).toEqual([
        "ambassade-sn@example.org",
        goodRequest.contactEmail,
        "daect@example.org",
      ]);
      expect((await mailsTo("bourse-request-to-triage")).map((mail) => mail.recipient)).toEqual([
        "ambassade-sn@example.org",
        "daect@example.org",
      ]);

      // Opening the link again shows the request; confirming again sends nothing more.
      const again = await openAuthorLink(database.db, followToken(created.followUrl));
      expect(again.awaitsConfirmation).toBe(false);
      await expect(
        confirmAuthorLink(database.db, followToken(created.followUrl), URL),
      ).rejects.toBeInstanceOf(Invalid);
      expect(await mailsTo("bourse-request-to-triage")).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });

  it("refuses missing fields and an unknown city, naming each field, and stores nothing", async () => {
    const before = await requestCount();
    const error = await createRequest(
      database.db,
      visitor,
      { ...goodRequest, title: "", themes: [], contactEmail: "pas-une-adresse" },
      [],
      URL,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(Object.keys((error as Invalid).fieldErrors).sort()).toEqual([
      "contactEmail",
      "themes",
      "title",
    ]);
    const city = await createRequest(
      database.db,
      visitor,
      { ...goodRequest, cityName: "Atlantis" },
      [],
      URL,
    ).catch((e: unknown) => e);
    expect((city as Invalid).fieldErrors.cityName).toContain(
      "« Atlantis » n'est pas une ville connue",
    );
    expect(await requestCount()).toBe(before);
  });

  it("refuses a bad attachment — wrong type, too large, HTML disguised as PDF — and stores nothing", async () => {
    const requestsBefore = await requestCount();
    const filesBefore = (await database.db.select({ n: count() }).from(storedFiles))[0].n;
    const attempts = [
      { name: "budget.txt", content: Buffer.from("Budget prévisionnel : 180 000 €") },
      { name: "plans.pdf", content: Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]) },
      {
        name: "devis.pdf",
        content: Buffer.from("<!doctype html><html><script>alert(1)</script></html>"),
      },
    ];
    const messages = [];
    for (const file of attempts) {
      const error = await createRequest(database.db, visitor, goodRequest, [file], URL).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Invalid);
      messages.push((error as Invalid).fieldErrors.pieces);
    }
    expect(messages[0]).toContain("n'est ni un PDF ni une image");
    expect(messages[1]).toContain("dépasse 10 Mo");
    expect(messages[2]).toContain("« devis.pdf » n'est ni un PDF ni une image");
    expect(await requestCount()).toBe(requestsBefore);
    expect((await database.db.select({ n: count() }).from(storedFiles))[0].n).toBe(filesBefore);
  });
});

describe("triage", () => {
  it("is open to the embassy of the request's country only (and the DAECT)", async () => {
    const { request } = await sentRequest();
    const other = await triageRequest(
      database.db,
      embassyMa,
      request.id,
      { version: await requestVersion(request.id), decision: "publish" },
      URL,
    ).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(Forbidden);
    const agent = await triageRequest(
      database.db,
      rennesAgent,
      request.id,
      { version: await requestVersion(request.id), decision: "publish" },
      URL,
    ).catch((e: unknown) => e);
    expect(agent).toBeInstanceOf(Forbidden);
    const published = await triageRequest(
      database.db,
      embassySn,
      request.id,
      { version: await requestVersion(request.id), decision: "publish" },
      URL,
    );
    expect(published.status).toBe("published");
    const months =
      (published.expiresAt!.getTime() - published.publishedAt!.getTime()) / (30.4 * 86_400_000);
    expect(Math.round(months)).toBe(12);
  });

  it("asks the author for a complement; the author edits through its link and sends it back", async () => {
    const { request, token } = await sentRequest({ title: "Marché couvert de Saint-Louis" });
    const noReason = await triageRequest(
      database.db,
      daect,
      request.id,
      { version: await requestVersion(request.id), decision: "information" },
      URL,
    ).catch((e: unknown) => e);
    expect((noReason as Invalid).fieldErrors.message).toContain("complément attendu");
    await triageRequest(
      database.db,
      embassySn,
      request.id,
      {
        version: await requestVersion(request.id),
        decision: "information",
        message: "Précisez le budget et le calendrier.",
      },
      URL,
    );
    const asked = await mailsTo("bourse-information-requested");
    const mine = asked.find((mail) => mail.body.includes("Marché couvert de Saint-Louis"));
    expect(mine?.body).toContain("Précisez le budget et le calendrier.");
    const newLink = /\/bourse\/suivi\/([\w-]+)/.exec(mine?.body ?? "")?.[1] ?? "";
    expect(newLink).not.toBe(token);

    // Each mailed link works; a made-up one opens nothing.
    const updated = await updateRequest(
      database.db,
      { authorToken: newLink },
      request.id,
      {
        ...goodRequest,
        title: "Marché couvert de Saint-Louis",
        budget: "95 000",
        version: await requestVersion(request.id),
      },
      [],
    );
    expect(updated.budgetCents).toBe(9_500_000);
    await expect(
      updateRequest(database.db, { authorToken: "lien-invente" }, request.id, goodRequest, []),
    ).rejects.toThrow("lien de suivi");
    // The link of the first mail ended when the newer one was mailed.
    await expect(
      resubmitRequest(
        database.db,
        { authorToken: token },
        request.id,
        await requestVersion(request.id),
        URL,
      ),
    ).rejects.toThrow("remplacé par un lien plus récent");
    const resent = await resubmitRequest(
      database.db,
      { authorToken: newLink },
      request.id,
      await requestVersion(request.id),
      URL,
    );
    expect(resent.status).toBe("submitted");
    const declined = await triageRequest(
      database.db,
      daect,
      request.id,
      {
        version: await requestVersion(request.id),
        decision: "decline",
        message: "Projet déjà financé par ailleurs.",
      },
      URL,
    );
    expect(declined.status).toBe("declined");
    expect(declined.declineReason).toBe("Projet déjà financé par ailleurs.");
  });
});

describe("private links of an author without an account", () => {
  it("mail no typed words before the address is confirmed, and limit mails per address and client", async () => {
    const victim = "victime@mairie-exemple.example.org";
    const file = (n: number, client: string) =>
      createRequest(
        database.db,
        visitor,
        { ...goodRequest, title: `Titre d'un inconnu ${n}`, contactEmail: victim },
        [],
        URL,
        "fr",
        client,
      );
    for (let n = 0; n < 3; n += 1) await file(n, `192.0.2.${n}`);
    await expect(file(3, "192.0.2.50")).rejects.toBeInstanceOf(TooManyRequests);
    const mails = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, victim));
    expect(mails).toHaveLength(3);
    for (const mail of mails) {
      expect(mail.subject).not.toContain("inconnu");
      expect(deliveredText(mail)).not.toContain("inconnu");
    }
  });

  it("expire after a month, and a new one can be asked by mail", async () => {
    const { request, token } = await sentRequest({ title: "Bibliothèque de Podor" });
    await database.db
      .update(bourseAuthorLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(bourseAuthorLinks.requestId, request.id));
    await expect(openAuthorLink(database.db, token)).rejects.toThrow("expiré");
    await mailNewFollowLinks(
      database.db,
      { contactEmail: goodRequest.contactEmail },
      "192.0.2.80",
      URL,
    );
    const fresh = await latestFollowToken(request.id);
    expect((await openAuthorLink(database.db, fresh)).request.title).toBe("Bibliothèque de Podor");
    // Asking is limited too; an unknown address is answered the same and mailed nothing.
    await mailNewFollowLinks(
      database.db,
      { contactEmail: "inconnu@example.org" },
      "192.0.2.81",
      URL,
    );
    expect(
      await database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.recipient, "inconnu@example.org")),
    ).toEqual([]);
  });
});

describe("expiry", () => {
  it("reminds the author once a month before the end, renews for twelve months, and closes at the end", async () => {
    const { request, token } = await sentRequest({ title: "Éclairage public solaire à Louga" });
    await triageRequest(
      database.db,
      embassySn,
      request.id,
      { version: await requestVersion(request.id), decision: "publish" },
      URL,
    );
    const now = new Date();
    await database.db
      .update(bourseRequests)
      .set({ expiresAt: new Date(now.getTime() + 10 * 86_400_000) })
      .where(eq(bourseRequests.id, request.id));
    const reminders = async () =>
      (await mailsTo("bourse-expiry-reminder")).filter((mail) => mail.body.includes("Louga"));
    expect((await runRequestExpiry(database.db, URL, now)).reminded).toBeGreaterThanOrEqual(1);
    await runRequestExpiry(database.db, URL, now);
    expect(await reminders()).toHaveLength(1);

    expect(token).not.toBe(await latestFollowToken(request.id));
    const renewed = await renewRequest(
      database.db,
      { authorToken: await latestFollowToken(request.id) },
      request.id,
      await requestVersion(request.id),
    );
    expect(renewed.expiryRemindedAt).toBeNull();
    expect(renewed.expiresAt!.getTime()).toBeGreaterThan(now.getTime() + 360 * 86_400_000);

    await database.db
      .update(bourseRequests)
      .set({ expiresAt: new Date(now.getTime() - 1000) })
      .where(eq(bourseRequests.id, request.id));
    await runRequestExpiry(database.db, URL, now);
    const [closed] = await database.db
      .select()
      .from(bourseRequests)
      .where(eq(bourseRequests.id, request.id));
    expect(closed.status).toBe("closed");
    // The job went through the workflow: its event row and its journal line say so.
    const history = await recordHistory(database.db, requestWorkflow, request.id);
    expect(history.at(-1)).toMatchObject({
      event: "expire",
      fromStatus: "published",
      toStatus: "closed",
      actorLabel: "Système",
    });
    const [journal] = await database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityType, "bourse_request"), eq(auditLog.entityId, String(request.id))),
      )
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(journal.after).toMatchObject({ status: "closed", event: "expire" });
    await expect(
      renewRequest(
        database.db,
        { authorToken: await latestFollowToken(request.id) },
        request.id,
        await requestVersion(request.id),
      ),
    ).rejects.toBeInstanceOf(Invalid);
  });
});

describe("interest and match", () => {
  it("puts a collectivité in contact, then records the partnership in the Atlas in one step", async () => {
    const { request } = await sentRequest({ title: "Jumelage scolaire avec Matam" });
    await triageRequest(
      database.db,
      embassySn,
      request.id,
      { version: await requestVersion(request.id), decision: "publish" },
      URL,
    );
    const visitorTry = await expressInterest(
      database.db,
      visitor as Actor,
      request.id,
      {},
      URL,
    ).catch((e: unknown) => e);
    expect(visitorTry).toBeInstanceOf(Forbidden);
    await expressInterest(
      database.db,
      rennesAgent,
      request.id,
      { message: "Notre régie de l'eau peut aider." },
      URL,
    );
    const again = await expressInterest(database.db, rennesAgent, request.id, {}, URL).catch(
      (e: unknown) => e,
    );
    expect((again as Invalid).fieldErrors.demande).toContain("déjà manifesté");
    const toAuthor = (await mailsTo("bourse-interest-to-author")).find((mail) =>
      mail.body.includes("Jumelage scolaire"),
    );
    expect(toAuthor?.body).toContain("agent-35238@example.org");
    const followers = (await mailsTo("bourse-interest-to-followers")).filter((mail) =>
      mail.body.includes("Jumelage scolaire"),
    );
    expect(followers.map((mail) => mail.recipient)).toEqual([
      "ambassade-sn@example.org",
      "daect@example.org",
    ]);

    const [{ id: rennes }] = rowsOf<{ id: number }>(
      await database.db.execute(
        sql`SELECT id FROM register_collectivites WHERE unit_id = 'commune:35238'`,
      ),
    );
    const [current] = await database.db
      .select()
      .from(bourseRequests)
      .where(eq(bourseRequests.id, request.id));
    const values = {
      ...matchFormValues(current),
      type_partenariat: "jumelage",
      date_signature: "15/03/2026",
    };
    const outsider = await matchRequest(
      database.db,
      metropoleAgent,
      request.id,
      rennes,
      values,
      URL,
    ).catch((e: unknown) => e);
    expect(outsider).toBeInstanceOf(Forbidden);
    const { partnershipId } = await matchRequest(
      database.db,
      rennesAgent,
      request.id,
      rennes,
      values,
      URL,
    );
    const [partnership] = rowsOf<{ kind: string; authority: string; collectivite_id: number }>(
      await database.db.execute(sql`
        SELECT p.kind, a.name AS authority, pc.collectivite_id
          FROM atlas_partnerships p
          JOIN atlas_partnership_foreign_authorities pa ON pa.partnership_id = p.id
          JOIN register_foreign_authorities a ON a.id = pa.foreign_authority_id
          JOIN atlas_partnership_collectivites pc ON pc.partnership_id = p.id
         WHERE p.id = ${partnershipId}`),
    );
    expect(partnership).toEqual({
      kind: "jumelage",
      authority: "Commune de Matam",
      collectivite_id: rennes,
    });
    const [matched] = await database.db
      .select()
      .from(bourseRequests)
      .where(eq(bourseRequests.id, request.id));
    expect(matched.status).toBe("matched");
    expect(matched.partnershipId).toBe(partnershipId);
    // The author (in its language), the embassy of Senegal and the DAECT are told.
    const matchedMail = (await mailsTo("bourse-matched-to-author")).filter((mail) =>
      mail.body.includes("Jumelage scolaire avec Matam"),
    );
    expect(matchedMail.map((mail) => mail.recipient)).toEqual([goodRequest.contactEmail]);
    expect(matchedMail[0].body).toContain("Rennes");
    expect(
      (await mailsTo("bourse-matched-to-followers"))
        .filter((mail) => mail.body.includes("Jumelage scolaire avec Matam"))
        .map((mail) => mail.recipient),
    ).toEqual(["ambassade-sn@example.org", "daect@example.org"]);
  });
});

describe("an offer from a French collectivité", () => {
  it("goes to the prefecture and the embassies for opinions; at the deadline a missing opinion lets the DAECT decide", async () => {
    const [{ id: rennes }] = rowsOf<{ id: number }>(
      await database.db.execute(
        sql`SELECT id FROM register_collectivites WHERE unit_id = 'commune:35238'`,
      ),
    );
    const prefecture53 = await actorFor(database.db, "prefecture-53@example.org");
    const prefecture84 = await actorFor(database.db, "prefecture-84@example.org");
    const offer = await createOffer(database.db, rennesAgent, rennes, {
      title: "Appui au tri sélectif des déchets ménagers",
      summary:
        "Rennes propose l'appui de ses services de collecte et de tri pour concevoir un schéma de gestion des déchets ménagers, avec des missions d'agents et l'accueil de stagiaires.",
      themes: ["dechets"],
      countryCodes: ["SN", "MA"],
      experience: "Coopération avec Sétif depuis 1982.",
    });
    await expect(
      createOffer(database.db, metropoleAgent, rennes, { title: "Autre" }),
    ).rejects.toBeInstanceOf(Forbidden);
    await submitOffer(database.db, rennesAgent, offer.id, await offerVersion(offer.id), URL);
    const aboutThisOffer = async (template: string) =>
      (await mailsTo(template)).filter((mail) => mail.body.includes("Appui au tri sélectif"));
    expect((await aboutThisOffer("bourse-offer-received")).map((mail) => mail.recipient)).toEqual([
      "daect@example.org",
    ]);

    const now = new Date();
    const dueOn = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    await requestOpinions(
      database.db,
      daect,
      offer.id,
      { dueOn, version: await offerVersion(offer.id) },
      URL,
      now,
    );
    expect(
      (await aboutThisOffer("bourse-opinion-requested")).map((mail) => mail.recipient),
    ).toEqual([
      "ambassade-ma@example.org",
      "ambassade-sn@example.org",
      "prefecture-53@example.org",
    ]);
    const reasoning = "Projet cohérent avec la stratégie de coopération de la région.";
    await expect(
      giveOpinion(database.db, prefecture84, offer.id, { verdict: "favourable", reasoning }, URL),
    ).rejects.toBeInstanceOf(Forbidden);
    const unreasoned = await giveOpinion(
      database.db,
      prefecture53,
      offer.id,
      { verdict: "favourable" },
      URL,
    ).catch((e: unknown) => e);
    expect((unreasoned as Invalid).fieldErrors.reasoning).toContain("Motivez");
    await giveOpinion(
      database.db,
      prefecture53,
      offer.id,
      { verdict: "favourable", reasoning },
      URL,
    );
    await giveOpinion(
      database.db,
      embassySn,
      offer.id,
      { verdict: "unfavourable", reasoning: "Un programme similaire est déjà financé à Dakar." },
      URL,
    );

    // Before the deadline, one opinion is still awaited: no decision yet.
    const early = await decideOffer(
      database.db,
      daect,
      offer.id,
      { version: await offerVersion(offer.id), decision: "publish" },
      URL,
      now,
    ).catch((e: unknown) => e);
    expect((early as Invalid).fieldErrors.decision).toContain("1 avis est attendu");

    // The day after the deadline the DAECT is told once which opinion is missing, and decides.
    const after = new Date(`${dueOn}T12:00:00Z`).getTime() + 86_400_000;
    await runOpinionDeadlines(database.db, URL, new Date(after));
    await runOpinionDeadlines(database.db, URL, new Date(after + 3_600_000));
    const deadline = await aboutThisOffer("bourse-opinions-deadline");
    expect(deadline).toHaveLength(1);
    expect(deadline[0].body).toContain("Maroc");
    expect(deadline[0].body).not.toContain("Sénégal");
    const published = await decideOffer(
      database.db,
      daect,
      offer.id,
      { version: await offerVersion(offer.id), decision: "publish" },
      URL,
      new Date(after),
    );
    expect(published.status).toBe("published");
    expect((await mailsTo("bourse-offer-decided")).map((mail) => mail.recipient)).toContain(
      "agent-35238@example.org",
    );
    const opinions = await database.db
      .select()
      .from(consultations)
      .where(
        and(eq(consultations.subjectType, "bourse_offer"), eq(consultations.subjectId, offer.id)),
      );
    expect(opinions.map((opinion) => opinion.verdict).sort()).toEqual(
      ["favourable", "unfavourable", null].sort(),
    );

    // Listed on the Bourse for twelve months, then closed by the daily run.
    expect((await publishedOffers(database.db, new Date(after))).map((row) => row.id)).toContain(
      offer.id,
    );
    const yearLater = new Date(after + 366 * 86_400_000);
    expect((await publishedOffers(database.db, yearLater)).map((row) => row.id)).not.toContain(
      offer.id,
    );
    await runRequestExpiry(database.db, URL, yearLater);
    const [ended] = await database.db
      .select()
      .from(bourseOffers)
      .where(eq(bourseOffers.id, offer.id));
    expect(ended.status).toBe("closed");
  });

  it("is withdrawn by its collectivité, not by another one", async () => {
    const [{ id: rennes }] = rowsOf<{ id: number }>(
      await database.db.execute(
        sql`SELECT id FROM register_collectivites WHERE unit_id = 'commune:35238'`,
      ),
    );
    const offer = await createOffer(database.db, rennesAgent, rennes, {
      title: "Échanges de jeunes volontaires",
      summary:
        "Rennes accueille chaque année des jeunes volontaires de ses partenaires et envoie les siens, avec un accompagnement par la mission locale et les associations.",
      themes: ["jeunesse-formation"],
      countryCodes: ["MG"],
    });
    await expect(
      closeOffer(database.db, metropoleAgent, offer.id, String(offer.version)),
    ).rejects.toBeInstanceOf(Forbidden);
    const closed = await closeOffer(database.db, rennesAgent, offer.id, String(offer.version));
    expect(closed.status).toBe("closed");
    const again = await closeOffer(
      database.db,
      rennesAgent,
      offer.id,
      await offerVersion(offer.id),
    ).catch((e: unknown) => e);
    expect((again as Invalid).fieldErrors.offre).toBe("Cette offre est déjà close.");
  });
});

describe("the pending tasks in Mon espace", () => {
  it("give each embassy the requests of its country only, and the DAECT all of them", async () => {
    const triage = async (actor: Actor) =>
      (await bourseTasks(database.db, actor))
        .filter((task) => task.action === "Examiner la demande")
        .map((task) => Number(task.href.split("/").pop()));
    const countriesOf = async (ids: number[]) =>
      ids.length === 0
        ? []
        : [
            ...new Set(
              rowsOf<{ country_code: string }>(
                await database.db.execute(
                  sql`SELECT country_code FROM bourse_requests WHERE id IN (${sql.join(ids, sql`, `)})`,
                ),
              ).map((row) => row.country_code),
            ),
          ];
    const morocco = await actorFor(database.db, "ambassade-ma@example.org");
    const [sn, ma, all] = await Promise.all([triage(embassySn), triage(morocco), triage(daect)]);
    expect(sn.length).toBeGreaterThan(0);
    expect(await countriesOf(sn)).toEqual(["SN"]);
    expect((await countriesOf(ma)).filter((code) => code !== "MA")).toEqual([]);
    expect(all).toEqual(expect.arrayContaining([...sn, ...ma]));
    expect(all.length).toBeGreaterThan(sn.length + ma.length);
    expect(await bourseTasks(database.db, visitor)).toEqual([]);
  });
});
