import { serialize } from "cookie";
import { data, redirect } from "react-router";
import { SESSION_COOKIE, SESSION_TTL_MS, cookieName } from "../../src/platform/auth/sessions";
import {
  type ComparedField,
  Conflict,
  DomainError,
  Invalid,
  InvalidRows,
  type RowError,
  StaleVersion,
  TooManyRequests,
  Unauthenticated,
} from "../../src/platform/errors";
import { isSecretField } from "../../src/platform/http/secret-fields";

export type FormValues = Record<string, string | string[]>;

/** A save refused because the record changed since the form was opened. */
export interface EditConflict {
  version: number;
  changedBy: string | null;
  changedAt: Date | null;
  fields: ComparedField[];
}

/** What a form action returns on bad input: field messages, and the values typed (no passwords). */
export interface FormFailure {
  ok: false;
  message: string;
  fieldErrors: Record<string, string>;
  values: FormValues;
  conflict?: EditConflict;
  /** The bad lines of an imported file. */
  rowErrors?: RowError[];
}

function keptValues(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !isSecretField(key)));
}

/**
 * Runs a form action. Bad input becomes a 400 (429 when rate-limited) with the messages and
 * the typed values; a save on an outdated version becomes a 409 that keeps what was typed,
 * moves the form to the stored version and, with `compare`, lists where the two differ;
 * other domain errors become their HTTP status; anything else is a bug.
 */
export async function runAction<T>(
  values: FormValues,
  action: () => Promise<T>,
  compare?: (conflict: StaleVersion["current"]) => Promise<ComparedField[]>,
) {
  try {
    return await action();
  } catch (error) {
    if (error instanceof StaleVersion) {
      const { version, changedBy, changedAt } = error.current;
      const failure: FormFailure = {
        ok: false,
        message: error.message,
        fieldErrors: {},
        values: { ...keptValues(values), version: String(version) },
        conflict: {
          version,
          changedBy,
          changedAt,
          fields: compare ? await compare(error.current) : [],
        },
      };
      return data(failure, { status: error.status });
    }
    if (error instanceof Invalid || error instanceof TooManyRequests || error instanceof Conflict) {
      const failure: FormFailure = {
        ok: false,
        message: error.message,
        fieldErrors: error instanceof Conflict ? {} : error.fieldErrors,
        values: keptValues(values),
        ...(error instanceof InvalidRows ? { rowErrors: error.rows } : {}),
      };
      return data(failure, { status: error.status });
    }
    throw asResponse(error);
  }
}

/** Turns a domain error into a response an error page can show; visitors are sent to sign in. */
export function asResponse(error: unknown, request?: Request): unknown {
  if (error instanceof Unauthenticated && request) {
    const url = new URL(request.url);
    return redirect(`/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (error instanceof DomainError) return data(error.message, { status: error.status });
  return error;
}

/** Runs a loader's domain call, mapping domain errors to responses. */
export async function guard<T>(request: Request, load: () => Promise<T> | T): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw asResponse(error, request);
  }
}

export function sessionCookie(token: string, secure: boolean): string {
  return serialize(cookieName(SESSION_COOKIE, secure), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export const clearedSessionCookie = (secure: boolean) =>
  serialize(cookieName(SESSION_COOKIE, secure), "", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: 0,
  });

/**
 * Only same-site paths are accepted as a return address after sign-in: the value is read as
 * a browser would (which drops tabs and line feeds, and takes "\\" for "/") and must stay on
 * the portal; anything else, or any control character, returns to "Mon compte".
 */
export function safeReturnPath(value: string | null | undefined): string {
  // After sign-in a person lands on Mon espace, where their tasks are.
  const fallback = "/mon-espace";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are refused.
  if (!value?.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const base = "http://portail.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
