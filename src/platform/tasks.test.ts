import { describe, expect, it } from "vitest";
import type { SignedInActor } from "./auth/actor";
import type { Queryable } from "./db/client";
import { type Task, type TaskProvider, taskCounter } from "./tasks";

const person = (userId: number): SignedInActor => ({
  kind: "user",
  userId,
  email: `agent-${userId}@example.org`,
  displayName: "Agent",
  memberships: [],
});
const task = (title: string): Task => ({
  module: "Bourse-partenariats",
  action: "Examiner la demande",
  title,
  href: "/bourse",
  detail: "",
  dueOn: null,
});

describe("the header's task count", () => {
  it("is counted once per person until their own form or their inbox refreshes it", async () => {
    let waiting = [task("a"), task("b")];
    let runs = 0;
    const provider: TaskProvider = async () => {
      runs += 1;
      return waiting;
    };
    const counter = taskCounter([provider]);
    const q = {} as Queryable;
    expect(await counter.count(q, person(1))).toBe(2);
    waiting = [task("a")];
    expect(await counter.count(q, person(1))).toBe(2);
    expect(runs).toBe(1);
    // Another person is counted for themself.
    expect(await counter.count(q, person(2))).toBe(1);
    counter.forget(person(1));
    expect(await counter.count(q, person(1))).toBe(1);
    counter.remember(person(1), []);
    expect(await counter.count(q, person(1))).toBe(0);
    expect(await counter.count(q, { kind: "visitor" } as never)).toBe(0);
  });
});
