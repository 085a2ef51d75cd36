import { opinionAttachment } from "../../../src/platform/consultation/read";
import { appContext, requestContext } from "../../context";
import { consultationKinds } from "../../platform/consultations.server";
import { fileDownload } from "../../platform/download.server";
import { guard } from "../../platform/http.server";
import { idParam } from "../../platform/params.server";
import type { Route } from "./+types/opinion-attachment";

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
