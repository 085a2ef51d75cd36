import { countOf } from "./french/counts";
import { portalTexts } from "./i18n/portal-texts";
/** Typed domain errors; the web layer maps each to one HTTP status and a DSFR message. */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly status: number = 500;
}

export class NotFound extends DomainError {
  readonly status = 404;
  constructor(message = "La page ou la ressource demandée n'existe pas.") {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly status = 403;
  constructor(message = "Vous n'avez pas les droits nécessaires pour cette action.") {
    super(message);
  }
}

export class Unauthenticated extends DomainError {
  readonly status = 401;
  constructor(message = "Connectez-vous pour accéder à cette page.") {
    super(message);
  }
}

/** Bad input: one French message per field, shown next to the field. */
export class Invalid extends DomainError {
  readonly status = 400;
  constructor(
    readonly fieldErrors: FieldErrors,
    message = portalTexts("fr")("form.invalid"),
  ) {
    super(message);
  }
}

/** One bad line of an imported file. */
export interface RowError {
  line: number;
  column: string;
  message: string;
}

/** A file with bad lines: nothing was imported, every bad line is listed. */
export class InvalidRows extends Invalid {
  constructor(readonly rows: RowError[]) {
    const lines = new Set(rows.map((row) => row.line)).size;
    super(
      {
        fichier: `${countOf(lines, "ligne", "lignes", "f")} du fichier ${lines > 1 ? "contiennent" : "contient"} des erreurs : rien n'a été importé.`,
      },
      `Le fichier contient des erreurs (${countOf(lines, "ligne", "lignes", "f")}) : rien n'a été importé. Corrigez les lignes signalées puis importez le fichier à nouveau.`,
    );
  }
}

export class Conflict extends DomainError {
  readonly status = 409;
}

/** A service the portal depends on (an identity provider) does not answer: try later. */
export class Unavailable extends DomainError {
  readonly status = 503;
}

export class TooManyRequests extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

/**
 * Someone saved the record after the form was opened: nothing was written. Carries what is
 * stored now, so the person can compare it with what they typed and decide.
 */
export class StaleVersion extends Conflict {
  constructor(
    readonly current: {
      version: number;
      snapshot: Record<string, unknown>;
      changedBy: string | null;
      changedAt: Date | null;
      /** What the person sent, validated, to compare with the stored version. */
      typed: Record<string, unknown>;
    },
    message = "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : vos modifications n'ont pas été enregistrées.",
  ) {
    super(message);
  }
}

/** Field by field, what is stored and what was typed, in words a person reads. */
export interface ComparedField {
  field: string;
  label: string;
  before: string;
  after: string;
}
