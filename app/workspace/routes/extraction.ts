import { extractionFile } from "../../../src/modules/workspace/index";
import { appContext, requestContext } from "../../context";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/extraction";

/** A kept extraction, downloaded as it was produced. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    const file = await extractionFile(db, actor, idParam(params.extractionId));
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
