import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor } from "../../../tests/support/actors";
import { type TestDatabase, openTestDatabase } from "../../../tests/support/database";
import { startSmtpServer } from "../../../tests/support/smtp";
import type { SignedInActor } from "../../platform/auth/actor";
import { rowsOf } from "../../platform/db/client";
import { Conflict, Forbidden, Invalid, InvalidRows } from "../../platform/errors";
import { mailOutbox } from "../../platform/mail/schema";
import { createSmtpTransport, deliverDueMails } from "../../platform/mail/worker";
import {
  addLine,
  apdTotals,
  declarationView,
  defaultCampaignValues,
  hasDeclared,
  importLines,
  openApdCampaign,
  reviewDeclaration,
  runCampaignSteps,
  setNilDeclaration,
  startDeclaration,
  submitDeclaration,
} from "./index";

const URL = "http://portail.test";
let database: TestDatabase;
let daect: SignedInActor;
let rennesAgent: SignedInActor;
let rennesId = 0;
let declarationId = 0;
const goodLine = {
  recipientCode: "SN",
  purposeCode: "14030",
  amount: "12 500,50",
  flow: "don",
  channel: "ong",
  description: "Forage à Dakar",
};
const version = async () =>
  String((await declarationView(database.db, rennesAgent, declarationId)).declaration.version);

beforeAll(async () => {
  database = await openTestDatabase();
  daect = await actorFor(database.db, "daect@example.org");
  rennesAgent = await actorFor(database.db, "agent-35238@example.org");
  [{ id: rennesId }] = rowsOf<{ id: number }>(
    await database.db.execute(
      sql`SELECT id FROM register_collectivites WHERE unit_id = 'commune:35238'`,
    ),
  );
  // The 2019 campaign opens today and closes in 30 days: the opening mail is due at once.
  const today = new Date();
  await openApdCampaign(
    database.db,
    daect,
    {
      year: "2019",
      opensOn: today.toISOString().slice(0, 10),
      closesOn: new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
      message: "",
    },
    URL,
    today,
  );
  declarationId = await startDeclaration(database.db, rennesAgent, rennesId, 2019);
});
afterAll(() => database.close());

const mailsOf = async (template: string) =>
  database.db.select().from(mailOutbox).where(eq(mailOutbox.template, template));

describe("a declaration line", () => {
  it("refuses a country that is not on the DAC list, naming the field", async () => {
    const error = await addLine(database.db, rennesAgent, declarationId, {
      ...goodLine,
      recipientCode: "DE",
      version: await version(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fieldErrors.recipientCode).toMatch(/liste CAD/);
  });

  it("refuses negative, malformed or zero amounts and unknown sector codes", async () => {
    for (const [values, field, message] of [
      [{ amount: "-500" }, "amount", /supérieur à zéro/],
      [{ amount: "12,5,0" }, "amount", /montant en euros/],
      [{ amount: "0" }, "amount", /supérieur à zéro/],
      [{ purposeCode: "99999" }, "purposeCode", /code-objet CAD/],
    ] as const) {
      const error = await addLine(database.db, rennesAgent, declarationId, {
        ...goodLine,
        ...values,
        version: await version(),
      }).catch((e: unknown) => e);
      expect((error as Invalid).fieldErrors[field]).toMatch(message);
    }
    expect((await declarationView(database.db, rennesAgent, declarationId)).lines).toHaveLength(0);
  });

  it("keeps the amount exactly, in cents", async () => {
    await addLine(database.db, rennesAgent, declarationId, {
      ...goodLine,
      version: await version(),
    });
    const view = await declarationView(database.db, rennesAgent, declarationId);
    expect(view.lines.map((line) => line.amountCents)).toEqual([1_250_050]);
  });

  it("refuses a change made on an outdated version", async () => {
    const error = await addLine(database.db, rennesAgent, declarationId, {
      ...goodLine,
      version: "1",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
  });

  it("is refused to an agent of another collectivité", async () => {
    const other = await actorFor(database.db, "agent-243500139@example.org");
    await expect(declarationView(database.db, other, declarationId)).rejects.toBeInstanceOf(
      Forbidden,
    );
  });
});

describe("importing lines", () => {
  const csv = (rows: string[]) =>
    Buffer.from(
      `pays;code_secteur;montant;type_flux;canal;projet_atlas;description\n${rows.join("\n")}\n`,
    );

  it("imports nothing when one line is bad, and lists every bad line", async () => {
    const before = (await declarationView(database.db, rennesAgent, declarationId)).lines.length;
    const error = await importLines(
      database.db,
      rennesAgent,
      declarationId,
      {
        name: "lignes.csv",
        content: csv([
          "Sénégal;14030;1000;don;direct;;Puits",
          "Allemagne;14030;1000;don;direct;;",
          "MG;31120;-3;prêt;ong;;",
        ]),
      },
      { replace: false, version: await version() },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRows);
    expect((error as InvalidRows).rows).toEqual([
      expect.objectContaining({ line: 3, column: "pays" }),
      expect.objectContaining({ line: 4, column: "montant" }),
    ]);
    expect((await declarationView(database.db, rennesAgent, declarationId)).lines).toHaveLength(
      before,
    );
  });

  it("imports a clean file, names and labels accepted", async () => {
    const result = await importLines(
      database.db,
      rennesAgent,
      declarationId,
      {
        name: "lignes.csv",
        content: csv(["Sénégal;14030;1000;don;direct;;Puits", "MG;31120;250,25;Prêt;ong;;"]),
      },
      { replace: true, version: await version() },
    );
    expect(result.imported).toBe(2);
    const view = await declarationView(database.db, rennesAgent, declarationId);
    expect(view.lines.map((line) => [line.recipientCode, line.amountCents, line.flow])).toEqual([
      ["SN", 100_000, "don"],
      ["MG", 25_025, "pret"],
    ]);
  });
});

describe("the campaign form's starting values", () => {
  it("propose last year's spending from 1 May to 30 June, and never a deadline already past", () => {
    expect(defaultCampaignValues(new Date("2026-02-10T09:00:00Z"))).toMatchObject({
      year: "2025",
      opensOn: "2026-05-01",
      closesOn: "2026-06-30",
    });
    expect(defaultCampaignValues(new Date("2026-06-10T09:00:00Z"))).toMatchObject({
      opensOn: "2026-06-10",
      closesOn: "2026-06-30",
    });
    expect(defaultCampaignValues(new Date("2026-11-23T09:00:00Z"))).toMatchObject({
      year: "2025",
      opensOn: "2026-11-23",
      closesOn: "2027-01-23",
    });
  });
});

describe("campaign mails", () => {
  it("sends the opening mail once, and each reminder once, across restarts", async () => {
    const opened = (await mailsOf("apd-campaign-opened")).length;
    expect(opened).toBeGreaterThan(4_000);
    const closesOn = (await declarationView(database.db, rennesAgent, declarationId)).campaign
      .closesOn;
    const day = (offset: number) =>
      new Date(Date.parse(`${closesOn}T10:00:00Z`) - offset * 86_400_000);
    // A restarted worker on the opening day sends nothing more.
    expect(await runCampaignSteps(database.db, URL, new Date())).toEqual([]);
    const first = await runCampaignSteps(database.db, URL, day(15));
    expect(first.map((step) => step.step)).toEqual(["reminder-15"]);
    const reminded15 = (await mailsOf("apd-reminder")).length;
    expect(reminded15).toBeGreaterThan(4_000);
    expect(await runCampaignSteps(database.db, URL, day(14))).toEqual([]);
    expect((await mailsOf("apd-reminder")).length).toBe(reminded15);
    expect((await runCampaignSteps(database.db, URL, day(3))).map((s) => s.step)).toEqual([
      "reminder-3",
    ]);
    expect(await runCampaignSteps(database.db, URL, day(2))).toEqual([]);
    const keys = (await mailsOf("apd-reminder")).map((mail) => mail.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect((await mailsOf("apd-campaign-opened")).length).toBe(opened);
    // Members are sent to their declarations; a collectivité nobody has an account in, to the
    // access request with it chosen.
    const mails = await mailsOf("apd-campaign-opened");
    const toRennes = mails.find((mail) => mail.recipient === "agent-35238@example.org");
    expect(toRennes?.bodyText).toContain(`${URL}/apd/collectivites/`);
    const toMemberless = mails.filter((mail) =>
      mail.bodyText.includes("/inscription?groupe=collectivite&organisation=collectivite:"),
    );
    expect(toMemberless.length).toBeGreaterThan(4_000);
    expect(toMemberless.every((mail) => !mail.bodyText.includes("/apd/collectivites/"))).toBe(true);
  });
});

describe("submission, receipt and review", () => {
  it("mails the receipt with its PDF over SMTP, counts the lines, and the DAECT reviews", async () => {
    const smtp = await startSmtpServer();
    try {
      await database.db.execute(
        sql`UPDATE mail_outbox SET status = 'held' WHERE status = 'pending'`,
      );
      const submitted = await submitDeclaration(
        database.db,
        rennesAgent,
        declarationId,
        await version(),
        URL,
      );
      expect(submitted.number).toBe(1);
      expect(await hasDeclared(database.db, rennesId, 2019)).toBe(true);
      const totals = await apdTotals(database.db, { year: 2019, groupBy: "country" });
      expect(totals.totalCents).toBe(125_025);
      await deliverDueMails(database.db, createSmtpTransport(smtp.url), {
        from: "portail@example.org",
      });
      const receipt = smtp.received.find((mail) => mail.to.includes("agent-35238@example.org"));
      expect(receipt?.subject).toMatch(/Accus/);
      expect(receipt?.raw).toMatch(/Content-Type: application\/pdf/);
      expect(receipt?.raw).toContain(`accuse-reception-${submitted.reference}.pdf`);

      await expect(
        reviewDeclaration(database.db, daect, declarationId, { decision: "return" }, URL),
      ).rejects.toBeInstanceOf(Invalid);
      await reviewDeclaration(
        database.db,
        daect,
        declarationId,
        {
          decision: "return",
          comment: "Le montant du forage semble incomplet.",
          version: await version(),
        },
        URL,
      );
      expect(await hasDeclared(database.db, rennesId, 2019)).toBe(false);
      expect((await apdTotals(database.db, { year: 2019, groupBy: "country" })).totalCents).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it("accepts a déclaration néant only without lines", async () => {
    const error = await setNilDeclaration(database.db, rennesAgent, declarationId, {
      isNil: "on",
      version: await version(),
    }).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors.isNil).toMatch(/supprimez-les/);
  });
});

describe("the summed statistics", () => {
  it("equal the counted lines in every grouping after submissions, amendments and returns", async () => {
    const keys = {
      year: sql`l.year::text`,
      country: sql`l.recipient_code`,
      sector: sql`l.purpose_code`,
      collectivite: sql`l.collectivite_id::text`,
      region: sql`coalesce(c.region_code, '')`,
      departement: sql`coalesce(c.departement_code, '')`,
      collectiviteKind: sql`c.kind`,
    };
    for (const [groupBy, key] of Object.entries(keys)) {
      const fromLines = rowsOf<{ key: string; amount: string }>(
        await database.db.execute(sql`
          SELECT ${key} AS key, sum(l.amount_cents)::bigint AS amount
            FROM apd_submission_lines l JOIN register_collectivites c ON c.id = l.collectivite_id
           WHERE l.counted GROUP BY 1`),
      );
      const totals = await apdTotals(database.db, {
        year: null,
        groupBy: groupBy as keyof typeof keys,
      });
      const expected = Object.fromEntries(fromLines.map((row) => [row.key, Number(row.amount)]));
      const actual = Object.fromEntries(totals.rows.map((row) => [row.key, row.amountCents]));
      expect(actual, groupBy).toEqual(expected);
    }
  });
});
