import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/database";
import { auditLog } from "../../platform/audit/schema";
import { actorForSession } from "../../platform/auth/sessions";
import { memberships, organisations, passwordResetTokens, users } from "../../platform/auth/schema";
import { Forbidden, Invalid, TooManyRequests } from "../../platform/errors";
import { mailOutbox } from "../../platform/mail/schema";
import {
  acceptInvitation,
  inviteMember,
  requestPasswordReset,
  resetPassword,
  signIn,
} from "./index";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const PASSWORD = "Demo-AECT-2026!";
const PUBLIC_URL = "https://portail.example.org";

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Invalid);
  return (error as Invalid).fieldErrors;
}

async function organisationOf(email: string) {
  const [row] = await database.db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(users.email, email));
  return row;
}

describe("sign-in", () => {
  it("opens a session for the right password, whatever the case of the address", async () => {
    const { sessionToken } = await signIn(
      database.db,
      { email: " Agent-35238@Example.org ", password: PASSWORD },
      "10.0.0.1",
    );
    const actor = await actorForSession(database.db, sessionToken);
    expect(actor.kind === "user" && actor.email).toBe("agent-35238@example.org");
    expect(actor.kind === "user" && actor.memberships[0].role).toBe("agent");
  });

  it("refuses wrong credentials with a message on the field", async () => {
    expect(
      await fieldErrorsOf(
        signIn(database.db, { email: "agent-35@example.org", password: "mauvais" }, "10.0.0.2"),
      ),
    ).toEqual({
      password: "Adresse électronique ou mot de passe incorrect.",
    });
    expect(
      await fieldErrorsOf(
        signIn(database.db, { email: "pas-une-adresse", password: "x" }, "10.0.0.2"),
      ),
    ).toHaveProperty("email");
    expect(
      await fieldErrorsOf(signIn(database.db, { email: "", password: "" }, "10.0.0.2")),
    ).toMatchObject({
      email: "L'adresse électronique est obligatoire.",
      password: "Le mot de passe est obligatoire.",
    });
  });

  it("blocks an account after five failures, even with the right password", async () => {
    for (let n = 0; n < 5; n += 1) {
      await signIn(
        database.db,
        { email: "agent-53@example.org", password: "faux" },
        "10.0.0.3",
      ).catch(() => {});
    }
    await expect(
      signIn(database.db, { email: "agent-53@example.org", password: PASSWORD }, "10.0.0.3"),
    ).rejects.toBeInstanceOf(TooManyRequests);
  });
});

describe("forgotten password", () => {
  it("mails a one-time link that sets a new password and closes open sessions", async () => {
    const { sessionToken } = await signIn(
      database.db,
      { email: "reseau-53@example.org", password: PASSWORD },
      "10.0.1.1",
    );
    await requestPasswordReset(database.db, { email: "reseau-53@example.org" }, PUBLIC_URL);
    const [queued] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, "reseau-53@example.org"));
    const token = /mot-de-passe\/nouveau\/([\w-]+)/.exec(queued.bodyText)![1];

    expect(
      await fieldErrorsOf(
        resetPassword(database.db, { token, password: "court", confirmation: "court" }),
      ),
    ).toEqual({
      password: "Le mot de passe doit contenir au moins 12 caractères.",
    });
    await resetPassword(database.db, {
      token,
      password: "Nouveau-mot-de-passe-2026",
      confirmation: "Nouveau-mot-de-passe-2026",
    });
    expect((await actorForSession(database.db, sessionToken)).kind).toBe("visitor");
    await signIn(
      database.db,
      { email: "reseau-53@example.org", password: "Nouveau-mot-de-passe-2026" },
      "10.0.1.1",
    );
    // The same link cannot serve twice.
    expect(
      await fieldErrorsOf(
        resetPassword(database.db, {
          token,
          password: "Encore-un-autre-2026",
          confirmation: "Encore-un-autre-2026",
        }),
      ),
    ).toHaveProperty("token");
  });

  it("refuses an expired link", async () => {
    await requestPasswordReset(database.db, { email: "prefecture-84@example.org" }, PUBLIC_URL);
    const [queued] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, "prefecture-84@example.org"));
    const token = /mot-de-passe\/nouveau\/([\w-]+)/.exec(queued.bodyText)![1];
    await database.db.update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    expect(
      await fieldErrorsOf(
        resetPassword(database.db, {
          token,
          password: "Valide-mais-trop-tard",
          confirmation: "Valide-mais-trop-tard",
        }),
      ),
    ).toHaveProperty("token");
  });

  it("answers the same for an unknown address and queues no mail", async () => {
    const before = await database.db.select().from(mailOutbox);
    await requestPasswordReset(database.db, { email: "inconnu@example.org" }, PUBLIC_URL);
    expect(await database.db.select().from(mailOutbox)).toHaveLength(before.length);
  });
});

describe("invitations", () => {
  it("lets an organisation administrator invite a colleague who then joins", async () => {
    const { sessionToken } = await signIn(
      database.db,
      { email: "agent-35238@example.org", password: PASSWORD },
      "10.0.2.1",
    );
    const admin = await actorForSession(database.db, sessionToken);
    const rennes = await organisationOf("agent-35238@example.org");
    await inviteMember(
      database.db,
      admin,
      { organisationId: rennes.id, email: "collegue.rennes@example.org" },
      PUBLIC_URL,
    );
    const [queued] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, "collegue.rennes@example.org"));
    expect(queued.subject).toContain(rennes.name);
    const token = /invitation\/([\w-]+)/.exec(queued.bodyText)![1];

    const joined = await acceptInvitation(database.db, {
      token,
      displayName: "Alix Collègue-Exemple",
      password: "Mot-de-passe-collegue",
      confirmation: "Mot-de-passe-collegue",
    });
    const colleague = await actorForSession(database.db, joined.sessionToken);
    expect(colleague.kind === "user" && colleague.memberships.map((m) => m.organisationId)).toEqual(
      [rennes.id],
    );
    const journal = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityType, "membership"));
    expect(journal.length).toBeGreaterThan(0);
  });

  it("refuses to invite someone who is already a member, and changes nothing", async () => {
    const { sessionToken } = await signIn(
      database.db,
      { email: "agent-35@example.org", password: PASSWORD },
      "10.0.2.2",
    );
    const admin = await actorForSession(database.db, sessionToken);
    const organisation = await organisationOf("agent-35@example.org");
    const before = await database.db.select().from(mailOutbox);
    expect(
      await fieldErrorsOf(
        inviteMember(
          database.db,
          admin,
          { organisationId: organisation.id, email: "agent-35@example.org" },
          PUBLIC_URL,
        ),
      ),
    ).toEqual({ email: `agent-35@example.org est déjà membre de ${organisation.name}.` });
    expect(await database.db.select().from(mailOutbox)).toHaveLength(before.length);
  });

  it("refuses an invitation into another organisation", async () => {
    const { sessionToken } = await signIn(
      database.db,
      { email: "agent-243500139@example.org", password: PASSWORD },
      "10.0.2.3",
    );
    const admin = await actorForSession(database.db, sessionToken);
    const other = await organisationOf("agent-35238@example.org");
    await expect(
      inviteMember(
        database.db,
        admin,
        { organisationId: other.id, email: "intrus@example.org" },
        PUBLIC_URL,
      ),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("invitation of a person who already has an account", () => {
  it("adds the membership once the person confirms with their own password", async () => {
    const { sessionToken } = await signIn(
      database.db,
      { email: "daect@example.org", password: PASSWORD },
      "10.0.3.1",
    );
    const daect = await actorForSession(database.db, sessionToken);
    const network = await organisationOf("reseau-53@example.org");
    await inviteMember(
      database.db,
      daect,
      { organisationId: network.id, email: "prefecture-53@example.org" },
      PUBLIC_URL,
    );
    const [queued] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, "prefecture-53@example.org"));
    const token = /invitation\/([\w-]+)/.exec(queued.bodyText)![1];

    expect(
      await fieldErrorsOf(acceptInvitation(database.db, { token, password: "pas-le-sien" })),
    ).toEqual({
      password: "Mot de passe incorrect pour ce compte existant.",
    });
    const joined = await acceptInvitation(database.db, { token, password: PASSWORD });
    const person = await actorForSession(database.db, joined.sessionToken);
    expect(person.kind === "user" && person.memberships.map((m) => m.organisationName)).toContain(
      network.name,
    );
    expect(person.kind === "user" && person.memberships).toHaveLength(2);
  });
});
