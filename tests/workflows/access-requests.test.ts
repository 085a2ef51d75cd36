import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessRequestTasks,
  approveAccessRequest,
  confirmAccessRequest,
  refuseAccessRequest,
  requestAccess,
} from "../../src/modules/accounts/index";
import { accessRequests } from "../../src/modules/accounts/schema";
import { type Actor, visitor } from "../../src/platform/auth/actor";
import { rowsOf } from "../../src/platform/db/client";
import { Forbidden, type Invalid, NotFound, Unauthenticated } from "../../src/platform/errors";
import { mailOutbox } from "../../src/platform/mail/schema";
import { actorFor } from "../support/actors";
import { type TestDatabase, openTestDatabase } from "../support/database";
import { deliveredText } from "../support/outbox";

const URL = "https://portail.example.org";
let database: TestDatabase;
let daect: Actor;
let prefecture53: Actor;
let prefecture84: Actor;
/** A collectivité of the register, in Bretagne, that nobody has an account for yet. */
let entry: { id: number; name: string };

beforeAll(async () => {
  database = await openTestDatabase();
  [daect, prefecture53, prefecture84] = await Promise.all(
    ["daect@example.org", "prefecture-53@example.org", "prefecture-84@example.org"].map((email) =>
      actorFor(database.db, email),
    ),
  );
  [entry] = rowsOf<{ id: number; name: string }>(
    await database.db.execute(sql`
      SELECT c.id, c.name FROM register_collectivites c
       WHERE c.region_code = '53' AND c.kind = 'commune'
         AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.organisation_id = c.organisation_id)
       ORDER BY c.id LIMIT 1`),
  );
});
afterAll(async () => {
  await database.close();
});

const person = (email: string, extra: Record<string, string> = {}) => ({
  group: "collectivite",
  organisation: `collectivite:${entry.id}`,
  personFunction: "charge_cooperation",
  givenName: "Camille",
  familyName: "Exemple-Fictif",
  email,
  ...extra,
});
const ask = (values: Record<string, unknown>, clientAddress = "192.0.2.10") =>
  requestAccess(database.db, values, { publicUrl: URL, clientAddress });

/** The link of the confirmation mail sent to an address, as its recipient reads it. */
async function confirmationToken(email: string) {
  const [mail] = await database.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.template, "access-request-confirm"), eq(mailOutbox.recipient, email)));
  return /\/inscription\/confirmer\/([\w-]+)/.exec(deliveredText(mail))![1];
}
const tasksOf = async (actor: Actor) =>
  (await accessRequestTasks(database.db, actor, new Date())).map((task) => task.title);
const versionOf = async (id: number) => {
  const [row] = await database.db.select().from(accessRequests).where(eq(accessRequests.id, id));
  return String(row.version);
};
const error = (promise: Promise<unknown>) => promise.catch((e: unknown) => e);

describe("an access request", () => {
  it("for a collectivité without members is confirmed by its mailed link, approved from the DAECT's or the prefecture's tasks, and makes the person its administrator", async () => {
    const created = await ask(person("camille.exemple@mairie.example.org"));
    expect(created.status).toBe("unconfirmed");
    // Not yet confirmed: nobody is asked to approve it.
    expect(await tasksOf(daect)).not.toContain("Camille Exemple-Fictif");
    const token = await confirmationToken("camille.exemple@mairie.example.org");
    // The stored mail does not hold the link readable.
    const [stored] = await database.db
      .select({ text: mailOutbox.bodyText })
      .from(mailOutbox)
      .where(eq(mailOutbox.template, "access-request-confirm"));
    expect(stored.text).not.toContain(token);
    const confirmed = await confirmAccessRequest(database.db, token, { publicUrl: URL });
    expect(confirmed.status).toBe("pending");
    expect(
      await error(confirmAccessRequest(database.db, token, { publicUrl: URL })),
    ).toBeInstanceOf(NotFound);
    // The DAECT and the prefecture of Bretagne are asked, by task and by mail; not Provence.
    expect(await tasksOf(daect)).toContain("Camille Exemple-Fictif");
    expect(await tasksOf(prefecture53)).toContain("Camille Exemple-Fictif");
    expect(await tasksOf(prefecture84)).not.toContain("Camille Exemple-Fictif");
    const toApprove = await database.db
      .select({ recipient: mailOutbox.recipient })
      .from(mailOutbox)
      .where(eq(mailOutbox.template, "access-request-to-approve"));
    expect(toApprove.map((mail) => mail.recipient)).toEqual(
      expect.arrayContaining(["daect@example.org", "prefecture-53@example.org"]),
    );
    expect(toApprove.map((mail) => mail.recipient)).not.toContain("prefecture-84@example.org");
    expect(
      await error(
        approveAccessRequest(
          database.db,
          prefecture84,
          created.id,
          await versionOf(created.id),
          URL,
        ),
      ),
    ).toBeInstanceOf(Forbidden);
    const approved = await approveAccessRequest(
      database.db,
      prefecture53,
      created.id,
      await versionOf(created.id),
      URL,
    );
    expect(approved.isAdmin).toBe(true);
    const newcomer = await actorFor(database.db, "camille.exemple@mairie.example.org");
    expect(newcomer.memberships).toEqual([
      expect.objectContaining({
        organisationName: entry.name,
        organisationKind: "collectivite",
        isAdmin: true,
      }),
    ]);
    const [linked] = rowsOf<{ organisation_id: number }>(
      await database.db.execute(
        sql`SELECT organisation_id FROM register_collectivites WHERE id = ${entry.id}`,
      ),
    );
    expect(linked.organisation_id).toBe(approved.organisationId);
    const [welcome] = await database.db
      .select({ recipient: mailOutbox.recipient })
      .from(mailOutbox)
      .where(eq(mailOutbox.template, "access-request-approved"));
    expect(welcome.recipient).toBe("camille.exemple@mairie.example.org");
  });

  it("for an organisation with an administrator goes to that administrator, not the DAECT", async () => {
    await ask(person("dominique.exemple@mairie.example.org", { givenName: "Dominique" }));
    await confirmAccessRequest(
      database.db,
      await confirmationToken("dominique.exemple@mairie.example.org"),
      { publicUrl: URL },
    );
    const administrator = await actorFor(database.db, "camille.exemple@mairie.example.org");
    const [request] = await database.db
      .select()
      .from(accessRequests)
      .where(eq(accessRequests.email, "dominique.exemple@mairie.example.org"));
    expect(await tasksOf(administrator)).toEqual(["Dominique Exemple-Fictif"]);
    expect(await tasksOf(daect)).not.toContain("Dominique Exemple-Fictif");
    expect(await tasksOf(prefecture53)).not.toContain("Dominique Exemple-Fictif");
    const approved = await approveAccessRequest(
      database.db,
      administrator,
      request.id,
      String(request.version),
      URL,
    );
    expect(approved.isAdmin).toBe(false);
  });

  it("is refused with a reason the person receives; without a reason nothing changes", async () => {
    const created = await ask(person("sacha.exemple@mairie.example.org", { givenName: "Sacha" }));
    await confirmAccessRequest(
      database.db,
      await confirmationToken("sacha.exemple@mairie.example.org"),
      { publicUrl: URL },
    );
    const administrator = await actorFor(database.db, "camille.exemple@mairie.example.org");
    const missing = (await error(
      refuseAccessRequest(
        database.db,
        administrator,
        created.id,
        { version: await versionOf(created.id) },
        URL,
      ),
    )) as Invalid;
    expect(missing.fieldErrors.reason).toContain("Le motif du refus est obligatoire");
    const refused = await refuseAccessRequest(
      database.db,
      administrator,
      created.id,
      {
        version: await versionOf(created.id),
        reason: "Cette personne ne travaille pas dans nos services.",
      },
      URL,
    );
    expect(refused.status).toBe("refused");
    const [mail] = await database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.template, "access-request-refused"),
          eq(mailOutbox.recipient, "sacha.exemple@mairie.example.org"),
        ),
      );
    expect(mail.bodyText).toContain("ne travaille pas dans nos services");
    expect(
      await error(approveAccessRequest(database.db, visitor, created.id, "1", URL)),
    ).toBeInstanceOf(Unauthenticated);
  });

  it("explains every bad field, an unknown organisation and a second open request, creating nothing", async () => {
    const before = (await database.db.select().from(accessRequests)).length;
    const bad = (await error(
      ask({
        group: "club",
        organisation: "mairie",
        personFunction: "autre",
        email: "pas-une-adresse",
      }),
    )) as Invalid;
    // "Autre fonction" without its wording is told with the rest, not one round later.
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(
      ["email", "familyName", "functionOther", "givenName", "group", "organisation"].sort(),
    );
    const otherFunction = (await error(
      ask(person("alix.exemple@mairie.example.org", { personFunction: "autre" })),
    )) as Invalid;
    expect(otherFunction.fieldErrors.functionOther).toBe("Précisez votre fonction.");
    const unknown = (await error(
      ask(person("alix.exemple@mairie.example.org", { organisation: "collectivite:999999999" })),
    )) as Invalid;
    expect(unknown.fieldErrors.organisation).toContain("n'est pas dans la liste");
    // A State service is asked within its own group only.
    const [embassy] = rowsOf<{ id: number }>(
      await database.db.execute(sql`SELECT id FROM organisations WHERE kind = 'embassy' LIMIT 1`),
    );
    const wrongGroup = (await error(
      ask(
        person("alix.exemple@mairie.example.org", { organisation: `organisation:${embassy.id}` }),
      ),
    )) as Invalid;
    expect(wrongGroup.fieldErrors.organisation).toContain("n'est pas dans la liste");
    expect((await database.db.select().from(accessRequests)).length).toBe(before);
    await ask(person("alix.exemple@mairie.example.org"));
    const twice = (await error(ask(person("alix.exemple@mairie.example.org")))) as Invalid;
    expect(twice.fieldErrors.email).toContain("déjà en cours");
    expect(
      await database.db
        .select()
        .from(accessRequests)
        .where(like(accessRequests.email, "alix.exemple@%")),
    ).toHaveLength(1);
  });

  it("for a foreign authority the portal has no organisation for creates it on approval, in the register", async () => {
    const [authority] = rowsOf<{ id: number; name: string; country_code: string }>(
      await database.db.execute(sql`
        SELECT id, name, country_code FROM register_foreign_authorities
         WHERE organisation_id IS NULL ORDER BY id LIMIT 1`),
    );
    const created = await ask({
      ...person("maire-adjoint@commune.example.org", { givenName: "Ibrahima" }),
      group: "foreign_authority",
      organisation: `authority:${authority.id}`,
    });
    await confirmAccessRequest(
      database.db,
      await confirmationToken("maire-adjoint@commune.example.org"),
      { publicUrl: URL },
    );
    // No organisation, no région: the DAECT decides, no prefecture.
    expect(await tasksOf(prefecture53)).not.toContain("Ibrahima Exemple-Fictif");
    const approved = await approveAccessRequest(
      database.db,
      daect,
      created.id,
      await versionOf(created.id),
      URL,
    );
    const [organisation] = rowsOf<{ kind: string; name: string; country_code: string }>(
      await database.db.execute(sql`
        SELECT o.kind, o.name, o.country_code FROM organisations o
          JOIN register_foreign_authorities a ON a.organisation_id = o.id
         WHERE a.id = ${authority.id}`),
    );
    expect(organisation).toEqual({
      kind: "foreign_authority",
      name: authority.name,
      country_code: authority.country_code,
    });
    expect(approved.isAdmin).toBe(true);
  });

  it("has an expired confirmation link refused", async () => {
    const created = await ask(person("lou.exemple@mairie.example.org"));
    const token = await confirmationToken("lou.exemple@mairie.example.org");
    const later = new Date(created.createdAt.getTime() + 49 * 3_600_000);
    expect(
      await error(confirmAccessRequest(database.db, token, { publicUrl: URL, now: later })),
    ).toBeInstanceOf(NotFound);
  });
});
