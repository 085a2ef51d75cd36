import {
  bigint,
  bigserial,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { bytea } from "../db/types";

export const outboxStatuses = ["pending", "sending", "sent", "failed", "held"] as const;

/**
 * Mails are written here in the transaction of the change that causes them, then
 * delivered by the worker. The idempotency key makes a repeated enqueue a no-op, and
 * becomes the Message-ID so a retried delivery is recognisable by the receiver.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    idempotencyKey: text("idempotency_key").notNull(),
    template: text("template").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html").notNull(),
    /** The secret tokens of the body, sealed (sealed-secrets.ts); emptied once delivered. */
    sealedSecrets: text("sealed_secrets"),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("mail_outbox_idempotency_key").on(table.idempotencyKey),
    index("mail_outbox_due_idx").on(table.status, table.nextAttemptAt),
  ],
);

/** Files sent with a mail (an acknowledgement of receipt as PDF), stored with it. */
export const mailAttachments = pgTable(
  "mail_attachments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    mailId: bigint("mail_id", { mode: "number" })
      .notNull()
      .references(() => mailOutbox.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
  },
  (table) => [index("mail_attachments_mail_idx").on(table.mailId)],
);
