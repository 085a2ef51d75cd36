import { unsealMailSecrets } from "../../src/platform/mail/sealed-secrets";

/**
 * A queued mail's text as its recipient receives it (the worker's own unsealing): what a test
 * does in place of a mailbox when no SMTP server is involved.
 */
export const deliveredText = (mail: { bodyText: string; sealedSecrets: string | null }) =>
  unsealMailSecrets(mail.bodyText, mail.sealedSecrets);
