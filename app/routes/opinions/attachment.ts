import { opinionAttachment } from "../../../src/platform/consultation/read";
import { appContext, requestContext } from "../../context";
import { consultationKinds } from "../../lib/consultations.server";
import { fileDownload } from "../../lib/download.server";
import { guard } from "../../lib/http.server";
import { idParam } from "../../lib/params.server";
import type { Route } from "./+types/attachment";

/** An opinion's document, for those who may read the opinion (any module's). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = context.get(appContext);
  const { actor } = context.get(requestContext);
  return guard(request, async () =>
    fileDownload(
      await opinionAttachment(db, consultationKinds, actor, idParam(params.consultationId)),
    ),
  );
}
