import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../tests/support/database";
import { linkIn, startSmtpServer } from "../../../tests/support/smtp";
import { enqueueMail, messageIdFor } from "./outbox";
import { mailOutbox } from "./schema";
import {
  createFolderTransport,
  createSmtpTransport,
  deliverDueMails,
  startMailWorker,
} from "./worker";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());
afterEach(async () => {
  await database.db.delete(mailOutbox);
});

const mail = (key: string, to = "destinataire@example.org") => ({
  idempotencyKey: key,
  template: "test",
  to,
  subject: "Objet de test",
  text: "Bonjour",
  html: "<p>Bonjour</p>",
});
const from = "Portail AECT <ne-pas-repondre@example.org>";

describe("mail outbox", () => {
  it("writes nothing when the causing transaction rolls back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueMail(tx, mail("rollback"));
        throw new Error("change refused");
      }),
    ).rejects.toThrow("change refused");
    expect(await database.db.select().from(mailOutbox)).toHaveLength(0);
  });

  it("stores a mail once per idempotency key", async () => {
    await enqueueMail(database.db, mail("same-key"));
    await enqueueMail(database.db, mail("same-key"));
    expect(await database.db.select().from(mailOutbox)).toHaveLength(1);
  });

  it("keeps a secret link out of storage and puts it back only in the delivered mail", async () => {
    const smtp = await startSmtpServer();
    const token = "Abcdefghijklmnopqrstuvwxyz0123456789_-AB";
    try {
      await enqueueMail(database.db, {
        ...mail("secret-1", "personne@example.org"),
        text: `Suivez https://portail.example.org/mot-de-passe/nouveau/${token} pour choisir.`,
        html: `<a href="https://portail.example.org/mot-de-passe/nouveau/${token}">Choisir</a>`,
      });
      const [stored] = await database.db.select().from(mailOutbox);
      expect(JSON.stringify(stored)).not.toContain(token);
      expect(stored.bodyText).toContain("/mot-de-passe/nouveau/[[secret-0]]");
      await deliverDueMails(database.db, createSmtpTransport(smtp.url), { from });
      const received = await smtp.waitFor("personne@example.org");
      expect(linkIn(received, "/mot-de-passe/nouveau/")).toContain(token);
      // Once delivered, even the sealed copy is gone.
      const [delivered] = await database.db.select().from(mailOutbox);
      expect(delivered.sealedSecrets).toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it("writes mails as .eml files in a folder when no SMTP server is set (demo)", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "courriels-"));
    await enqueueMail(database.db, mail("folder-1", "demo@example.org"));
    const result = await deliverDueMails(database.db, createFolderTransport(folder), { from });
    expect(result).toEqual({ sent: 1, failed: 0 });
    const [file] = await readdir(folder);
    expect(file).toMatch(/demo@example\.org\.eml$/);
    const content = await readFile(path.join(folder, file), "utf8");
    expect(content).toContain("Subject: Objet de test");
    await rm(folder, { recursive: true });
  });

  it("delivers through a real SMTP server with a Message-ID derived from the key", async () => {
    const smtp = await startSmtpServer();
    try {
      await enqueueMail(database.db, mail("deliver-1", "agent@example.org"));
      const result = await deliverDueMails(database.db, createSmtpTransport(smtp.url), { from });
      expect(result).toEqual({ sent: 1, failed: 0 });
      const received = await smtp.waitFor("agent@example.org");
      expect(received.messageId).toBe(messageIdFor("deliver-1"));
      const [row] = await database.db.select().from(mailOutbox);
      expect(row.status).toBe("sent");
      expect(row.sentAt).not.toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it("retries later when the server refuses, then delivers", async () => {
    const smtp = await startSmtpServer({ failFirst: 1 });
    try {
      await enqueueMail(database.db, mail("retry-1", "retry@example.org"));
      const transport = createSmtpTransport(smtp.url);
      expect(await deliverDueMails(database.db, transport, { from })).toEqual({
        sent: 0,
        failed: 1,
      });
      const [failed] = await database.db.select().from(mailOutbox);
      expect(failed).toMatchObject({ status: "pending", attempts: 1 });
      expect(failed.lastError).toMatch(/451|indisponible/);
      // Not due yet: nothing is sent before the retry delay.
      expect(await deliverDueMails(database.db, transport, { from })).toEqual({
        sent: 0,
        failed: 0,
      });
      await database.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) });
      expect(await deliverDueMails(database.db, transport, { from })).toEqual({
        sent: 1,
        failed: 0,
      });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it("never lets two workers send the same mail", async () => {
    const smtp = await startSmtpServer();
    try {
      for (let n = 0; n < 10; n += 1)
        await enqueueMail(database.db, mail(`parallel-${n}`, `p${n}@example.org`));
      const transport = createSmtpTransport(smtp.url);
      const results = await Promise.all([
        deliverDueMails(database.db, transport, { from, batchSize: 10 }),
        deliverDueMails(database.db, transport, { from, batchSize: 10 }),
      ]);
      expect(results[0].sent + results[1].sent).toBe(10);
      expect(smtp.received).toHaveLength(10);
      expect(new Set(smtp.received.map((received) => received.messageId)).size).toBe(10);
    } finally {
      await smtp.close();
    }
  });

  it("sends again, with the same Message-ID, a mail whose worker died before marking it sent", async () => {
    const smtp = await startSmtpServer();
    try {
      await enqueueMail(database.db, mail("crash-1", "crash@example.org"));
      // A worker claimed the mail, then crashed: the row stays 'sending' until its lease expires.
      await database.db
        .update(mailOutbox)
        .set({ status: "sending", attempts: 1, lockedUntil: sql`now() - interval '1 second'` })
        .where(eq(mailOutbox.idempotencyKey, "crash-1"));
      expect(await deliverDueMails(database.db, createSmtpTransport(smtp.url), { from })).toEqual({
        sent: 1,
        failed: 0,
      });
      expect((await smtp.waitFor("crash@example.org")).messageId).toBe(messageIdFor("crash-1"));
    } finally {
      await smtp.close();
    }
  });

  it("runs as a background worker until stopped", async () => {
    const smtp = await startSmtpServer();
    const worker = startMailWorker(database.db, createSmtpTransport(smtp.url), {
      from,
      intervalMs: 50,
      logger: pino({ level: "silent" }),
    });
    try {
      await enqueueMail(database.db, mail("worker-1", "worker@example.org"));
      await smtp.waitFor("worker@example.org");
    } finally {
      await worker.stop();
      await smtp.close();
    }
  });
});
