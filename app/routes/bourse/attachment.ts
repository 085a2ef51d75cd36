import { requestAttachment } from "../../../src/modules/bourse/index";
import { appContext, requestContext } from "../../context";
import { fileDownload } from "../../lib/download.server";
import { guard } from "../../lib/http.server";
import { idParam } from "../../lib/params.server";
import type { Route } from "./+types/attachment";

/** A request's attachment, for those who see its contact details. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () =>
    fileDownload(
      await requestAttachment(
        db,
        { actor },
        idParam(params.requestId),
        idParam(params.attachmentId),
      ),
    ),
  );
}
