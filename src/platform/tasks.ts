import { LRUCache } from "lru-cache";
import type { Actor } from "./auth/actor";
import type { Queryable } from "./db/client";
import { frenchCompare } from "./french/collation";

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
      frenchCompare(a.module, b.module) ||
      frenchCompare(a.title, b.title),
  );
}

/**
 * The header's count of a person's tasks, kept a minute per person on this instance: the
 * header is on every page, and the full inbox runs every module's queries. A form the
 * person sends forgets their count; the inbox page stores the count it just listed. What
 * others do shows in the count within the minute.
 */
export function taskCounter(providers: readonly TaskProvider[], ttlSeconds = 60) {
  const counts = new LRUCache<number, Promise<number>>({ max: 10_000, ttl: ttlSeconds * 1000 });
  return {
    count(q: Queryable, actor: Actor): Promise<number> {
      if (actor.kind !== "user") return Promise.resolve(0);
      const kept = counts.get(actor.userId);
      if (kept) return kept;
      const counting = inboxOf(q, actor, providers).then((tasks) => tasks.length);
      counts.set(actor.userId, counting);
      counting.catch(() => counts.delete(actor.userId));
      return counting;
    },
    forget(actor: Actor) {
      if (actor.kind === "user") counts.delete(actor.userId);
    },
    /** What the inbox just listed is the freshest count there is. */
    remember(actor: Actor, tasks: readonly Task[]) {
      if (actor.kind === "user") counts.set(actor.userId, Promise.resolve(tasks.length));
    },
  };
}
