import { and, eq, lt } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { isSecretField } from "../http/secret-fields";
import { resumableSubmissions, sessions } from "./schema";
import { hashToken, newToken } from "./tokens";

export { RESUME_PATH } from "./resume-path";

/** How long what was typed waits for its author to sign in again. */
export const RESUMABLE_MS = 60 * 60 * 1000;
/** Forms larger than this (typed text, not files) are not kept: request bodies are bounded. */
const MAX_KEPT_CHARACTERS = 256 * 1024;
const MAX_KEPT_FIELDS = 2_000;

export interface ResumableSubmission {
  path: string;
  fields: [name: string, value: string][];
  droppedFiles: string[];
}

/** A form's typed entries and the names of its files: what may be kept of it, no more. */
export interface TypedForm {
  fields: [name: string, value: string][];
  files: string[];
}

/** Reads the typed part of a form, so that its files are not held while the page answers. */
export function typedPart(form: FormData): TypedForm {
  const typed: TypedForm = { fields: [], files: [] };
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") typed.fields.push([name, value]);
    else if (value.size > 0) typed.files.push(value.name || name);
  }
  return typed;
}

/**
 * Keeps a form sent after its author's session ended, and returns the token of the page
 * that sends it again; null when there is nothing to keep or too much. Passwords, tokens
 * and files are never kept: the page names the files to attach again. Only for a session
 * that really existed and ended less than a day ago.
 */
export async function keepSubmission(
  q: Queryable,
  input: { browser: string; endedSession: string; path: string; typed: TypedForm },
  now = new Date(),
): Promise<string | null> {
  const fields = input.typed.fields.filter(([name]) => !isSecretField(name));
  const characters = fields.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
  if (fields.length === 0 || fields.length > MAX_KEPT_FIELDS || characters > MAX_KEPT_CHARACTERS)
    return null;
  // Only a session that existed: a forged cookie makes nothing stored.
  const [ended] = await q
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(eq(sessions.idHash, hashToken(input.endedSession)));
  if (!ended?.userId) return null;
  const token = newToken();
  await q.insert(resumableSubmissions).values({
    tokenHash: hashToken(token),
    browserHash: hashToken(input.browser),
    userId: ended.userId,
    path: input.path,
    fields,
    droppedFiles: input.typed.files,
    createdAt: now,
  });
  return token;
}

/**
 * What was kept under this token, for the same browser and the same person; null when it is
 * unknown, older than an hour, or someone else's.
 */
export async function resumableSubmission(
  q: Queryable,
  input: { token: string; browser: string | undefined; userId: number },
  now = new Date(),
): Promise<ResumableSubmission | null> {
  if (!input.browser) return null;
  const [kept] = await q
    .select()
    .from(resumableSubmissions)
    .where(
      and(
        eq(resumableSubmissions.tokenHash, hashToken(input.token)),
        eq(resumableSubmissions.browserHash, hashToken(input.browser)),
      ),
    );
  if (!kept || now.getTime() - kept.createdAt.getTime() > RESUMABLE_MS) return null;
  if (kept.userId !== input.userId) return null;
  return { path: kept.path, fields: kept.fields, droppedFiles: kept.droppedFiles };
}

/** Removes what waited longer than an hour (run with the platform's other purges). */
export async function purgeResumableSubmissions(q: Queryable, now = new Date()) {
  const removed = await q
    .delete(resumableSubmissions)
    .where(lt(resumableSubmissions.createdAt, new Date(now.getTime() - RESUMABLE_MS)))
    .returning({ tokenHash: resumableSubmissions.tokenHash });
  return removed.length;
}
