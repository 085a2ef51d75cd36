import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Logger } from "pino";
import { type Db, rowsOf } from "../db/client";
import { messageIdFor } from "./outbox";
import { unsealMailSecrets } from "./sealed-secrets";
import { mailAttachments, mailOutbox } from "./schema";

export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    attachments?: { filename: string; contentType: string; content: Buffer }[];
  }): Promise<unknown>;
}

export interface DeliveryOptions {
  from: string;
  batchSize?: number;
  /** How long a claimed mail stays reserved; past it, another worker may retry it. */
  leaseSeconds?: number;
  maxAttempts?: number;
}

export const createSmtpTransport = (smtpUrl: string): MailTransport =>
  nodemailer.createTransport(smtpUrl);

/**
 * Outside production without an SMTP server, mails are delivered as .eml files into a folder
 * of the server (a mail client or a text editor opens them): the demo's reset, invitation and
 * Bourse links are followed from there, never from the outbox, which keeps no secret.
 */
export function createFolderTransport(folder: string): MailTransport {
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async sendMail(message) {
      const info = (await writer.sendMail(message)) as { message: Buffer };
      await mkdir(folder, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const name = `${stamp}-${message.to.replace(/[^\w.@-]/g, "_")}.eml`;
      await writeFile(path.join(folder, name), info.message);
      return info;
    },
  };
}

/** Wait before the next try: 1, 2, 4, 8… minutes, capped at one hour. */
export const retryDelaySeconds = (attempts: number) =>
  Math.min(60 * 2 ** Math.max(0, attempts - 1), 3600);

/**
 * Delivers the mails that are due. Each is claimed with a lease (SKIP LOCKED, so several
 * workers never take the same mail), sent, then marked sent. A worker that dies between
 * sending and marking leaves the lease to expire; the mail is sent again with the same
 * Message-ID, which receiving servers use to drop the duplicate.
 */
export async function deliverDueMails(
  db: Db,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<{ sent: number; failed: number }> {
  const batchSize = options.batchSize ?? 20;
  const leaseSeconds = options.leaseSeconds ?? 120;
  const maxAttempts = options.maxAttempts ?? 8;
  const claimed = await db.execute(sql`
    UPDATE mail_outbox
       SET status = 'sending',
           attempts = attempts + 1,
           locked_until = now() + make_interval(secs => ${leaseSeconds})
     WHERE id IN (
       SELECT id FROM mail_outbox
        WHERE (status = 'pending' AND next_attempt_at <= now())
           OR (status = 'sending' AND locked_until < now())
        ORDER BY id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, idempotency_key, recipient, subject, body_text, body_html, sealed_secrets, attempts`);
  let sent = 0;
  let failed = 0;
  const claimedRows = rowsOf(claimed);
  const attachments = await attachmentsOf(
    db,
    claimedRows.map((row) => Number(row.id)),
  );
  for (const row of claimedRows) {
    const mail = {
      id: Number(row.id),
      idempotencyKey: String(row.idempotency_key),
      attempts: Number(row.attempts),
    };
    const sealed = row.sealed_secrets === null ? null : String(row.sealed_secrets);
    try {
      await transport.sendMail({
        from: options.from,
        to: String(row.recipient),
        subject: String(row.subject),
        text: unsealMailSecrets(String(row.body_text), sealed),
        html: unsealMailSecrets(String(row.body_html), sealed),
        messageId: messageIdFor(mail.idempotencyKey),
        attachments: attachments.get(mail.id),
      });
      await db
        .update(mailOutbox)
        .set({
          status: "sent",
          sentAt: new Date(),
          lockedUntil: null,
          lastError: null,
          sealedSecrets: null,
        })
        .where(eq(mailOutbox.id, mail.id));
      sent += 1;
    } catch (error) {
      const giveUp = mail.attempts >= maxAttempts;
      await db
        .update(mailOutbox)
        .set({
          status: giveUp ? "failed" : "pending",
          lockedUntil: null,
          ...(giveUp ? { sealedSecrets: null } : {}),
          lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
          nextAttemptAt: sql`now() + make_interval(secs => ${retryDelaySeconds(mail.attempts)})`,
        })
        .where(eq(mailOutbox.id, mail.id));
      failed += 1;
    }
  }
  return { sent, failed };
}

async function attachmentsOf(db: Db, mailIds: number[]) {
  const byMail = new Map<number, { filename: string; contentType: string; content: Buffer }[]>();
  if (mailIds.length === 0) return byMail;
  const rows = await db
    .select()
    .from(mailAttachments)
    .where(inArray(mailAttachments.mailId, mailIds))
    .orderBy(mailAttachments.id);
  for (const { mailId, filename, contentType, content } of rows)
    byMail.set(mailId, [...(byMail.get(mailId) ?? []), { filename, contentType, content }]);
  return byMail;
}

/** Runs deliveries on a timer until stopped; one slow run never overlaps the next. */
export function startMailWorker(
  db: Db,
  transport: MailTransport,
  options: DeliveryOptions & { intervalMs: number; logger: Logger },
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = deliverDueMails(db, transport, options)
      .then((result) => {
        if (result.sent || result.failed) options.logger.info(result, "mail outbox delivery");
      })
      .catch((error) => options.logger.error({ err: error }, "mail outbox delivery failed"));
  };
  const timer = setInterval(tick, options.intervalMs);
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
