import { taskProviders as accounts } from "../../src/modules/accounts/index";
import { taskProviders as apd } from "../../src/modules/apd/index";
import { taskProviders as atlas } from "../../src/modules/atlas/index";
import { taskProviders as bourse } from "../../src/modules/bourse/index";
import type { Actor } from "../../src/platform/auth/actor";
import type { Queryable } from "../../src/platform/db/client";
import { inboxOf, taskCounter } from "../../src/platform/tasks";

/** Every module's task providers: what Mon espace and the header count read. */
const providers = [...accounts, ...apd, ...atlas, ...bourse];

const counter = taskCounter(providers);

/** The signed-in person's inbox, the most urgent first. */
export async function inboxFor(q: Queryable, actor: Actor) {
  const tasks = await inboxOf(q, actor, providers);
  counter.remember(actor, tasks);
  return tasks;
}

/** The header's count: at most a minute old, fresh after the person's own forms. */
export const headerTaskCount = (q: Queryable, actor: Actor) => counter.count(q, actor);

/** A form sent by the person may have done one of their tasks. */
export const forgetTaskCount = (actor: Actor) => counter.forget(actor);
