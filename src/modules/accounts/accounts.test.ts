import { eq } from "drizzle-orm";
import { deliveredText } from "../../../tests/support/outbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/database";
import { auditLog } from "../../platform/audit/schema";
import { recordSignInFailure, signInState } from "../../platform/auth/rate-limit";
import { actorForSession } from "../../platform/auth/sessions";
import { memberships, organisations, passwordResetTokens, users } from "../../platform/auth/schema";
import { Forbidden, Invalid, TooManyRequests, Unavailable } from "../../platform/errors";
import { openIdClient } from "../../platform/auth/openid";
import { mailOutbox } from "../../platform/mail/schema";
import {
  acceptInvitation,
  inviteMember,
  purgeAccounts,
  startProConnect,
  requestPasswordReset,
  resetPassword,
  signIn,
} from "./index";
import { emailChanges, federatedLogins } from "./schema";
import { ofName } from "../../platform/french/place-names";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const PASSWORD = "Demo-AECT-2026!";
const PUBLIC_URL = "https://portail.example.org";
const IDLE_MS = 2 * 60 * 60 * 1000;

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
    const actor = await actorForSession(database.db, sessionToken, IDLE_MS);
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

  it("slows a stranger's guesses without locking the owner out, and tells the owner", async () => {
    const stranger = "203.0.113.7";
    const owner = "10.0.0.30";
    const email = "agent-53@example.org";
    const guesses: unknown[] = [];
    for (let n = 0; n < 12; n += 1)
      guesses.push(
        await signIn(database.db, { email, password: `faux-${n}` }, stranger).catch((e) => e),
      );
    // Three free tries, then the stranger must wait, longer at each failure.
    expect(guesses.slice(0, 3).every((e) => e instanceof Invalid)).toBe(true);
    expect(guesses.slice(3).every((e) => e instanceof TooManyRequests)).toBe(true);
    const { waitMs: firstWait } = await signInState(database.db, email, stranger);
    expect(firstWait).toBeGreaterThan(10_000);
    await recordSignInFailure(database.db, email, stranger);
    expect((await signInState(database.db, email, stranger)).waitMs).toBeGreaterThan(
      firstWait + 10_000,
    );
    await expect(
      signIn(database.db, { email, password: PASSWORD }, stranger),
    ).rejects.toBeInstanceOf(TooManyRequests);
    // The owner, from elsewhere, signs in with the right password.
    const { sessionToken } = await signIn(database.db, { email, password: PASSWORD }, owner);
    expect((await actorForSession(database.db, sessionToken, IDLE_MS)).kind).toBe("user");
  });

  it("mails the owner once when the account sees many failures", async () => {
    const email = "agent-243500139@example.org";
    // Many clients, a few tries each: no wait applies, but the account's total grows.
    for (let n = 0; n < 12; n += 1)
      await signIn(database.db, { email, password: "faux" }, `198.51.100.${n}`).catch(() => {});
    const alerts = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.template, "sign-in-alert"));
    expect(alerts.map((mail) => mail.recipient)).toEqual([email]);
    expect(alerts[0].bodyText).toContain("10 tentatives de connexion");
  });

  it("ends a session left idle, and keeps one in use", async () => {
    const { sessionToken } = await signIn(
      database.db,
      { email: "ambassade-ma@example.org", password: PASSWORD },
      "10.0.0.40",
    );
    const later = new Date(Date.now() + 90 * 60 * 1000);
    expect((await actorForSession(database.db, sessionToken, IDLE_MS, later)).kind).toBe("user");
    // Seen at `later`: idle is counted from then.
    const muchLater = new Date(later.getTime() + 90 * 60 * 1000);
    expect((await actorForSession(database.db, sessionToken, IDLE_MS, muchLater)).kind).toBe(
      "user",
    );
    const idle = new Date(muchLater.getTime() + IDLE_MS + 60 * 1000);
    expect((await actorForSession(database.db, sessionToken, IDLE_MS, idle)).kind).toBe("visitor");
  });
});

describe("forgotten password", () => {
  it("mails a one-time link that sets a new password and closes open sessions", async () => {
    const { sessionToken } = await signIn(
      database.db,
      { email: "reseau-53@example.org", password: PASSWORD },
      "10.0.1.1",
    );
    await requestPasswordReset(
      database.db,
      { email: "reseau-53@example.org" },
      PUBLIC_URL,
      "10.0.9.9",
    );
    const [queued] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, "reseau-53@example.org"));
    const token = /mot-de-passe\/nouveau\/([\w-]+)/.exec(deliveredText(queued))![1];

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
    expect((await actorForSession(database.db, sessionToken, IDLE_MS)).kind).toBe("visitor");
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

  it("revokes the other links once one is used, and limits how many are asked", async () => {
    const email = "operateur-afd@example.org";
    const ask = () => requestPasswordReset(database.db, { email }, PUBLIC_URL, "10.0.9.20");
    await ask();
    await ask();
    const queued = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, email));
    const [first, second] = queued.map(
      (mail) => /mot-de-passe\/nouveau\/([\w-]+)/.exec(deliveredText(mail))![1],
    );
    await resetPassword(database.db, {
      token: second,
      password: "Baobab-Ciment-Lagune-27",
      confirmation: "Baobab-Ciment-Lagune-27",
    });
    expect(
      await fieldErrorsOf(
        resetPassword(database.db, {
          token: first,
          password: "Autre-Baobab-Lagune-28",
          confirmation: "Autre-Baobab-Lagune-28",
        }),
      ),
    ).toHaveProperty("token");
    // A third link in the hour, then no more: no fourth mail is queued.
    await ask();
    await expect(ask()).rejects.toBeInstanceOf(TooManyRequests);
    expect(
      await database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email)),
    ).toHaveLength(3);
  });

  it("refuses an expired link", async () => {
    await requestPasswordReset(
      database.db,
      { email: "prefecture-84@example.org" },
      PUBLIC_URL,
      "10.0.9.9",
    );
    const [queued] = await database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.recipient, "prefecture-84@example.org"));
    const token = /mot-de-passe\/nouveau\/([\w-]+)/.exec(deliveredText(queued))![1];
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
    await requestPasswordReset(
      database.db,
      { email: "inconnu@example.org" },
      PUBLIC_URL,
      "10.0.9.9",
    );
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
    const admin = await actorForSession(database.db, sessionToken, IDLE_MS);
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
    const token = /invitation\/([\w-]+)/.exec(deliveredText(queued))![1];

    // A guessable password is refused with its reason, on its field.
    const weak = await fieldErrorsOf(
      acceptInvitation(
        database.db,
        {
          token,
          displayName: "Alix Collègue-Exemple",
          password: "aaaaaaaaaaaa",
          confirmation: "aaaaaaaaaaaa",
        },
        "10.0.2.1",
      ),
    );
    expect(weak.password).toMatch(/^Mot de passe trop faible : .*répétés/);
    const joined = await acceptInvitation(
      database.db,
      {
        token,
        displayName: "Alix Collègue-Exemple",
        password: "Mot-de-passe-collegue",
        confirmation: "Mot-de-passe-collegue",
      },
      "10.0.2.1",
    );
    const colleague = await actorForSession(database.db, joined.sessionToken, IDLE_MS);
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
    const admin = await actorForSession(database.db, sessionToken, IDLE_MS);
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
    ).toEqual({ email: `agent-35@example.org est déjà membre ${ofName(organisation.name)}.` });
    expect(await database.db.select().from(mailOutbox)).toHaveLength(before.length);
  });

  it("refuses an invitation into another organisation", async () => {
    const { sessionToken } = await signIn(
      database.db,
      { email: "agent-243500139@example.org", password: PASSWORD },
      "10.0.2.3",
    );
    const admin = await actorForSession(database.db, sessionToken, IDLE_MS);
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
    const daect = await actorForSession(database.db, sessionToken, IDLE_MS);
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
    const token = /invitation\/([\w-]+)/.exec(deliveredText(queued))![1];

    expect(
      await fieldErrorsOf(
        acceptInvitation(database.db, { token, password: "pas-le-sien" }, "10.0.3.1"),
      ),
    ).toEqual({
      password: "Mot de passe incorrect pour ce compte existant.",
    });
    // Guessing the account's password through the invitation is slowed as sign-in is.
    const guesses: unknown[] = [];
    for (let n = 0; n < 5; n += 1)
      guesses.push(
        await acceptInvitation(database.db, { token, password: `essai-${n}` }, "203.0.113.9").catch(
          (e) => e,
        ),
      );
    expect(guesses.at(-1)).toBeInstanceOf(TooManyRequests);
    await expect(
      acceptInvitation(database.db, { token, password: PASSWORD }, "203.0.113.9"),
    ).rejects.toBeInstanceOf(TooManyRequests);
    const joined = await acceptInvitation(database.db, { token, password: PASSWORD }, "10.0.3.1");
    const person = await actorForSession(database.db, joined.sessionToken, IDLE_MS);
    expect(person.kind === "user" && person.memberships.map((m) => m.organisationName)).toContain(
      network.name,
    );
    expect(person.kind === "user" && person.memberships).toHaveLength(2);
  });
});

describe("housekeeping", () => {
  it("removes ProConnect sign-ins and address changes a day old, and keeps the recent ones", async () => {
    const { db } = database;
    const now = new Date("2026-12-07T12:00:00Z");
    const [user] = await db.select().from(users).where(eq(users.email, "daect@example.org"));
    const login = (binding: string, createdAt: Date) => ({
      bindingHash: binding,
      state: "s",
      nonce: "n",
      codeVerifier: "v",
      createdAt,
    });
    await db
      .insert(federatedLogins)
      .values([
        login("ancienne", new Date("2026-12-05T12:00:00Z")),
        login("recente", new Date("2026-12-07T11:00:00Z")),
      ]);
    await db.insert(emailChanges).values([
      {
        tokenHash: "expire",
        userId: user.id,
        newEmail: "a@example.org",
        expiresAt: new Date("2026-12-07T11:00:00Z"),
      },
      {
        tokenHash: "en-cours",
        userId: user.id,
        newEmail: "b@example.org",
        expiresAt: new Date("2026-12-08T11:00:00Z"),
      },
    ]);
    const purged = await purgeAccounts(db, now);
    expect(purged).toMatchObject({ proConnectSignIns: 1, emailChanges: 1 });
    expect((await db.select().from(federatedLogins)).map((row) => row.bindingHash)).toEqual([
      "recente",
    ]);
    expect((await db.select().from(emailChanges)).map((row) => row.tokenHash)).toEqual([
      "en-cours",
    ]);
  });
});

describe("ProConnect unreachable", () => {
  it("is told as a 503 with a French message, and no sign-in is started", async () => {
    const unreachable = openIdClient({
      issuer: "http://127.0.0.1:9",
      clientId: "portail",
      clientSecret: "secret",
    });
    const before = (await database.db.select().from(federatedLogins)).length;
    const error = await startProConnect(database.db, unreachable, {
      redirectUri: `${PUBLIC_URL}/connexion/proconnect/retour`,
      returnPath: "/mon-espace",
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Unavailable);
    expect((error as Unavailable).status).toBe(503);
    expect((error as Unavailable).message).toContain("ProConnect ne répond pas");
    expect((await database.db.select().from(federatedLogins)).length).toBe(before);
  });
});
