import { eq } from "drizzle-orm";
import type { SignedInActor } from "../../src/platform/auth/actor";
import { users } from "../../src/platform/auth/schema";
import { membershipsOf } from "../../src/platform/auth/sessions";
import type { Queryable } from "../../src/platform/db/client";

/** The actor of a demo account, as a signed-in request would see it. */
export async function actorFor(q: Queryable, email: string): Promise<SignedInActor> {
  const [user] = await q.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No account ${email}`);
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    memberships: await membershipsOf(q, user.id),
  };
}
