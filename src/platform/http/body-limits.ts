import { MAX_OPINION_ATTACHMENT_BYTES } from "../consultation/verdicts";
import { MAX_IMPORT_BYTES } from "../files/read-table-file";

/**
 * How many bytes a request body may hold, by route, checked while the body arrives and
 * before anything parses it. Forms are small; only the routes that take files accept more,
 * each up to what its files may weigh plus the form around them.
 */
const MB = 1024 * 1024;

export const FORM_BODY_LIMIT = 1 * MB;

/** Bourse attachments: five files of 10 Mo. */
export const BOURSE_UPLOAD_BODY_LIMIT = 5 * 10 * MB + FORM_BODY_LIMIT;
/** An opinion's document: one file of 10 Mo. */
export const OPINION_UPLOAD_BODY_LIMIT = MAX_OPINION_ATTACHMENT_BYTES + FORM_BODY_LIMIT;
/** Table imports (Atlas, e-APD): one file of their own limit. */
export const TABLE_UPLOAD_BODY_LIMIT = MAX_IMPORT_BYTES + FORM_BODY_LIMIT;

const uploadRoutes: [RegExp, number][] = [
  [/^\/bourse\/demandes\/(nouvelle|\d+)$/, BOURSE_UPLOAD_BODY_LIMIT],
  [/^\/bourse\/suivi\/[^/]+$/, BOURSE_UPLOAD_BODY_LIMIT],
  [/^\/bourse\/offres\/\d+$/, OPINION_UPLOAD_BODY_LIMIT],
  [/^\/admin\/imports$/, TABLE_UPLOAD_BODY_LIMIT],
  [/^\/apd\/declarations\/\d+$/, TABLE_UPLOAD_BODY_LIMIT],
];

/** The body limit of a path (a page's `.data` twin has the page's limit). */
export function bodyLimitFor(pathname: string): number {
  const path = pathname.replace(/\.data$/, "").replace(/\/+$/, "") || "/";
  for (const [pattern, limit] of uploadRoutes) if (pattern.test(path)) return limit;
  return FORM_BODY_LIMIT;
}

export const megabytes = (bytes: number) => Math.round(bytes / MB);
