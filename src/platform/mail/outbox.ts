import { createHash } from "node:crypto";
import type { Queryable } from "../db/client";
import type { PageLanguage } from "../i18n/languages";
import { portalTexts } from "../i18n/portal-texts";
import { sealMailSecrets } from "./sealed-secrets";
import { mailAttachments, mailOutbox } from "./schema";

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface OutgoingMail extends MailContent {
  /** Same key, same mail: enqueueing twice (a retried request) stores it once. */
  idempotencyKey: string;
  template: string;
  to: string;
  attachments?: MailAttachment[];
}

/** Writes a mail to the outbox; call it inside the transaction of the change causing it. */
export async function enqueueMail(q: Queryable, mail: OutgoingMail): Promise<void> {
  const { texts, sealed } = sealMailSecrets({ text: mail.text, html: mail.html });
  const [stored] = await q
    .insert(mailOutbox)
    .values({
      idempotencyKey: mail.idempotencyKey,
      template: mail.template,
      recipient: mail.to,
      subject: mail.subject,
      bodyText: texts.text,
      bodyHtml: texts.html,
      sealedSecrets: sealed,
    })
    .onConflictDoNothing({ target: mailOutbox.idempotencyKey })
    .returning({ id: mailOutbox.id });
  if (stored && mail.attachments?.length)
    await q
      .insert(mailAttachments)
      .values(mail.attachments.map((file) => ({ ...file, mailId: stored.id })));
}

/** A stable Message-ID: a redelivery after a crash carries the same one as the first try. */
export function messageIdFor(idempotencyKey: string): string {
  const digest = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32);
  return `<${digest}@portail-aect.outbox>`;
}

const escapes: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => escapes[char]);

/** The closing line of every mail of the portal. */
export const PORTAL_MAIL_FOOTER = portalTexts("fr")("mail.footer");

/** A plain, accessible HTML mail from paragraphs and an optional call-to-action link. */
export function simpleMail(input: {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
  /** The language of the mail (a foreign author's), French by default. */
  lang?: string;
}): MailContent {
  const text = [
    input.greeting,
    "",
    ...input.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(input.action ? [`${input.action.label} : ${input.action.url}`, ""] : []),
    input.footer,
  ].join("\n");
  const html = [
    `<!doctype html><html lang="${escapeHtml(input.lang ?? "fr")}"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head><body>`,
    `<p>${escapeHtml(input.greeting)}</p>`,
    ...input.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    input.action
      ? `<p><a href="${escapeHtml(input.action.url)}">${escapeHtml(input.action.label)}</a></p>`
      : "",
    `<p>${escapeHtml(input.footer)}</p>`,
    "</body></html>",
  ].join("");
  return { subject: input.subject, text, html };
}

/** A mail in a reader's language: its greeting, the paragraphs, one action, the portal's footer. */
export function mailIn(
  lang: PageLanguage,
  subject: string,
  paragraphs: string[],
  action: { label: string; url: string },
): MailContent {
  const t = portalTexts(lang);
  return simpleMail({
    subject,
    greeting: t("mail.greeting"),
    paragraphs,
    action,
    footer: t("mail.footer"),
    lang,
  });
}

/** A mail to a French reader: "Bonjour,", the paragraphs, one action and the portal's footer. */
export const frenchMail = (
  subject: string,
  paragraphs: string[],
  action: { label: string; url: string },
) => mailIn("fr", subject, paragraphs, action);
