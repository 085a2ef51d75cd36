import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRequestWorkflow } from "../../src/modules/accounts/access-request-workflow";
import { declarationWorkflow } from "../../src/modules/apd/declaration-workflow";
import { campaignWorkflow } from "../../src/modules/atlas/campaigns/campaign-workflow";
import { importWorkflow } from "../../src/modules/atlas/import/import-workflow";
import { offerWorkflow } from "../../src/modules/bourse/offer-workflow";
import { requestWorkflow } from "../../src/modules/bourse/request-workflow";
import { auditLog } from "../../src/platform/audit/schema";
import { type Actor, visitor } from "../../src/platform/auth/actor";
import { Conflict, Forbidden, Invalid, Unauthenticated } from "../../src/platform/errors";
import type { Initiator, Workflow, WorkflowRow } from "../../src/platform/workflow/define";
import { workflowEvents } from "../../src/platform/workflow/schema";
import { transition } from "../../src/platform/workflow/transition";
import { actorFor } from "../support/actors";
import { builders } from "../support/build";
import { type TestDatabase, openTestDatabase } from "../support/database";

let database: TestDatabase;
let build: ReturnType<typeof builders>;
let daect: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  build = builders(database.db);
  daect = await actorFor(database.db, "daect@example.org");
});
afterAll(async () => {
  await database.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the walk treats every workflow alike.
type AnyWorkflow = Workflow<any, any, any>;

/** Each workflow with a factory that builds one of its records in a given state. */
const walks: { workflow: AnyWorkflow; make: (status: string) => Promise<{ id: number }> }[] = [
  { workflow: requestWorkflow, make: (status) => build.request({ status: status as never }) },
  { workflow: offerWorkflow, make: (status) => build.offer({ status: status as never }) },
  {
    workflow: declarationWorkflow,
    make: (status) => build.declaration({ status: status as never }),
  },
  { workflow: campaignWorkflow, make: (status) => build.campaign({ status: status as never }) },
  { workflow: importWorkflow, make: (status) => build.import({ status: status as never }) },
  {
    workflow: accessRequestWorkflow,
    make: (status) => build.accessRequest({ status: status as never }),
  },
];

/** Someone allowed to fire the event: the portal itself for jobs, the DAECT otherwise. */
const initiatorFor = (workflow: AnyWorkflow, event: string): Initiator =>
  workflow.events[event].by.includes("system") ? { system: "test" } : { actor: daect };

async function stored(workflow: AnyWorkflow, id: number) {
  const [row] = (await database.db
    .select()
    .from(workflow.table)
    .where(eq(workflow.table.id, id))) as WorkflowRow<string>[];
  const [{ events }] = await database.db
    .select({ events: count() })
    .from(workflowEvents)
    .where(and(eq(workflowEvents.workflow, workflow.name), eq(workflowEvents.recordId, id)));
  return { status: row.status, version: row.version, events };
}

const fire = (
  workflow: AnyWorkflow,
  id: number,
  event: string,
  expectedVersion: unknown,
  by = initiatorFor(workflow, event),
) =>
  database.db.transaction((tx) =>
    transition(tx, workflow, { id, event, by, expectedVersion, reason: "Essai" }),
  );

describe.each(walks)("the $workflow.name workflow", ({ workflow, make }) => {
  it("moves by every allowed event from every state, and refuses every other one", async () => {
    for (const state of workflow.states)
      for (const [event, rule] of Object.entries(workflow.events)) {
        const record = await make(state);
        const before = await stored(workflow, record.id);
        const label = `${event} from ${state}`;
        if (rule.from.includes(state)) {
          const { after } = await fire(workflow, record.id, event, before.version);
          expect(after.status, label).toBe(rule.to === "same" ? state : rule.to);
          expect(after.version, label).toBe(before.version + 1);
          const [row] = await database.db
            .select()
            .from(workflowEvents)
            .where(
              and(
                eq(workflowEvents.workflow, workflow.name),
                eq(workflowEvents.recordId, record.id),
              ),
            );
          expect({ ...row, id: 0, at: null }, label).toMatchObject({
            event,
            fromStatus: state,
            toStatus: after.status,
            reason: "Essai",
          });
          const journal = await database.db
            .select()
            .from(auditLog)
            .where(
              and(eq(auditLog.entityType, workflow.name), eq(auditLog.entityId, String(record.id))),
            );
          expect(journal.at(-1)?.after, label).toMatchObject({ event });
        } else {
          const refused = await fire(workflow, record.id, event, before.version).catch(
            (error: unknown) => error,
          );
          expect(refused, label).toBeInstanceOf(Invalid);
          expect(Object.values((refused as Invalid).fieldErrors), label).toContain(rule.refusal);
          expect(await stored(workflow, record.id), label).toEqual(before);
        }
      }
  });

  it("refuses a stale or missing version (409 / 400) and changes nothing", async () => {
    const [event, rule] = Object.entries(workflow.events)[0];
    const record = await make(rule.from[0]);
    const before = await stored(workflow, record.id);
    const stale = await fire(workflow, record.id, event, before.version - 1).catch(
      (error: unknown) => error,
    );
    expect(stale).toBeInstanceOf(Conflict);
    expect((stale as Conflict).status).toBe(409);
    expect((stale as Conflict).message).toBe(workflow.staleMessage);
    const missing = await fire(workflow, record.id, event, undefined).catch(
      (error: unknown) => error,
    );
    expect((missing as Invalid).fieldErrors.version).toContain("version");
    expect(await stored(workflow, record.id)).toEqual(before);
  });

  it("lets nobody fire an event outside the policy", async () => {
    const [event, rule] =
      Object.entries(workflow.events).find(([, rule]) => rule.by.some((by) => by !== "system")) ??
      Object.entries(workflow.events)[0];
    const record = await make(rule.from[0]);
    const before = await stored(workflow, record.id);
    const forPeople = rule.by.some((by) => by !== "system");
    // A visitor is asked to sign in; a job's event is refused even to the DAECT.
    const by: Initiator = { actor: forPeople ? visitor : daect };
    const refused = await fire(workflow, record.id, event, before.version, by).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(forPeople ? Unauthenticated : Forbidden);
    expect(await stored(workflow, record.id)).toEqual(before);
  });
});
