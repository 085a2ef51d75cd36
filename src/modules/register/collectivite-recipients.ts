import { type SQL, sql } from "drizzle-orm";
import { insertInChunks } from "../../platform/db/bulk";
import { type Queryable, type Tx, rowsOf } from "../../platform/db/client";
import type { MailContent } from "../../platform/mail/outbox";
import { mailOutbox } from "../../platform/mail/schema";

export interface CollectiviteRecipient {
  collectivite_id: number;
  name: string;
  emails: string[];
  /** Whether anyone has an account in its organisation (else the mail goes to its contact). */
  has_members: boolean;
}

/** The access request, with the collectivité already chosen. */
export const accessRequestPath = (collectiviteId: number) =>
  `/inscription?groupe=collectivite&organisation=collectivite:${collectiviteId}`;

/**
 * The button of a mail to a collectivité: the page where its members act; for a
 * collectivité nobody has an account in yet, the access request with it chosen, and a
 * sentence telling why ("connectez-vous" would lead nowhere).
 */
export function collectiviteAction(
  recipient: CollectiviteRecipient,
  publicUrl: string,
  action: { label: string; path: string },
): { action: { label: string; url: string }; notice: string | null } {
  if (recipient.has_members)
    return { action: { label: action.label, url: `${publicUrl}${action.path}` }, notice: null };
  return {
    action: {
      label: "Demander un accès au portail",
      url: `${publicUrl}${accessRequestPath(recipient.collectivite_id)}`,
    },
    notice: `Personne n'a encore de compte sur le Portail AECT pour ${recipient.name} : le bouton ci-dessous ouvre la demande d'accès, la collectivité déjà choisie. Une fois la demande validée (par la DAECT ou la préfecture de région), vous pourrez agir en son nom.`,
  };
}

/**
 * Who receives the mails meant for a collectivité: the active members of its organisation
 * and its contact address. `which` is a condition on `c` (the register's collectivités).
 */
export async function collectiviteRecipients(q: Queryable, which: SQL) {
  return rowsOf<CollectiviteRecipient>(
    await q.execute(sql`
      SELECT c.id AS collectivite_id, c.name,
             array_remove(array_agg(DISTINCT lower(u.email)) || lower(c.contact_email), NULL) AS emails,
             count(u.id) > 0 AS has_members
        FROM register_collectivites c
        LEFT JOIN memberships m ON m.organisation_id = c.organisation_id
        LEFT JOIN users u ON u.id = m.user_id AND u.is_active
       WHERE c.replaced_by_id IS NULL AND (${which})
       GROUP BY c.id`),
  );
}

/** Outbox rows, one per distinct address of each collectivité, keyed for idempotency. */
function collectiviteMailRows(
  list: CollectiviteRecipient[],
  key: (collectiviteId: number, email: string) => string,
  template: string,
  render: (recipient: CollectiviteRecipient) => MailContent,
) {
  return list.flatMap((recipient) => {
    const mail = render(recipient);
    return [...new Set(recipient.emails)].map((email) => ({
      idempotencyKey: key(recipient.collectivite_id, email),
      template,
      recipient: email,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html,
    }));
  });
}

/**
 * A campaign mailed to collectivités (Atlas update campaigns, e-APD campaign steps): one
 * mail per distinct address of each collectivité matching `which`, written in the caller's
 * transaction. Returns how many collectivités were written to.
 */
export async function mailCollectivites(
  tx: Tx,
  which: SQL,
  mail: {
    key: (collectiviteId: number, email: string) => string;
    template: string;
    render: (recipient: CollectiviteRecipient) => MailContent;
  },
): Promise<number> {
  const list = await collectiviteRecipients(tx, which);
  await insertInChunks(
    tx,
    mailOutbox,
    collectiviteMailRows(list, mail.key, mail.template, mail.render),
  );
  return list.length;
}
