import type { Queryable } from "../db/client";
import type { Action, Resource } from "../policy";

/** A consulted record as mails, tasks and notices name it. */
export interface ConsultedSubject {
  title: string;
  /** Whom the record comes from ("Ville de Rennes"). */
  from: string;
  /** The record's page, from the portal's root ("/bourse/offres/12"). */
  href: string;
}

/**
 * What a module declares to have opinions asked on its records: which actions ask and
 * answer (through the policy), how its records are named, and the keys of its mails.
 */
export interface ConsultationKind {
  /** The records' workflow name ("bourse_offer"). */
  subjectType: string;
  /** The part of the portal, as the task inbox names it. */
  module: string;
  /** The record in a sentence, without and with its article. */
  noun: string;
  theNoun: string;
  /** Prefix of the mails' idempotency keys ("bourse:offer") and templates ("bourse"). */
  mailKey: string;
  templatePrefix: string;
  /** Who asks, revokes and reads every opinion; checked on the record's resource. */
  askAction: Action;
  /** Who answers: checked on `{ organisationIds: [the consulted organisation] }`. */
  answerAction: Action;
  resource: (q: Queryable, subjectId: number) => Promise<Resource | null>;
  describe: (q: Queryable, subjectIds: readonly number[]) => Promise<Map<number, ConsultedSubject>>;
}

export const defineConsultation = (kind: ConsultationKind) => kind;

/** Where an organisation is asked: its own, or the State's service of a territory. */
export type ConsultedTarget =
  | { embassyOf: string }
  | { prefectureOf: string }
  | { organisationId: number };

/**
 * One consulted record: who may ask about it (its resource) and how mails name it, or null
 * once it is gone. Asking, answering, revoking and the deadline notices all start here.
 */
export async function subjectOf(q: Queryable, kind: ConsultationKind, subjectId: number) {
  const resource = await kind.resource(q, subjectId);
  const about = (await kind.describe(q, [subjectId])).get(subjectId);
  return resource && about ? { resource, about } : null;
}
