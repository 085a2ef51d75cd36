import { submissionReceipt } from "../../../src/modules/apd/index";
import { appContext, requestContext } from "../../context";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/receipt";

/** The acknowledgement of receipt of one submitted version, as PDF. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    const receipt = await submissionReceipt(
      db,
      actor,
      idParam(params.declarationId),
      idParam(params.number),
    );
    return new Response(new Uint8Array(receipt.body), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${receipt.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
