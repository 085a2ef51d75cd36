/**
 * Pages opened from a mailed one-time or private link: the token in their path is a key.
 * Mails keep such tokens out of storage (platform/mail/sealed-secrets) and these pages are
 * never stored by a browser or a proxy.
 */
const SECRET_LINK_PREFIXES = [
  "mot-de-passe/nouveau",
  "invitation",
  "bourse/suivi",
  "inscription/confirmer",
  "compte/adresse",
  "connexion/proconnect/lier",
];

const prefixes = SECRET_LINK_PREFIXES.map((prefix) => prefix.replace("/", "\\/")).join("|");

const SECRET_LINK_PATH = new RegExp(`^\\/(${prefixes})\\/`);

/** A path served from a secret link (asked for every page: the pattern is built once). */
export const isSecretLinkPath = (pathname: string) => SECRET_LINK_PATH.test(pathname);

/** In a text: a secret link's path prefix (group 1) and its token (group 2). */
export const secretLinkTokens = () => new RegExp(`(\\/(?:${prefixes})\\/)([\\w-]{16,})`, "g");
