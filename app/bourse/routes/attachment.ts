import { requestAttachment } from "../../../src/modules/bourse/index";
import { appContext, requestContext } from "../../context";
import { fileDownload } from "../../platform/download.server";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
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
