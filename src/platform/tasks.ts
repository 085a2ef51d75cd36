import type { Actor } from "./auth/actor";
import type { Queryable } from "./db/client";

/** Something waiting for the signed-in person, with the page where it is done. */
export interface Task {
  /** The part of the portal it belongs to ("e-APD", "Bourse-partenariats"…). */
  module: string;
  /** What is to be done, in a few words ("Examiner la demande"). */
  action: string;
  /** The record concerned, as its page names it. */
  title: string;
  href: string;
  /** Who it concerns, or the state it is in. */
  detail: string;
  /** The date it is due by, when there is one (YYYY-MM-DD). */
  dueOn: string | null;
}

/**
 * A module's tasks for a person: computed from its workflows' states and the policy's
 * scopes, never stored, so a task disappears with the transition that does it.
 */
export type TaskProvider = (q: Queryable, actor: Actor, now: Date) => Promise<Task[]>;

/** One inbox of every module's tasks, the most urgent first (undated ones last). */
export async function inboxOf(
  q: Queryable,
  actor: Actor,
  providers: readonly TaskProvider[],
  now = new Date(),
): Promise<Task[]> {
  if (actor.kind !== "user") return [];
  const tasks: Task[] = [];
  for (const provider of providers) tasks.push(...(await provider(q, actor, now)));
  return tasks.sort(
    (a, b) =>
      (a.dueOn ?? "9999-12-31").localeCompare(b.dueOn ?? "9999-12-31") ||
      a.module.localeCompare(b.module, "fr") ||
      a.title.localeCompare(b.title, "fr"),
  );
}
