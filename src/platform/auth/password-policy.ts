/** Shared by forms (hints) and the server (validation); holds no server-only code. */
export const MIN_PASSWORD_LENGTH = 12;
