import { requestAttachment } from "../../../src/modules/bourse/index";
import { appContext, requestContext } from "../../context";
import { guard } from "../../lib/http.server";
import { idParam } from "../../lib/params.server";
import type { Route } from "./+types/attachment";

/**
 * A request's attachment, for those who see its contact details. Always a download with the
 * type detected at upload (every response carries nosniff): never shown inline.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    const file = await requestAttachment(
      db,
      { actor },
      idParam(params.requestId),
      idParam(params.attachmentId),
    );
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": file.mediaType,
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
