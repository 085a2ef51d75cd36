import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/platform/auth/passwords";
import { memberships, resumableSubmissions, sessions, users } from "../../src/platform/auth/schema";
import { rowsOf } from "../../src/platform/db/client";
import { mailOutbox } from "../../src/platform/mail/schema";
import { createSmtpTransport, deliverDueMails } from "../../src/platform/mail/worker";
import { actorFor } from "../support/actors";
import { FormClient } from "../support/browserless";
import { builders } from "../support/build";
import { portalForTestFile } from "../support/portal";
import { linkIn, startSmtpServer } from "../support/smtp";

/** An organisation run by its administrators, and a person's own account, through HTTP. */
const served = portalForTestFile();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
});

let built: ReturnType<typeof builders> | undefined;
const build = () => {
  built ??= builders(served.database.db);
  return built;
};

const PASSWORD = "Demo-AECT-2026!";
const ADMIN = "agent-35238@example.org";

async function withPassword(email: string) {
  await served.database.db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.email, email));
  return email;
}

async function signedIn(email: string) {
  const client = new FormClient(served.portal.baseUrl);
  await client.signIn(email);
  return client;
}

const userIdOf = async (email: string) => (await actorFor(served.database.db, email)).userId;

async function isAdmin(email: string, organisationId: number) {
  const [row] = await served.database.db
    .select({ isAdmin: memberships.isAdmin })
    .from(memberships)
    .where(
      sql`${memberships.userId} = ${await userIdOf(email)} AND ${memberships.organisationId} = ${organisationId}`,
    );
  return row?.isAdmin ?? null;
}

describe("organisation administration", () => {
  it("promotes, demotes and removes members; the last administrator stays; a removed member's sessions end", async () => {
    const { db } = served.database;
    const organisationId = (await actorFor(db, ADMIN)).memberships[0].organisationId;
    const page = `/organisations/${organisationId}/membres`;
    const colleague = await withPassword(await build().colleague(ADMIN));
    const colleagueId = await userIdOf(colleague);
    const colleagueClient = await signedIn(colleague);
    const admin = await signedIn(ADMIN);

    const list = await admin.get(page);
    expect(list.html).toContain("Nommer administrateur");
    expect(list.html).toContain("Seul administrateur");

    // A plain member sees the list but cannot change it.
    const member = await signedIn(await withPassword(await build().colleague(ADMIN)));
    expect((await member.get(page)).html).not.toContain("Nommer administrateur");
    expect(
      (await member.post(page, { intent: "promote", userId: String(colleagueId) })).status,
    ).toBe(403);
    expect(await isAdmin(colleague, organisationId)).toBe(false);

    // The only administrator cannot step down nor leave while others remain.
    const adminId = await userIdOf(ADMIN);
    const stepDown = await admin.post(page, { intent: "demote", userId: String(adminId) });
    expect(stepDown.status).toBe(409);
    expect(stepDown.html).toContain("au moins un administrateur ou une administratrice");
    const leave = await admin.post(page, { intent: "remove", userId: String(adminId) });
    expect(leave.status).toBe(409);
    expect(await isAdmin(ADMIN, organisationId)).toBe(true);

    const promoted = await admin.post(page, { intent: "promote", userId: String(colleagueId) });
    expect(promoted.status).toBe(200);
    expect(promoted.html).toContain("est désormais administrateur ou administratrice");
    expect(await isAdmin(colleague, organisationId)).toBe(true);
    const demoted = await admin.post(page, { intent: "demote", userId: String(colleagueId) });
    expect(demoted.status).toBe(200);
    expect(await isAdmin(colleague, organisationId)).toBe(false);

    // An unknown member is told, and nothing changes.
    const unknown = await admin.post(page, { intent: "remove", userId: "abc" });
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain("Choisissez un membre de la liste.");

    // Removal is confirmed first, then ends the person's sessions and tells them.
    const confirm = await admin.get(`${page}?retirer=${colleagueId}`);
    expect(confirm.html).toContain("Confirmer le retrait");
    expect((await colleagueClient.get("/compte")).status).toBe(200);
    const removed = await admin.post(page, { intent: "remove", userId: String(colleagueId) });
    expect(removed.status).toBe(200);
    expect(removed.html).toContain("ne fait plus partie de l&#x27;organisation");
    expect(await isAdmin(colleague, organisationId)).toBeNull();
    expect((await colleagueClient.get("/compte")).status).toBe(302);
    expect(await db.select().from(sessions).where(eq(sessions.userId, colleagueId))).toEqual([]);
    const [notice] = await db
      .select()
      .from(mailOutbox)
      .where(
        sql`${mailOutbox.recipient} = ${colleague} AND ${mailOutbox.template} = 'membership-ended'`,
      );
    expect(notice.subject).toContain("Vous n'êtes plus membre");
  });
});

describe("my account", () => {
  it("changes name and function, ends a session, changes the password and the address, downloads the data, closes the account", async () => {
    const { db } = served.database;
    const email = await withPassword(await build().colleague(ADMIN));
    const elsewhere = await signedIn(email);
    const me = await signedIn(email);
    const account = await me.get("/compte");
    expect(account.status).toBe(200);
    expect(account.html).toContain("Cette session");
    expect(account.html).toContain("Sessions ouvertes (2)");

    const noWording = await me.post("/compte", {
      intent: "profile",
      displayName: "Dominique Exemple (fictif)",
      personFunction: "autre",
    });
    expect(noWording.status).toBe(400);
    expect(noWording.html).toContain("Précisez votre fonction.");
    expect(noWording.html).toContain('value="Dominique Exemple (fictif)"');
    const profile = await me.post("/compte", {
      intent: "profile",
      displayName: "Dominique Exemple (fictif)",
      personFunction: "autre",
      functionOther: "Chargée de mission jumelages",
    });
    expect(profile.status).toBe(200);
    const [stored] = await db.select().from(users).where(eq(users.email, email));
    expect(stored).toMatchObject({
      displayName: "Dominique Exemple (fictif)",
      jobTitle: "Chargée de mission jumelages",
    });
    const organisationId = (await actorFor(db, email)).memberships[0].organisationId;
    const admin = await signedIn(ADMIN);
    expect((await admin.get(`/organisations/${organisationId}/membres`)).html).toContain(
      "Chargée de mission jumelages",
    );

    // The other browser's session is ended from this one.
    const other = /name="session" value="([0-9a-f]{16})"/.exec((await me.get("/compte")).html);
    expect(other).not.toBeNull();
    expect((await me.post("/compte", { intent: "end-session", session: other![1] })).status).toBe(
      200,
    );
    expect((await elsewhere.get("/compte")).status).toBe(302);
    expect((await me.get("/compte")).status).toBe(200);

    // A new password needs the current one; other sessions end, this one stays.
    const third = await signedIn(email);
    const wrong = await me.post("/compte", {
      intent: "password",
      currentPassword: "pas-le-bon",
      password: "Jumelage-Quimper-2027",
      confirmation: "Jumelage-Quimper-2027",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain("Le mot de passe actuel est incorrect.");
    const changed = await me.post("/compte", {
      intent: "password",
      currentPassword: PASSWORD,
      password: "Jumelage-Quimper-2027",
      confirmation: "Jumelage-Quimper-2027",
    });
    expect(changed.status).toBe(200);
    expect((await third.get("/compte")).status).toBe(302);
    expect((await me.get("/compte")).status).toBe(200);

    // A new address is used once its mailed link is followed; the old one is told.
    const newEmail = "dominique.exemple@nouvelle-adresse.example.org";
    const asked = await me.post("/compte", {
      intent: "email",
      newEmail,
      currentPassword: "Jumelage-Quimper-2027",
    });
    expect(asked.status).toBe(200);
    expect(asked.html).toContain(`Un lien de confirmation a été envoyé à ${newEmail}`);
    await deliverDueMails(db, createSmtpTransport(smtp.url), {
      from: served.portal.config.mailFrom,
    });
    const mailed = await smtp.waitFor(newEmail, 20_000, "/compte/adresse/");
    await smtp.waitFor(email, 20_000);
    const link = new URL(linkIn(mailed, "/compte/adresse/")).pathname;
    expect((await me.get(link)).html).toContain("Confirmer ma nouvelle adresse");
    expect((await db.select().from(users).where(eq(users.email, email))).length).toBe(1);
    const confirmed = await me.post(link, {});
    expect(confirmed.location).toBe("/compte?adresse=changee");
    expect((await db.select().from(users).where(eq(users.email, newEmail))).length).toBe(1);
    expect((await me.get(link)).status).toBe(404);

    // The personal data, as JSON.
    const response = await fetch(`${served.portal.baseUrl}/compte/donnees-personnelles`, {
      headers: { cookie: me.cookieHeaderForTests() },
    });
    expect(response.headers.get("content-type")).toContain("application/json");
    const data = await response.json();
    expect(data.compte).toMatchObject({
      email: newEmail,
      jobTitle: "Chargée de mission jumelages",
    });
    expect(data.organisations).toHaveLength(1);
    expect(data.sessions).toHaveLength(1);
    expect(data).toHaveProperty("recherchesEnregistrees");
    expect(data).toHaveProperty("interetsBourse");

    // Closing needs the box ticked; then the account and its data are gone.
    await me.get("/compte/fermer");
    const unticked = await me.post("/compte/fermer", { currentPassword: "Jumelage-Quimper-2027" });
    expect(unticked.status).toBe(400);
    expect(unticked.html).toContain("Cochez la case pour confirmer");
    const closed = await me.post("/compte/fermer", {
      currentPassword: "Jumelage-Quimper-2027",
      understood: "on",
    });
    expect(closed.location).toBe("/connexion?compte=ferme");
    expect(await db.select().from(users).where(eq(users.email, newEmail))).toEqual([]);
    const again = new FormClient(served.portal.baseUrl);
    await again.get("/connexion");
    expect(
      (await again.post("/connexion", { email: newEmail, password: "Jumelage-Quimper-2027" }))
        .status,
    ).toBe(400);
  });

  it("refuses to close the account of an organisation's only administrator while others remain", async () => {
    await build().colleague(ADMIN);
    const admin = await signedIn(ADMIN);
    await admin.get("/compte/fermer");
    const refused = await admin.post("/compte/fermer", {
      currentPassword: PASSWORD,
      understood: "on",
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("nommez d&#x27;abord une autre personne administratrice");
    const [{ count }] = rowsOf<{ count: number }>(
      await served.database.db.execute(
        sql`SELECT count(*)::int AS count FROM users WHERE email = ${ADMIN}`,
      ),
    );
    expect(count).toBe(1);
  });
});

describe("a session that ends while a form is being filled", () => {
  const endSessionsOf = async (email: string) =>
    served.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 24 * 3600 * 1000) })
      .where(eq(sessions.userId, await userIdOf(email)));

  it("keeps what was typed through a new sign-in and sends it again with one button", async () => {
    const { db } = served.database;
    const email = await withPassword(await build().colleague(ADMIN));
    const me = await signedIn(email);
    await me.get("/compte");
    await endSessionsOf(email);
    const typed = {
      intent: "profile",
      displayName: "Camille Reprise (fictif)",
      personFunction: "autre",
      functionOther: "Chargée de la coopération avec Dschang",
      password: "jamais gardé",
    };
    const sent = await me.post("/compte", typed);
    expect(sent.status).toBe(303);
    const signInPath = sent.location!;
    expect(signInPath).toMatch(/^\/connexion\?retour=%2Fconnexion%2Freprise%2F/);
    const resumePath = decodeURIComponent(signInPath.split("retour=")[1]);
    // Nothing was saved by the refused form.
    const [before] = await db.select().from(users).where(eq(users.email, email));
    expect(before.displayName).not.toBe(typed.displayName);

    // The sign-in page says why, and signing in leads to the kept form.
    expect((await me.get(signInPath)).html).toContain("Ce que vous aviez saisi est conservé");
    const signIn = await me.post("/connexion", { email, password: PASSWORD, retour: resumePath });
    expect(signIn.location).toBe(resumePath);
    const resume = await me.get(resumePath);
    expect(resume.status).toBe(200);
    expect(resume.html).toContain('action="/compte"');
    expect(resume.html).toContain('value="Chargée de la coopération avec Dschang"');
    expect(resume.html).not.toContain("jamais gardé");

    // Another browser of the same person, or another person here, cannot read it.
    expect((await (await signedIn(email)).get(resumePath)).status).toBe(404);
    const stranger = new FormClient(served.portal.baseUrl);
    await stranger.signIn(ADMIN);
    expect((await stranger.get(resumePath)).status).toBe(404);

    // The button sends it to its page, which saves it as always.
    const fields = [...resume.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)]
      .filter(([, name]) => name !== "_csrf")
      .map(([, name, value]) => [name, value.replace(/&#x27;/g, "'").replace(/&amp;/g, "&")]);
    const resent = await me.post("/compte", Object.fromEntries(fields));
    expect(resent.status).toBe(200);
    const [after] = await db.select().from(users).where(eq(users.email, email));
    expect(after).toMatchObject({
      displayName: "Camille Reprise (fictif)",
      jobTitle: "Chargée de la coopération avec Dschang",
    });
  });

  it("keeps nothing for a visitor who was never signed in, and forgets it after an hour", async () => {
    const visitor = new FormClient(served.portal.baseUrl);
    await visitor.get("/connexion");
    const refused = await visitor.post("/compte", { intent: "profile", displayName: "X" });
    expect(refused.status).toBe(401);
    // A forged session cookie is no ended session: nothing is kept, the refusal stays.
    const base = served.portal.baseUrl;
    const forged = "aect_session=invente-de-toutes-pieces";
    const opened = await fetch(`${base}/connexion`, { headers: { cookie: forged } });
    const csrfCookie = opened.headers.getSetCookie()[0].split(";")[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(await opened.text())![1];
    const before = await served.database.db.select().from(resumableSubmissions);
    const posted = await fetch(`${base}/compte`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: `${forged}; ${csrfCookie}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: token, intent: "profile", displayName: "X" }),
    });
    expect(posted.status).toBe(401);
    expect(await served.database.db.select().from(resumableSubmissions)).toHaveLength(
      before.length,
    );

    const email = await withPassword(await build().colleague(ADMIN));
    const me = await signedIn(email);
    await me.get("/compte");
    await endSessionsOf(email);
    const sent = await me.post("/compte", { intent: "profile", displayName: "Y" });
    const resumePath = decodeURIComponent(sent.location!.split("retour=")[1]);
    await served.database.db
      .update(resumableSubmissions)
      .set({ createdAt: new Date(Date.now() - 61 * 60 * 1000) });
    await me.signIn(email);
    const late = await me.get(resumePath);
    expect(late.status).toBe(404);
    expect(late.html).toContain("une heure, pour le navigateur et la personne");
  });

  it("keeps the typed fields of a form with a file, and names the file to attach again", async () => {
    const email = await withPassword(await build().colleague(ADMIN));
    const me = await signedIn(email);
    await me.get("/compte");
    await endSessionsOf(email);
    const form = new FormData();
    form.set("intent", "profile");
    form.set("displayName", "Dominique Pièce (fictif)");
    form.set("justificatif", new Blob(["a;b\n1;2\n"], { type: "text/csv" }), "budget.csv");
    const sent = await me.postMultipart("/compte", form);
    expect(sent.status).toBe(303);
    const resumePath = decodeURIComponent(sent.location!.split("retour=")[1]);
    await me.signIn(email);
    const resume = await me.get(resumePath);
    expect(resume.status).toBe(200);
    expect(resume.html).toContain('value="Dominique Pièce (fictif)"');
    expect(resume.html).toContain("joignez de nouveau « budget.csv »");
    expect(resume.html).not.toContain('name="justificatif"');
  });
});
