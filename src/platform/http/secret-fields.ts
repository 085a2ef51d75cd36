/**
 * Fields whose value never goes back into a page or into storage: passwords, their
 * confirmation, tokens and the CSRF field. A form returned with its errors, or kept while its
 * author signs in again, leaves them out.
 */
export const isSecretField = (name: string) => /password|confirmation|token|_csrf/i.test(name);
