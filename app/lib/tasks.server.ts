import { taskProviders as apd } from "../../src/modules/apd/index";
import { taskProviders as atlas } from "../../src/modules/atlas/index";
import { taskProviders as bourse } from "../../src/modules/bourse/index";
import type { Actor } from "../../src/platform/auth/actor";
import type { Queryable } from "../../src/platform/db/client";
import { inboxOf } from "../../src/platform/tasks";

/** Every module's task providers: what Mon espace and the header count read. */
const providers = [...apd, ...atlas, ...bourse];

/** The signed-in person's inbox, the most urgent first. */
export const inboxFor = (q: Queryable, actor: Actor) => inboxOf(q, actor, providers);
