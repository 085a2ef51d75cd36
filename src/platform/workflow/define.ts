import type { PgTableWithColumns } from "drizzle-orm/pg-core";
import type { Actor } from "../auth/actor";
import type { Queryable, Tx } from "../db/client";
import type { Action, Resource } from "../policy";

/**
 * Who fires an event: a signed-in person (the policy decides), the holder of a secret link
 * the caller has checked (it stands for the actions it grants, on that record only), or a
 * job of the portal.
 */
export type Initiator =
  | { actor: Actor }
  | { link: string; grants: readonly Action[] }
  | { system: string };

/** What an event's hooks know: the record before and after, who fired it and why. */
export interface EventContext<Row> {
  tx: Tx;
  before: Row;
  after: Row;
  event: string;
  by: Initiator;
  reason: string | null;
  publicUrl: string;
  now: Date;
}

export interface EventRule<Row, S extends string> {
  /** What a record's history calls the event, in French. */
  label: string;
  from: readonly S[];
  /** The state after the event; "same" records the event without moving the record. */
  to: S | "same";
  /** The actions that let a person fire it (any one suffices); "system" lets jobs fire it. */
  by: readonly (Action | "system")[];
  /** Why the event does not apply to the record's current state, in French. */
  refusal: string;
  /** A rule of the domain beyond the state, checked in the transaction: why not, or null. */
  guard?: (tx: Tx, row: Row, now: Date) => Promise<string | null> | string | null;
  /** The form field its refusals are shown against, when not the workflow's own. */
  field?: string;
  /** The mails of the event, queued in its transaction. */
  mail?: (context: EventContext<Row>) => Promise<void>;
}

/** The columns every workflow record has. */
export interface WorkflowRow<S extends string> {
  id: number;
  status: S;
  version: number;
}

// biome-ignore lint/suspicious/noExplicitAny: a workflow's table is any table with id/status/version.
type AnyTable = PgTableWithColumns<any>;

export interface Workflow<Row extends WorkflowRow<S>, S extends string, E extends string> {
  /** The name of the workflow, also the audit journal's entity type. */
  name: string;
  table: AnyTable;
  states: readonly S[];
  events: Record<E, EventRule<Row, S>>;
  /** The record as the policy sees it (its organisations, countries, régions). */
  resource: (q: Queryable, row: Row) => Promise<Resource>;
  /** The form field an event refusal is shown against ("demande", "offre"…). */
  field: string;
  /** What a person reads when the record changed since their form was opened. */
  staleMessage: string;
  notFound: string;
  /** The fields a person may still change in each state: "all", a list, or none. */
  editable: Partial<Record<S, "all" | readonly string[]>>;
  /** Why fields cannot be changed in a state that locks them. */
  lockedMessage: string;
}

export function defineWorkflow<Row extends WorkflowRow<S>, S extends string, E extends string>(
  workflow: Workflow<Row, S, E>,
): Workflow<Row, S, E> {
  for (const [event, rule] of Object.entries<EventRule<Row, S>>(workflow.events))
    for (const state of [...rule.from, ...(rule.to === "same" ? [] : [rule.to])])
      if (!workflow.states.includes(state))
        throw new Error(`${workflow.name}.${event}: unknown state ${state}`);
  return workflow;
}

/** The state after `event`, or null when the event does not apply in `status`. */
type StateTable<S extends string, E extends string> = {
  events: Record<E, { from: readonly S[]; to: S | "same" }>;
};

export function nextState<S extends string, E extends string>(
  workflow: StateTable<S, E>,
  status: S,
  event: E,
): S | null {
  const rule = workflow.events[event];
  if (!rule.from.includes(status)) return null;
  return rule.to === "same" ? status : rule.to;
}

/** The events that apply to a record in `status` (what buttons a page may show). */
export function eventsFrom<S extends string, E extends string>(
  workflow: StateTable<S, E>,
  status: S,
): E[] {
  return (Object.keys(workflow.events) as E[]).filter((event) =>
    workflow.events[event].from.includes(status),
  );
}

/** Whether `fields` (or any field) may still change in `status`. */
export function isEditable<S extends string>(
  workflow: { editable: Partial<Record<S, "all" | readonly string[]>> },
  status: S,
  fields: readonly string[] = [],
): boolean {
  const open = workflow.editable[status];
  if (open === undefined) return false;
  if (open === "all") return true;
  return fields.length > 0 && fields.every((field) => open.includes(field));
}
