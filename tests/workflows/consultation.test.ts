import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  consultationKinds,
  deadlineRules,
  giveOpinion,
  offerView,
  requestOpinions,
  requestOpinionsOn,
  revokeOfferOpinion,
  taskProviders,
} from "../../src/modules/bourse/index";
import { bourseOffers } from "../../src/modules/bourse/schema";
import type { Actor, SignedInActor } from "../../src/platform/auth/actor";
import { opinionAttachment } from "../../src/platform/consultation/read";
import { consultations } from "../../src/platform/consultation/schema";
import { rowsOf } from "../../src/platform/db/client";
import { runDeadlines } from "../../src/platform/deadlines/scheduler";
import { Conflict, Forbidden, Invalid, NotFound } from "../../src/platform/errors";
import { mailOutbox } from "../../src/platform/mail/schema";
import { inboxOf } from "../../src/platform/tasks";
import { actorFor } from "../support/actors";
import { builders } from "../support/build";
import { type TestDatabase, openTestDatabase } from "../support/database";

const URL = "https://portail.example.org";
const DAY = 86_400_000;
let database: TestDatabase;
let build: ReturnType<typeof builders>;
let daect: Actor;
let embassySn: Actor;
let embassyMa: SignedInActor;
let prefecture53: Actor;
let prefecture84: Actor;
let rennesAgent: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  build = builders(database.db);
  [daect, embassySn, embassyMa, prefecture53, prefecture84, rennesAgent] = await Promise.all(
    [
      "daect@example.org",
      "ambassade-sn@example.org",
      "ambassade-ma@example.org",
      "prefecture-53@example.org",
      "prefecture-84@example.org",
      "agent-35238@example.org",
    ].map((email) => actorFor(database.db, email)),
  );
});
afterAll(async () => {
  await database.close();
});

const day = (from: Date, days: number) =>
  new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);
const versionOf = async (id: number) => {
  const [offer] = await database.db.select().from(bourseOffers).where(eq(bourseOffers.id, id));
  return String(offer.version);
};
const rowsOn = (offerId: number) =>
  database.db
    .select()
    .from(consultations)
    .where(
      and(eq(consultations.subjectType, "bourse_offer"), eq(consultations.subjectId, offerId)),
    );
const mails = (template: string, key: string) =>
  database.db
    .select({
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      body: mailOutbox.bodyText,
    })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.template, template), like(mailOutbox.idempotencyKey, `${key}%`)));
const reasoning = "Le projet répond à un besoin identifié par le poste diplomatique.";
const error = (promise: Promise<unknown>) => promise.catch((e: unknown) => e);

/** An offer sent to the DAECT and out for opinions, by a date a week from now. */
async function consulted(
  countryCodes: string[],
  visibility: "confidential" | "shared" = "confidential",
  now = new Date(),
) {
  const offer = await build.offer({ status: "submitted", countryCodes });
  await requestOpinions(
    database.db,
    daect,
    offer.id,
    { dueOn: day(now, 7), visibility, version: await versionOf(offer.id) },
    URL,
    now,
  );
  return offer.id;
}

describe("an opinion asked of an organisation", () => {
  it("is asked of the prefecture of the région and the embassy of each country, resolved from role and territory", async () => {
    const id = await consulted(["SN", "MA"]);
    const asked = rowsOf<{ name: string }>(
      await database.db.execute(sql`
        SELECT o.name FROM consultations c JOIN organisations o ON o.id = c.organisation_id
         WHERE c.subject_type = 'bourse_offer' AND c.subject_id = ${id} ORDER BY o.kind, o.name`),
    ).map((row) => row.name);
    expect(asked).toHaveLength(3);
    expect(asked.filter((name) => name.includes("Maroc") || name.includes("Sénégal"))).toHaveLength(
      2,
    );
    expect(
      (await mails("bourse-opinion-requested", `bourse:offer:${id}:`))
        .map((m) => m.recipient)
        .sort(),
    ).toEqual([
      "ambassade-ma@example.org",
      "ambassade-sn@example.org",
      "prefecture-53@example.org",
    ]);
  });

  it("asked of an embassy, is answerable by any of its members and by nobody else", async () => {
    const id = await consulted(["SN"]);
    const colleague = await actorFor(
      database.db,
      await build.colleague("ambassade-sn@example.org"),
    );
    for (const outsider of [embassyMa, prefecture84, rennesAgent, daect])
      expect(
        await error(
          giveOpinion(database.db, outsider, id, { verdict: "favourable", reasoning }, URL),
        ),
        outsider.kind === "user" ? outsider.email : "",
      ).toSatisfy((e) => e instanceof Forbidden || e instanceof NotFound);
    await giveOpinion(
      database.db,
      colleague,
      id,
      { verdict: "favourable_with_reservations", reasoning },
      URL,
    );
    // The embassy's other member corrects the embassy's one opinion.
    await giveOpinion(database.db, embassySn, id, { verdict: "unfavourable", reasoning }, URL);
    const embassyRows = (await rowsOn(id)).filter((row) => row.verdict !== null);
    expect(embassyRows).toHaveLength(1);
    expect(embassyRows[0].verdict).toBe("unfavourable");
    expect(embassyRows[0].givenByLabel).toContain("Ambassade de France – Sénégal");
    // The DAECT, which asked, is told each time.
    expect(
      await mails("bourse-opinion-given", `bourse:offer:opinion:${embassyRows[0].id}:`),
    ).toHaveLength(2);
  });

  it("is explained on its field when the verdict or the reasoning is missing, and changes nothing", async () => {
    const id = await consulted(["SN"]);
    const bad = (await error(
      giveOpinion(database.db, embassySn, id, { verdict: "peut-être", reasoning: "Oui." }, URL),
    )) as Invalid;
    expect(bad).toBeInstanceOf(Invalid);
    expect(bad.fieldErrors.verdict).toContain("favorable avec réserves");
    expect(bad.fieldErrors.reasoning).toContain("Motivez");
    expect((await rowsOn(id)).every((row) => row.verdict === null)).toBe(true);
  });

  it("confidential, is read by the asker and by the organisation that gave it only", async () => {
    const id = await consulted(["SN", "MA"], "confidential");
    await giveOpinion(database.db, embassySn, id, { verdict: "favourable", reasoning }, URL);
    await giveOpinion(
      database.db,
      embassyMa,
      id,
      { verdict: "unfavourable", reasoning: "Un programme similaire est déjà financé à Rabat." },
      URL,
    );
    const seen = async (actor: Actor) =>
      (await offerView(database.db, actor, id)).opinions
        .filter((opinion) => opinion.state === "given")
        .map((opinion) => opinion.organisation)
        .sort();
    expect(await seen(daect)).toEqual([
      "Ambassade de France – Maroc",
      "Ambassade de France – Sénégal",
    ]);
    expect(await seen(embassySn)).toEqual(["Ambassade de France – Sénégal"]);
    expect(await seen(embassyMa)).toEqual(["Ambassade de France – Maroc"]);
    // The prefecture, consulted too, has not answered: it reads none of them.
    expect(await seen(prefecture53)).toEqual([]);
    // The collectivité whose offer it is never reads the State's opinions.
    expect((await offerView(database.db, rennesAgent, id)).opinions).toEqual([]);
  });

  it("shared, is read by every organisation consulted on the record, without its author's name", async () => {
    const id = await consulted(["SN", "MA"], "shared");
    await giveOpinion(
      database.db,
      embassyMa,
      id,
      { verdict: "unfavourable", reasoning: "Un programme similaire est déjà financé à Rabat." },
      URL,
    );
    const bySn = (await offerView(database.db, embassySn, id)).opinions;
    const fromMorocco = bySn.find(
      (opinion) => opinion.organisation === "Ambassade de France – Maroc",
    );
    expect(fromMorocco?.reasoning).toContain("Rabat");
    expect(fromMorocco?.givenBy).toBeNull();
    expect(
      (await offerView(database.db, prefecture53, id)).opinions.map((o) => o.organisation),
    ).toContain("Ambassade de France – Maroc");
    // Not consulted on this offer: the other prefecture reads nothing (the offer is not found).
    expect(await error(offerView(database.db, prefecture84, id))).toBeInstanceOf(NotFound);
    expect((await offerView(database.db, rennesAgent, id)).opinions).toEqual([]);
  });

  it("carries a checked attachment that only those who read the opinion download", async () => {
    const id = await consulted(["SN", "MA"], "confidential");
    const pdf = {
      name: "note-du-poste.pdf",
      content: Buffer.from("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
    };
    const disguised = await error(
      giveOpinion(database.db, embassySn, id, { verdict: "favourable", reasoning }, URL, {
        name: "note.pdf",
        content: Buffer.from("<html>bonjour</html>"),
      }),
    );
    expect((disguised as Invalid).fieldErrors.piece).toContain("n'est ni un PDF");
    await giveOpinion(database.db, embassySn, id, { verdict: "favourable", reasoning }, URL, pdf);
    const [row] = (await rowsOn(id)).filter((r) => r.verdict !== null);
    const file = await opinionAttachment(database.db, consultationKinds, daect, row.id);
    expect(file.fileName).toBe("note-du-poste.pdf");
    expect(file.mediaType).toBe("application/pdf");
    expect(
      (await opinionAttachment(database.db, consultationKinds, embassySn, row.id)).fileName,
    ).toBe("note-du-poste.pdf");
    for (const other of [embassyMa, prefecture53, rennesAgent])
      expect(
        await error(opinionAttachment(database.db, consultationKinds, other, row.id)),
      ).toBeInstanceOf(NotFound);
  });

  it("unanswered, is revoked by the asker: the organisation is told, answers no more, and its task goes", async () => {
    const id = await consulted(["SN", "MA"]);
    const ma = (await rowsOn(id)).find(
      (row) =>
        row.verdict === null && row.organisationId === embassyMa.memberships[0].organisationId,
    )!;
    const taskOf = async (actor: Actor) =>
      (await inboxOf(database.db, actor, taskProviders))
        .filter((task) => task.href === `/bourse/offres/${id}`)
        .map((task) => task.action);
    expect(await taskOf(embassyMa)).toEqual(["Rendre un avis sur l'offre de partenariat"]);
    expect(
      await error(
        revokeOfferOpinion(database.db, embassySn, id, { consultation: String(ma.id) }, URL),
      ),
    ).toSatisfy((e) => e instanceof Forbidden || e instanceof NotFound);
    await revokeOfferOpinion(
      database.db,
      daect,
      id,
      { consultation: String(ma.id), reason: "Le pays a été ajouté par erreur." },
      URL,
    );
    expect(
      (await mails("bourse-opinion-revoked", `bourse:offer:opinion:${ma.id}:`)).map(
        (m) => m.recipient,
      ),
    ).toEqual(["ambassade-ma@example.org"]);
    expect(
      await error(
        giveOpinion(database.db, embassyMa, id, { verdict: "favourable", reasoning }, URL),
      ),
    ).toSatisfy((e) => e instanceof Forbidden || e instanceof NotFound);
    expect(await taskOf(embassyMa)).toEqual([]);
    // Once given, an opinion is not withdrawn.
    await giveOpinion(database.db, embassySn, id, { verdict: "favourable", reasoning }, URL);
    const sn = (await rowsOn(id)).find((row) => row.verdict !== null)!;
    const late = (await error(
      revokeOfferOpinion(database.db, daect, id, { consultation: String(sn.id) }, URL),
    )) as Invalid;
    expect(late.fieldErrors.consultation).toContain("déjà rendu");
    // The revoked request is no longer awaited: the DAECT may decide with the two it has.
    const view = await offerView(database.db, daect, id);
    expect(view.opinionCount).toBe(2);
    expect(view.abilities.decisionBlocker).toContain("1 avis est attendu");
  });

  it("is asked on several records in one action, all or nothing", async () => {
    const [a, b] = [
      await build.offer({ status: "submitted" }),
      await build.offer({ status: "submitted", countryCodes: ["MA"] }),
    ];
    const dueOn = day(new Date(), 10);
    const stale = await error(
      requestOpinionsOn(
        database.db,
        daect,
        [
          { id: a.id, version: await versionOf(a.id) },
          { id: b.id, version: "0" },
        ],
        { dueOn },
        URL,
      ),
    );
    expect(stale).toBeInstanceOf(Conflict);
    expect([...(await rowsOn(a.id)), ...(await rowsOn(b.id))]).toEqual([]);
    const moved = await requestOpinionsOn(
      database.db,
      daect,
      [
        { id: a.id, version: await versionOf(a.id) },
        { id: b.id, version: await versionOf(b.id) },
      ],
      { dueOn },
      URL,
    );
    expect(moved.map((offer) => offer.status)).toEqual(["consultation", "consultation"]);
    expect((await rowsOn(a.id)).length).toBeGreaterThan(0);
    expect((await rowsOn(b.id)).length).toBeGreaterThan(0);
    expect(
      await error(
        requestOpinionsOn(database.db, embassySn, [{ id: a.id, version: "1" }], { dueOn }, URL),
      ),
    ).toBeInstanceOf(Forbidden);
  });

  it("is reminded once three days before its date, and the asker told once the day after which are missing", async () => {
    const now = new Date();
    const id = await consulted(["SN", "MA"], "confidential", now);
    await giveOpinion(database.db, embassySn, id, { verdict: "favourable", reasoning }, URL);
    const run = (at: number) =>
      runDeadlines(database.db, deadlineRules, { now: new Date(at), publicUrl: URL });
    await run(now.getTime() + 4 * DAY + 3_600_000);
    await run(now.getTime() + 5 * DAY);
    const forThis = await database.db.execute(sql`
      SELECT recipient FROM mail_outbox WHERE template = 'bourse-opinion-reminder'
         AND idempotency_key LIKE ANY (SELECT 'bourse:offer:opinion:' || id || ':%' FROM consultations
                                        WHERE subject_type = 'bourse_offer' AND subject_id = ${id})
       ORDER BY 1`);
    expect(rowsOf<{ recipient: string }>(forThis).map((row) => row.recipient)).toEqual([
      "ambassade-ma@example.org",
      "prefecture-53@example.org",
    ]);
    await run(now.getTime() + 8 * DAY + 3_600_000);
    await run(now.getTime() + 9 * DAY);
    const overdue = await mails("bourse-opinions-deadline", `bourse:offer:${id}:deadline`);
    expect(overdue.map((m) => m.recipient)).toEqual(["daect@example.org"]);
    expect(overdue[0].body).toContain("Maroc");
    expect(overdue[0].body).not.toContain("Sénégal");
  });
});
