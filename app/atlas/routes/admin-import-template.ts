import { importKinds, importTemplate } from "../../../src/modules/atlas/index";
import { NotFound } from "../../../src/platform/errors";
import { authorize } from "../../../src/platform/policy";
import { requestContext } from "../../context";
import { guard } from "../../platform/http.server";
import type { Route } from "./+types/admin-import-template";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { actor } = context.get(requestContext);
  return guard(request, async () => {
    authorize(actor, "atlas:import");
    const kind = importKinds.find((known) => known === params.kind);
    const format = params.format === "csv" || params.format === "xlsx" ? params.format : null;
    if (!kind || !format) throw new NotFound("Ce modèle n'existe pas.");
    const file = await importTemplate(kind, format);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      },
    });
  });
}
