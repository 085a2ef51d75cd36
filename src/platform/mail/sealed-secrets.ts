import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { sessionSecretOf } from "../config";
import { secretLinkTokens } from "../http/secret-links";

/**
 * A mail's secret links (a password reset, an invitation, a Bourse author's private link)
 * are never stored readable: the outbox keeps the body with a placeholder in place of each
 * token, and the tokens sealed with a key derived from SESSION_SECRET, which the database does
 * not hold. The worker unseals them only to deliver the mail, then forgets them.
 */
const placeholder = (index: number) => `[[secret-${index}]]`;
const PLACEHOLDERS = /\[\[secret-(\d+)\]\]/g;

/** What a reader of the outbox sees in place of a secret. */
export const HIDDEN_SECRET = "(lien personnel, remis au seul destinataire)";

const key = () =>
  createHash("sha256")
    .update(`mail-secrets:${sessionSecretOf(process.env)}`)
    .digest();

/** The texts with their secret tokens replaced by placeholders, and the tokens sealed. */
export function sealMailSecrets<T extends Record<string, string>>(
  texts: T,
): { texts: T; sealed: string | null } {
  const secrets: string[] = [];
  const hide = (text: string) =>
    text.replace(secretLinkTokens(), (_match, prefix: string, token: string) => {
      let index = secrets.indexOf(token);
      if (index === -1) index = secrets.push(token) - 1;
      return `${prefix}${placeholder(index)}`;
    });
  const hidden = Object.fromEntries(
    Object.entries(texts).map(([name, text]) => [name, hide(text)]),
  ) as T;
  if (secrets.length === 0) return { texts: hidden, sealed: null };
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  const sealed = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
  return { texts: hidden, sealed: sealed.join(".") };
}

/** The text as delivered: placeholders filled from the sealed tokens. */
export function unsealMailSecrets(text: string, sealed: string | null): string {
  if (!sealed) return withSecretsHidden(text);
  const [iv, tag, body] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  const secrets = JSON.parse(
    Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8"),
  ) as string[];
  return text.replace(PLACEHOLDERS, (_match, index: string) => secrets[Number(index)] ?? "");
}

/** The text as a reader of the outbox sees it. */
export const withSecretsHidden = (text: string) => text.replace(PLACEHOLDERS, HIDDEN_SECRET);
