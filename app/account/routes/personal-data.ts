import { authorize } from "../../../src/platform/policy";
import { appContext, requestContext } from "../../context";
import { guard } from "../../platform/http.server";
import { personalDataOf } from "../personal-data.server";
import type { Route } from "./+types/personal-data";

/** The person's own data, as a JSON file (RGPD art. 15 and 20). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    authorize(actor, "account:read");
    if (actor.kind !== "user") return new Response(null, { status: 401 });
    const data = await personalDataOf(db, actor.userId);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="portail-aect-mes-donnees-${new Date().toISOString().slice(0, 10)}.json"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
